package pgcatalog

import (
	"context"
	"database/sql"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/library"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestInstallIsIdempotent installs twice on one connection: the second
// call finds the marker and changes nothing (the catalog entries keep
// their DuckDB oids).
func TestInstallIsIdempotent(t *testing.T) {
	ctx := context.Background()
	conn, _ := sqltest.OpenRaw(t)
	if err := Install(ctx, conn); err != nil {
		t.Fatal(err)
	}
	q := "SELECT view_oid FROM duckdb_views() WHERE database_name = '" + Database + "' AND view_name = 'pg_class'"
	before := sqltest.Int(t, conn, q)
	if err := Install(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if after := sqltest.Int(t, conn, q); after != before {
		t.Errorf("second Install recreated pg_class (oid %d, then %d)", before, after)
	}
}

// TestInstallConcurrently installs from several connections of one
// instance at once, and from two instances, then uses every connection.
func TestInstallConcurrently(t *testing.T) {
	ctx := context.Background()
	var conns []*sql.Conn
	for range 2 {
		db, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		for range 3 {
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { c.Close() })
			conns = append(conns, c)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(conns))
	for i, c := range conns {
		wg.Go(func() {
			if errs[i] = Install(ctx, c); errs[i] == nil {
				errs[i] = Setup(ctx, c, "memory")
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
	}
	for i, c := range conns {
		if n := sqltest.Int(t, c, "SELECT count(*) FROM pg_class WHERE relname = 'pg_type'"); n != 1 {
			t.Errorf("connection %d: pg_type found %d times", i, n)
		}
	}
}

// TestReadOnlyDatabase installs on a database file opened read-only and
// reads its tables through the catalog, on a session that did not
// register martdb's library.
func TestReadOnlyDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE visits (id INTEGER PRIMARY KEY, seen TIMESTAMP)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	conn, err := ro.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := Install(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if err := Setup(ctx, conn, "shop"); err != nil {
		t.Fatal(err)
	}
	sqltest.SameRows(t, "read-only database", sqltest.Rows(t, conn,
		"SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), current_database(), current_setting('transaction_read_only') "+
			"FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relnamespace = 2200 AND c.relkind = 'r' ORDER BY a.attnum"),
		[]string{"visits|id|integer|shop|on", "visits|seen|timestamp without time zone|shop|on"})
	// Without martdb's library on the session, pg_proc has only built-ins.
	sqltest.SameRows(t, "pg_proc without the library", sqltest.Rows(t, conn,
		"SELECT count(*) FILTER (WHERE pronamespace = 2200), count(*) FILTER (WHERE proname = 'array_recv') FROM pg_proc"),
		[]string{"0|1"})
}

// TestOnlyTheUsersDatabaseShows checks that DuckDB's system and temp
// catalogs, other attached databases and the emulation itself stay out of
// the catalog, and that a second schema shows under its own name.
func TestOnlyTheUsersDatabaseShows(t *testing.T) {
	conn := openCatalog(t)
	sqltest.Exec(t, conn,
		"CREATE TABLE kept (x INTEGER)",
		"CREATE SCHEMA crm",
		"CREATE TABLE crm.deals (id INTEGER PRIMARY KEY, amount DECIMAL(12,2))",
		"CREATE TEMP TABLE scratch (y INTEGER)",
		"ATTACH ':memory:' AS other",
		"CREATE TABLE other.main.elsewhere (z INTEGER)")
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "namespaces", sqltest.Rows(t, conn, "SELECT nspname FROM "+pgc+"pg_namespace ORDER BY 1"),
		[]string{"crm", "information_schema", "pg_catalog", "public"})
	sqltest.SameRows(t, "user relations", sqltest.Rows(t, conn,
		"SELECT n.nspname, c.relname, c.relkind FROM "+pgc+"pg_class c JOIN "+pgc+"pg_namespace n ON n.oid = c.relnamespace "+
			"WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"),
		[]string{"crm|deals|r", "crm|deals_pkey|i", "public|kept|r"})
	sqltest.SameRows(t, "crm.deals columns", sqltest.Rows(t, conn,
		"SELECT column_name, data_type, numeric_precision, numeric_scale FROM "+Database+"."+InfoSchema+".columns "+
			"WHERE table_schema = 'crm' ORDER BY ordinal_position"),
		[]string{"id|integer|32|0", "amount|numeric|12|2"})
	sqltest.SameRows(t, "catalog relations", sqltest.Rows(t, conn,
		"SELECT count(*) FROM "+pgc+"pg_class WHERE relname LIKE '\\_martdb%' ESCAPE '\\'"), []string{"0"})
}

// TestRelationsMatchPostgreSQL checks that the installed relations are
// exactly Relations(), each with PostgreSQL 15's columns in order, and
// that every name of Functions() is a macro of the emulation.
func TestRelationsMatchPostgreSQL(t *testing.T) {
	conn := openCatalog(t)
	var want []string
	for _, r := range Relations() {
		want = append(want, r.Schema+"."+r.Name)
		var cols []string
		for _, c := range columnSpec[r.Schema+"."+r.Name] {
			cols = append(cols, c.Name)
		}
		schema := PgCatalogSchema
		if r.Schema == InformationSchema {
			schema = InfoSchema
		}
		got := sqltest.Rows(t, conn, "SELECT column_name FROM duckdb_columns() WHERE database_name = '"+Database+
			"' AND schema_name = '"+schema+"' AND table_name = '"+r.Name+"' ORDER BY column_index")
		sqltest.SameRows(t, r.Schema+"."+r.Name+" columns", got, cols)
	}
	got := sqltest.Rows(t, conn, "SELECT CASE schema_name WHEN '"+PgCatalogSchema+"' THEN 'pg_catalog' ELSE 'information_schema' END || '.' || view_name "+
		"FROM duckdb_views() WHERE database_name = '"+Database+"' AND view_name NOT LIKE '\\_martdb%' ESCAPE '\\' ORDER BY 1")
	sqltest.SameRows(t, "installed views", got, want)
	if len(columnSpec) != len(Relations()) {
		t.Errorf("columns.txt describes %d relations, Relations() lists %d", len(columnSpec), len(Relations()))
	}
	macros := map[string]bool{}
	for _, m := range sqltest.Rows(t, conn, "SELECT DISTINCT function_name FROM duckdb_functions() WHERE database_name = '"+Database+"'") {
		macros[m] = true
	}
	fns := Functions()
	if !sort.StringsAreSorted(fns) || len(fns) < 60 {
		t.Errorf("Functions() = %v", fns)
	}
	for _, f := range fns {
		if !macros[f] {
			t.Errorf("Functions() lists %s, which is not installed", f)
		}
	}
	for _, f := range []string{RegclassFunc, RegtypeFunc, RegprocFunc, RegnamespaceFunc, RegroleFunc, RegclassTextFunc,
		RegtypeTextFunc, RegprocTextFunc, RegnamespaceTextFunc, RegroleTextFunc} {
		if !macros[f] {
			t.Errorf("helper %s is not installed", f)
		}
	}
}

// TestProcListsTheLibrary registers martdb's whole library, as every
// session of the engine has it, and checks that pg_proc and
// pg_description show each of its functions: the shared views read the
// session's own martdb_functions().
func TestProcListsTheLibrary(t *testing.T) {
	ctx := context.Background()
	conn, raw := sqltest.OpenRaw(t)
	if err := library.Register(ctx, catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		t.Fatal(err)
	}
	if err := Install(ctx, conn); err != nil {
		t.Fatal(err)
	}
	if err := Setup(ctx, conn, "memory"); err != nil {
		t.Fatal(err)
	}
	fns := library.Functions()
	// In the query's order: by name, then kind, as separate columns
	// ("clv" before "clv_fit", which sorting the joined rows would swap).
	sort.Slice(fns, func(i, j int) bool {
		if fns[i].Name != fns[j].Name {
			return fns[i].Name < fns[j].Name
		}
		return procKind(fns[i]) < procKind(fns[j])
	})
	var want []string
	for _, f := range fns {
		want = append(want, f.Name+"|"+procKind(f)+"|"+f.Description)
	}
	got := sqltest.Rows(t, conn, "SELECT p.proname, p.prokind, d.description FROM pg_proc p "+
		"JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 1255 "+
		"WHERE n.nspname = 'public' ORDER BY 1, 2, 3")
	sqltest.SameRows(t, "martdb's functions in pg_proc", got, want)
	if n := sqltest.Int(t, conn, "SELECT count(DISTINCT oid) FROM pg_proc WHERE pronamespace = 2200"); n != int64(len(want)) {
		t.Errorf("%d distinct OIDs for %d functions", n, len(want))
	}
}

// procKind is pg_proc.prokind for a catalog function.
func procKind(f catalog.Function) string {
	if f.Kind == catalog.Aggregate {
		return "a"
	}
	return "f"
}

// TestSessionSettings checks Setup's search path, SetUser and SetSetting.
func TestSessionSettings(t *testing.T) {
	ctx := context.Background()
	conn := openCatalog(t)
	sqltest.SameRows(t, "defaults", sqltest.Rows(t, conn,
		"SELECT current_user, current_schema(), current_schemas(true), current_setting('application_name'), "+
			"current_setting('SERVER_VERSION_NUM'), current_setting('search_path'), current_setting('no_such_setting')"),
		[]string{"martdb|public|[public, pg_catalog]||150000|public, pg_catalog|NULL"})
	if err := SetUser(ctx, conn, "ann"); err != nil {
		t.Fatal(err)
	}
	for name, value := range map[string]string{"application_name": "psql", "DateStyle": "ISO, DMY", "TimeZone": "Europe/Oslo"} {
		if err := SetSetting(ctx, conn, name, value); err != nil {
			t.Fatal(err)
		}
	}
	if err := SetSetting(ctx, conn, "application_name", "Metabase"); err != nil {
		t.Fatal(err)
	}
	sqltest.SameRows(t, "after SetUser and SetSetting", sqltest.Rows(t, conn,
		"SELECT current_user, session_user, pg_get_userbyid(10), current_setting('application_name'), current_setting('datestyle'), "+
			"(SELECT source FROM pg_settings WHERE name = 'DateStyle'), current_setting('timezone'), "+
			"(SELECT rolname FROM pg_roles), (SELECT usename || '|' || application_name FROM pg_stat_activity)"),
		[]string{"ann|ann|ann|Metabase|ISO, DMY|session|Europe/Oslo|ann|ann|Metabase"})
	// CREATE goes to the user's schema, not the emulation.
	sqltest.Exec(t, conn, "CREATE TABLE made_here (x INTEGER)")
	sqltest.SameRows(t, "new table", sqltest.Rows(t, conn,
		"SELECT database_name, schema_name FROM duckdb_tables() WHERE table_name = 'made_here'"), []string{"memory|main"})
	for _, call := range []func() error{
		func() error { return Setup(ctx, conn, "") },
		func() error { return SetUser(ctx, conn, "") },
		func() error { return SetSetting(ctx, conn, "", "x") },
		func() error { return Setup(ctx, conn, "no_such_db") },
	} {
		if err := call(); err == nil || !strings.Contains(err.Error(), "pgcatalog.") {
			t.Errorf("want an error naming the function, got %v", err)
		}
	}
}

// TestRegHelpers checks the functions the rewriter puts in place of casts
// to the reg* types, both ways.
func TestRegHelpers(t *testing.T) {
	conn := openCatalog(t)
	sqltest.Exec(t, conn, "CREATE SCHEMA crm", `CREATE TABLE crm."Deals" (id INTEGER)`, "CREATE TABLE accounts (id INTEGER)")
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "reg helpers", sqltest.Rows(t, conn, "SELECT "+
		pgc+"_martdb_regclass('pg_class'), "+pgc+"_martdb_regclass('pg_catalog.pg_type'), "+pgc+"_martdb_regclass(1259), "+
		pgc+"_martdb_regclass('1259'), "+pgc+"_martdb_regclass('crm.deals') IS NULL, "+
		pgc+"_martdb_regclass('crm.\"Deals\"') = "+pgc+"_martdb_regclass('CRM.\"Deals\"'), "+
		pgc+"_martdb_regclass_text("+pgc+"_martdb_regclass('crm.\"Deals\"')), "+
		pgc+"_martdb_regclass_text("+pgc+"_martdb_regclass('ACCOUNTS')), "+
		pgc+"_martdb_regclass_text(1), "+
		pgc+"_martdb_regtype('int4'), "+pgc+"_martdb_regtype('character varying'), "+pgc+"_martdb_regtype('varchar[]'), "+
		pgc+"_martdb_regtype(1700), "+pgc+"_martdb_regtype_text(1184), "+pgc+"_martdb_regtype_text(0), "+
		pgc+"_martdb_regproc('array_recv') = "+pgc+"_martdb_regproc((SELECT typreceive FROM "+pgc+"pg_type WHERE oid = 1007)), "+
		pgc+"_martdb_regproc_text((SELECT typinput FROM "+pgc+"pg_type WHERE oid = 23)), "+
		pgc+"_martdb_regnamespace('public'), "+pgc+"_martdb_regnamespace_text(11), "+
		pgc+"_martdb_regrole('martdb'), "+pgc+"_martdb_regrole_text(10), "+pgc+"to_regclass('nope')"),
		[]string{"1259|1247|1259|1259|true|true|crm.\"Deals\"|accounts|1|23|1043|1015|1700|timestamp with time zone|-|true|int4in|2200|pg_catalog|10|martdb|NULL"})
}

// TestFunctionsBehave checks catalog functions clients call directly.
func TestFunctionsBehave(t *testing.T) {
	conn := openCatalog(t)
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "functions", sqltest.Rows(t, conn, "SELECT "+
		pgc+"quote_ident('abc'), "+pgc+"quote_ident('Abc'), "+pgc+"quote_ident('select'), "+pgc+"quote_ident('a\"b'), "+
		pgc+"array_lower([4, 5, 6], 1), "+pgc+"array_upper([4, 5, 6], 1), "+pgc+"array_upper([], 1), "+
		pgc+"pg_encoding_to_char(6), "+pgc+"pg_char_to_encoding('UTF8'), "+pgc+"pg_is_in_recovery(), "+
		pgc+"has_table_privilege('x', 'select'), "+pgc+"has_schema_privilege('martdb', 'public', 'usage'), "+
		pgc+"parse_ident('Public.\"Odd\"'), "+pgc+"pg_typeof(1.5::DECIMAL(4,1)), "+pgc+"pg_typeof('x'), "+
		pgc+"json_build_object('a', 1, 'b', [true]), "+pgc+"json_build_object(), "+
		pgc+"to_char(TIMESTAMP '2024-03-05 14:07:09.123', 'YYYY-MM-DD HH24:MI:SS.MS'), "+
		pgc+"to_char(DATE '2024-03-05', 'FMDay, DD Mon YYYY'), "+
		pgc+"pg_backend_pid() > 0, "+pgc+"version() LIKE 'PostgreSQL 15.0 (martdb%DuckDB v%'"),
		[]string{`abc|"Abc"|"select"|"a""b"|1|3|NULL|UTF8|6|false|true|true|[public, Odd]|numeric|text|{"a":1,"b":[true]}|{}|` +
			`2024-03-05 14:07:09.123|Tuesday, 05 Mar 2024|true|true`})
	if n := sqltest.Int(t, conn, "SELECT count(*) FROM "+pgc+"pg_get_keywords() WHERE word = 'select' AND catcode = 'R'"); n != 1 {
		t.Errorf("pg_get_keywords: select found %d times as reserved", n)
	}
}

// TestStrftimeFormat checks the PostgreSQL template translation.
func TestStrftimeFormat(t *testing.T) {
	for pg, want := range map[string]string{
		"YYYY-MM-DD":                "%Y-%m-%d",
		"YYYY-MM-DD HH24:MI:SS":     "%Y-%m-%d %H:%M:%S",
		"HH12:MI:SS.US AM":          "%I:%M:%S.%f %p",
		"FMDay, DD Month YY":        "%A, %d %B %y",
		"Dy Mon DD HH:MI:SS.MS TZ":  "%a %b %d %I:%M:%S.%g %Z",
		"YYYY-MM-DD\"T\"HH24:MI:OF": "%Y-%m-%d\"T\"%H:%M:%z",
	} {
		if got := StrftimeFormat(pg); got != want {
			t.Errorf("StrftimeFormat(%q) = %q, want %q", pg, got, want)
		}
	}
}

// TestDefaultsAsPostgreSQLPrintsThem checks pg_attrdef (and so
// pg_get_expr and information_schema.columns): DuckDB's CAST('v' AS T),
// nextval('s') and current_timestamp come out in PostgreSQL's spelling,
// other defaults as DuckDB prints them.
func TestDefaultsAsPostgreSQLPrintsThem(t *testing.T) {
	conn := openCatalog(t)
	sqltest.Exec(t, conn, "CREATE SEQUENCE ids",
		"CREATE TABLE d (id BIGINT DEFAULT nextval('ids'), day DATE DEFAULT DATE '2020-01-02', "+
			"seen TIMESTAMP DEFAULT TIMESTAMP '2020-01-02 03:04:05', made TIMESTAMPTZ DEFAULT current_timestamp, "+
			"n INTEGER DEFAULT 1 + 2, s VARCHAR DEFAULT 'it''s')")
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "defaults", sqltest.Rows(t, conn, "SELECT d.adnum, "+pgc+"pg_get_expr(d.adbin, d.adrelid, true) FROM "+
		pgc+"pg_attrdef d JOIN "+pgc+"pg_class c ON c.oid = d.adrelid WHERE c.relname = 'd' ORDER BY 1"),
		[]string{"1|nextval('ids'::regclass)", "2|'2020-01-02'::date", "3|'2020-01-02 03:04:05'::timestamp without time zone",
			"4|CURRENT_TIMESTAMP", "5|(1 + 2)", "6|'it''s'"})
}

// TestConstraintsAndIndexStatistics checks what DBeaver's navigator
// reads: keys and foreign keys are not inherited, CHECK constraints are,
// and every index's scan counter reads 0.
func TestConstraintsAndIndexStatistics(t *testing.T) {
	conn := openCatalog(t)
	sqltest.Exec(t, conn, "CREATE TABLE p (id INTEGER PRIMARY KEY, u INTEGER UNIQUE, CHECK (u > 0))",
		"CREATE TABLE f (p_id INTEGER REFERENCES p (id))")
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "connoinherit", sqltest.Rows(t, conn, "SELECT contype, connoinherit FROM "+pgc+"pg_constraint ORDER BY contype"),
		[]string{"c|false", "f|true", "p|true", "u|true"})
	sqltest.SameRows(t, "numscans", sqltest.Rows(t, conn, "SELECT count(*), min("+pgc+"pg_stat_get_numscans(indexrelid)), max("+
		pgc+"pg_stat_get_numscans(indexrelid)) FROM "+pgc+"pg_index"), []string{"2|0|0"})
}

// TestSchemaComments checks that pg_catalog and public carry
// PostgreSQL's comments (DBeaver and \dn+ show them) and that
// information_schema, as in PostgreSQL, has none.
func TestSchemaComments(t *testing.T) {
	conn := openCatalog(t)
	pgc := Database + "." + PgCatalogSchema + "."
	sqltest.SameRows(t, "schema comments", sqltest.Rows(t, conn, "SELECT n.nspname, "+pgc+"obj_description(n.oid, 'pg_namespace') FROM "+
		pgc+"pg_namespace n ORDER BY 1"),
		[]string{"information_schema|NULL", "pg_catalog|system catalog schema", "public|standard public schema"})
}
