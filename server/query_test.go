package server

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// pgCode is the SQLSTATE of a server error, or "" for none.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// TestStartupParameters checks the ParameterStatus set clients rely on.
func TestStartupParameters(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	pc := c.PgConn()
	want := map[string]string{
		"server_version": "15.0", "server_encoding": "UTF8", "client_encoding": "UTF8",
		"DateStyle": "ISO, MDY", "IntervalStyle": "postgres", "TimeZone": "UTC",
		"integer_datetimes": "on", "standard_conforming_strings": "on",
		"is_superuser": "on", "session_authorization": "tester",
	}
	for k, v := range want {
		if got := pc.ParameterStatus(k); got != v {
			t.Errorf("ParameterStatus(%s) = %q, want %q", k, got, v)
		}
	}
	if pc.PID() == 0 {
		t.Error("no BackendKeyData")
	}
	// SET of a reported parameter reports it again.
	if _, err := c.Exec(ctxT(t), "SET application_name = 'report-tool'"); err != nil {
		t.Fatal(err)
	}
	if got := pc.ParameterStatus("application_name"); got != "report-tool" {
		t.Errorf("application_name after SET: %q", got)
	}
	var shown string
	if err := c.QueryRow(ctxT(t), "SHOW application_name").Scan(&shown); err != nil || shown != "report-tool" {
		t.Errorf("SHOW application_name = %q, %v", shown, err)
	}
}

// TestSimpleQuery covers several statements in one Query, each with its
// own result and tag, and the empty query.
func TestSimpleQuery(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	results, err := c.PgConn().Exec(ctxT(t), "CREATE TABLE t (i INTEGER, s VARCHAR); INSERT INTO t VALUES (1, 'a'), (2, NULL); SELECT * FROM t ORDER BY i; UPDATE t SET s = 'b' WHERE i = 2; DELETE FROM t WHERE i = 1").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, r := range results {
		tags = append(tags, r.CommandTag.String())
	}
	wantTags := []string{"CREATE TABLE", "INSERT 0 2", "SELECT 2", "UPDATE 1", "DELETE 1"}
	if len(tags) != len(wantTags) {
		t.Fatalf("tags %q, want %q", tags, wantTags)
	}
	for i := range tags {
		if tags[i] != wantTags[i] {
			t.Errorf("tag %d = %q, want %q", i, tags[i], wantTags[i])
		}
	}
	sel := results[2]
	if len(sel.Rows) != 2 || string(sel.Rows[0][1]) != "a" || sel.Rows[1][1] != nil {
		t.Errorf("rows %q", sel.Rows)
	}
	if f := sel.FieldDescriptions; len(f) != 2 || f[0].DataTypeOID != 23 || f[1].DataTypeOID != 25 {
		t.Errorf("fields %+v", f)
	}
	empty, err := c.PgConn().Exec(ctxT(t), "").ReadAll()
	if err != nil || len(empty) != 1 || len(empty[0].Rows) != 0 {
		t.Errorf("empty query: %v %v", empty, err)
	}
}

// TestImplicitTransaction checks that a failing statement in a
// multi-statement Query undoes the ones before it.
func TestImplicitTransaction(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	if _, err := c.Exec(ctxT(t), "CREATE TABLE t (i INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	_, err := c.PgConn().Exec(ctxT(t), "INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)").ReadAll()
	// DuckDB's constraint errors say what failed only in their message
	// text, which martdb does not parse: every violation is 23000.
	if pgCode(err) != "23000" {
		t.Fatalf("duplicate key: %v (%s)", err, pgCode(err))
	}
	var n int
	if err := c.QueryRow(ctxT(t), "SELECT count(*) FROM t").Scan(&n); err != nil || n != 0 {
		t.Errorf("rows after the failed batch: %d, %v", n, err)
	}
}

// TestExtendedParameters runs parameters of the common types through the
// extended protocol (pgx's default) and back.
func TestExtendedParameters(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	if _, err := c.Exec(ctx, `CREATE TABLE p (i INTEGER, b BIGINT, d DOUBLE, s VARCHAR, ok BOOLEAN, ts TIMESTAMP, tz TIMESTAMPTZ, day DATE, n DECIMAL(12,3), u UUID, raw BLOB, l INTEGER[])`); err != nil {
		t.Fatal(err)
	}
	ts0 := time.Date(2025, 3, 4, 5, 6, 7, 123000000, time.UTC)
	uuid := [16]byte{0x12, 0x34, 0x56, 0x78, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	num := pgtype.Numeric{Int: big.NewInt(1234567), Exp: -3, Valid: true}
	for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol} {
		if _, err := c.Exec(ctx, "DELETE FROM p"); err != nil {
			t.Fatal(err)
		}
		// The simple protocol inlines an array as the string '{1,2,3}' and
		// bytea as '\x0001ff', PostgreSQL's text forms, which DuckDB
		// reads differently (a list is [1,2,3]; '\x00' is one escaped
		// byte). Cast, as here, the dialect rewrites both constants.
		_, err := c.Exec(ctx, "INSERT INTO p VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::bytea, $12::integer[])", mode,
			int32(-7), int64(1)<<40, 2.5, "héllo", true, ts0, ts0, ts0, num, pgtype.UUID{Bytes: uuid, Valid: true}, []byte{0, 1, 255}, []int32{1, 2, 3})
		if err != nil {
			t.Fatalf("mode %v: insert: %v", mode, err)
		}
		var (
			i     int32
			b     int64
			d     float64
			s     string
			ok    bool
			gotTS time.Time
			gotTZ time.Time
			day   time.Time
			n     pgtype.Numeric
			u     [16]byte
			raw   []byte
			l     []int32
		)
		err = c.QueryRow(ctx, "SELECT * FROM p WHERE i = $1 AND s = $2", mode, int32(-7), "héllo").Scan(&i, &b, &d, &s, &ok, &gotTS, &gotTZ, &day, &n, &u, &raw, &l)
		if err != nil {
			t.Fatalf("mode %v: select: %v", mode, err)
		}
		if i != -7 || b != 1<<40 || d != 2.5 || s != "héllo" || !ok || !gotTS.Equal(ts0) || !gotTZ.Equal(ts0) ||
			day.Format("2006-01-02") != "2025-03-04" || u != uuid || string(raw) != "\x00\x01\xff" || len(l) != 3 || l[2] != 3 {
			t.Errorf("mode %v: got %v %v %v %q %v %v %v %v %v %x %v", mode, i, b, d, s, ok, gotTS, gotTZ, day, u, raw, l)
		}
		if f, _ := n.Float64Value(); f.Float64 != 1234.567 {
			t.Errorf("mode %v: numeric %v", mode, f)
		}
	}
}

// TestExtendedManyRows reads 100k rows through one portal.
func TestExtendedManyRows(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	rows, err := c.Query(ctxT(t), "SELECT i, 'row ' || i AS label FROM range($1) t(i)", 100000)
	if err != nil {
		t.Fatal(err)
	}
	var n, sum int64
	for rows.Next() {
		var i int64
		var label string
		if err := rows.Scan(&i, &label); err != nil {
			t.Fatal(err)
		}
		n++
		sum += i
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 100000 || sum != 99999*100000/2 {
		t.Errorf("n=%d sum=%d", n, sum)
	}
	if tag := rows.CommandTag().String(); tag != "SELECT 100000" {
		t.Errorf("tag %q", tag)
	}
}

// TestUntypedParameter checks a parameter DuckDB cannot type before
// binding (i + $1), sent as text with an unspecified type as libpq and
// node-postgres do, and typed by pgx from the announced OID.
func TestUntypedParameter(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	var got int64
	if err := c.QueryRow(ctxT(t), "SELECT i + $1 FROM (SELECT 1 AS i)", 41).Scan(&got); err != nil || got != 42 {
		t.Errorf("pgx: %d, %v", got, err)
	}
	res := c.PgConn().ExecParams(ctxT(t), "SELECT i + $1 FROM (SELECT 1 AS i)", [][]byte{[]byte("41")}, []uint32{0}, nil, nil).Read()
	if res.Err != nil || len(res.Rows) != 1 || string(res.Rows[0][0]) != "42" {
		t.Errorf("text parameter: %q, %v", res.Rows, res.Err)
	}
}
