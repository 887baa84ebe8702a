package pgcatalog

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/split"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestCatalog runs the files in testdata/clients. Each starts from a
// fresh in-memory database whose martdb_functions() lists testFunctions,
// with the emulation installed and the session set up. Commands:
//
//	fixture  run testdata/fixture.sql, the user's tables the files describe
//	exec     run the statements; prints nothing, or the error
//	query    run one query; prints its rows, columns joined by |, NULL as
//	         NULL, or the error; with the argument sort, the rows sorted (for
//	         queries without ORDER BY)
//
// The queries are the ones clients send, written as they write them. The
// harness does only what the dialect rewriter (sql/pgdialect) does for
// qualified names: pg_catalog.X goes to the emulation when X is one of
// Relations or Functions and loses its qualifier otherwise (DuckDB's own
// function of that name answers); information_schema.X always goes to the
// emulation. OIDs of user objects change with DuckDB's counters, so a
// test writes $oid(name) where a client would have the number, and the
// harness substitutes it. Every other change a query needed (casts to
// reg* types, PostgreSQL-only syntax) is made by hand and noted next to
// the query: those are pgdialect's to make on the wire.
func TestCatalog(t *testing.T) {
	fixture, err := os.ReadFile("testdata/fixture.sql")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/clients/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			conn := openCatalog(t)
			datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
				switch d.Cmd {
				case "fixture":
					return execScript(conn, string(fixture))
				case "exec":
					return execScript(conn, d.Input)
				case "query":
					q, err := qualify(conn, strings.TrimSuffix(strings.TrimSpace(d.Input), ";"))
					if err != nil {
						return "error: " + err.Error() + "\n"
					}
					out := nameOIDs(t, conn, queryRows(conn, q))
					if d.HasArg("sort") {
						lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
						sort.Strings(lines)
						out = strings.Join(lines, "\n") + "\n"
					}
					return out
				}
				d.Fatalf(t, "unknown command %s", d.Cmd)
				return ""
			})
		})
	}
}

// execScript runs the statements of a script; it returns "" or the error.
func execScript(conn *sql.Conn, script string) string {
	for _, st := range split.Split(script) {
		if _, err := conn.ExecContext(context.Background(), st.Text); err != nil {
			return "error: " + err.Error() + "\n"
		}
	}
	return ""
}

// testFunctions stand in for martdb's library in the testdata files, so
// that their expected rows do not change with the library: one function
// of each kind.
var testFunctions = []catalog.Function{
	{Name: "window_funnel", Kind: catalog.Aggregate, Family: "funnel",
		Signature:   "window_funnel(window INTERVAL, ts TIMESTAMP, conds BOOLEAN[]) -> INTEGER",
		Description: "Deepest funnel step reached within the window.", Example: "SELECT 1;"},
	{Name: "sessions", Kind: catalog.Table, Family: "sessions",
		Signature:   "sessions(source, user, ts, gap := INTERVAL 30 MINUTE) -> TABLE(user, session_number BIGINT)",
		Description: "One row per session.", Example: "SELECT 1;"},
	{Name: "double_it", Kind: catalog.Scalar, Family: "test",
		Signature:   "double_it(x DOUBLE) -> DOUBLE",
		Description: "Twice x.", Example: "SELECT 1;"},
}

// openCatalog opens an in-memory database with the test functions listed
// and the emulation installed and set up.
func openCatalog(t testing.TB) *sql.Conn {
	t.Helper()
	ctx := context.Background()
	conn, _ := sqltest.OpenRaw(t)
	if err := catalog.RegisterListing(ctx, conn, testFunctions); err != nil {
		t.Fatal(err)
	}
	if err := Install(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if err := Setup(ctx, conn, "memory"); err != nil {
		t.Fatal(err)
	}
	return conn
}

var (
	pgCatalogRef = regexp.MustCompile(`(?i)"?\bpg_catalog\b"?\s*\.\s*("?)(\w+)("?)`)
	infoRef      = regexp.MustCompile(`(?i)"?\binformation_schema\b"?\s*\.`)
	oidRef       = regexp.MustCompile(`\$oid\(([^)]*)\)`)
)

// qualify does to a client's query what the dialect rewriter does to
// qualified catalog names (see TestCatalog), outside string literals, and
// substitutes $oid(name).
func qualify(conn *sql.Conn, q string) (string, error) {
	known := map[string]bool{}
	for _, r := range Relations() {
		if r.Schema == PgCatalog {
			known[r.Name] = true
		}
	}
	for _, f := range Functions() {
		known[f] = true
	}
	q = outsideStrings(q, func(code string) string {
		code = pgCatalogRef.ReplaceAllStringFunc(code, func(m string) string {
			parts := pgCatalogRef.FindStringSubmatch(m)
			if known[strings.ToLower(parts[2])] {
				return Database + "." + PgCatalogSchema + "." + parts[1] + parts[2] + parts[3]
			}
			return parts[1] + parts[2] + parts[3]
		})
		return infoRef.ReplaceAllString(code, Database+"."+InfoSchema+".")
	})
	var lookupErr error
	q = oidRef.ReplaceAllStringFunc(q, func(m string) string {
		name := oidRef.FindStringSubmatch(m)[1]
		var oid sql.NullInt64
		err := conn.QueryRowContext(context.Background(),
			"SELECT "+qualified(PgCatalogSchema, RegclassFunc)+"(?)", name).Scan(&oid)
		if err == nil && !oid.Valid {
			err = errNoRelation(name)
		}
		if err != nil {
			lookupErr = err
			return m
		}
		return strconv.FormatInt(oid.Int64, 10)
	})
	return q, lookupErr
}

// outsideStrings applies f to the parts of q that are not inside
// single-quoted string literals.
func outsideStrings(q string, f func(string) string) string {
	var b strings.Builder
	start, inString := 0, false
	for i := 0; i < len(q); i++ {
		if q[i] != '\'' {
			continue
		}
		if inString {
			if i+1 < len(q) && q[i+1] == '\'' {
				i++
				continue
			}
			b.WriteString(q[start : i+1])
			start, inString = i+1, false
		} else {
			b.WriteString(f(q[start:i]))
			start, inString = i, true
		}
	}
	if inString {
		b.WriteString(q[start:])
	} else {
		b.WriteString(f(q[start:]))
	}
	return b.String()
}

type errNoRelation string

func (e errNoRelation) Error() string { return "no relation " + string(e) }

var number = regexp.MustCompile(`\b[0-9]{5,}\b`)

// nameOIDs writes the OIDs of the user's relations in out as $oid(name),
// the way the files write them in queries, since the numbers change with
// DuckDB's counters.
func nameOIDs(t *testing.T, conn *sql.Conn, out string) string {
	names := map[string]string{}
	rows := sqltest.Rows(t, conn, "SELECT c.oid, CASE WHEN n.nspname = 'public' THEN '' ELSE n.nspname || '.' END || c.relname "+
		"FROM "+qualified(PgCatalogSchema, "pg_class")+" c JOIN "+qualified(PgCatalogSchema, "pg_namespace")+" n ON n.oid = c.relnamespace "+
		"WHERE c.oid >= "+strconv.Itoa(FirstNormalObjectID))
	for _, r := range rows {
		oid, name, _ := strings.Cut(r, "|")
		names[oid] = "$oid(" + name + ")"
	}
	return number.ReplaceAllStringFunc(out, func(n string) string {
		if name, ok := names[n]; ok {
			return name
		}
		return n
	})
}

// queryRows runs q and formats its rows as sqltest.Rows does, or the error.
func queryRows(conn *sql.Conn, q string) string {
	rows, err := conn.QueryContext(context.Background(),
		"SELECT concat_ws('|', *COLUMNS(*)) FROM (SELECT coalesce(COLUMNS(*)::VARCHAR, 'NULL') FROM ("+q+"))")
	if err != nil {
		return "error: " + err.Error() + "\n"
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "error: " + err.Error() + "\n"
		}
		b.WriteString(s + "\n")
	}
	if err := rows.Err(); err != nil {
		return "error: " + err.Error() + "\n"
	}
	return b.String()
}
