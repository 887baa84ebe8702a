package engine

import (
	"context"
	"reflect"
	"testing"
)

func TestExecRunsEveryStatementInOrder(t *testing.T) {
	_, s := openTest(t, "")
	got := mustExec(t, s, `
		CREATE TABLE t (a INTEGER, b VARCHAR);
		INSERT INTO t VALUES (2, 'two'), (1, NULL);
		SELECT a, b FROM t ORDER BY a;
		UPDATE t SET b = 'one' WHERE a = 1;
		DELETE FROM t WHERE a = 2;
		SELECT count(*) AS n FROM t`)
	wantTags := []string{"CREATE", "INSERT 0 2", "SELECT 2", "UPDATE 1", "DELETE 1", "SELECT 1"}
	if len(got) != len(wantTags) {
		t.Fatalf("got %d results, want %d", len(got), len(wantTags))
	}
	for i, w := range wantTags {
		if got[i].tag != w {
			t.Errorf("statement %d: tag %q, want %q", i+1, got[i].tag, w)
		}
	}
	if want := [][]string{{"1", "NULL"}, {"2", "two"}}; !reflect.DeepEqual(got[2].rows, want) {
		t.Errorf("rows = %v, want %v", got[2].rows, want)
	}
	if want := []Column{{"a", "INTEGER"}, {"b", "VARCHAR"}}; !reflect.DeepEqual(got[2].cols, want) {
		t.Errorf("columns = %v, want %v", got[2].cols, want)
	}
	if got[0].cols != nil || got[1].cols != nil {
		t.Errorf("commands should have no result columns: %v %v", got[0].cols, got[1].cols)
	}
}

func TestInsertReturningKeepsItsRows(t *testing.T) {
	_, s := openTest(t, "")
	got := mustExec(t, s, "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (7), (8) RETURNING a")
	if got[1].tag != "INSERT 0 2" || len(got[1].rows) != 2 || got[1].rows[1][0] != "8" {
		t.Errorf("INSERT ... RETURNING gave tag %q rows %v", got[1].tag, got[1].rows)
	}
}

func TestExecStopsAtFirstError(t *testing.T) {
	_, s := openTest(t, "")
	got, err := collect(t, s, "CREATE TABLE t (a INT); SELECT * FROM missing; CREATE TABLE u (a INT)")
	if err == nil {
		t.Fatal("expected an error")
	}
	if len(got) != 1 {
		t.Errorf("ran %d statements before stopping, want 1", len(got))
	}
	if _, err := collect(t, s, "SELECT * FROM u"); CodeOf(err) != CodeUndefinedTable {
		t.Errorf("statement after the error ran: %v", err)
	}
}

func TestEmptyAndCommentOnlyTextRunsNothing(t *testing.T) {
	_, s := openTest(t, "")
	for _, text := range []string{"", "  ;  ; ", "-- nothing\n/* at all */"} {
		got := mustExec(t, s, text)
		if len(got) != 0 {
			t.Errorf("%q produced %d results", text, len(got))
		}
	}
}

func TestSessionsAreIsolated(t *testing.T) {
	eng, s1 := openTest(t, "")
	mustExec(t, s1, "CREATE TEMP TABLE mine (a INT); CREATE TABLE shared (a INT)")
	s2, err := eng.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(t, s2, "SELECT * FROM mine"); CodeOf(err) != CodeUndefinedTable {
		t.Errorf("second session sees the first one's temp table: %v", err)
	}
	mustExec(t, s2, "SELECT * FROM shared")
	s1.Close()
	s3, err := eng.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := collect(t, s3, "SELECT * FROM mine"); CodeOf(err) != CodeUndefinedTable {
		t.Errorf("a new session inherited a closed session's temp table: %v", err)
	}
}

func TestValuesOfCommonTypes(t *testing.T) {
	_, s := openTest(t, "")
	got := mustExec(t, s, `SELECT 1.50::DECIMAL(10,2) AS d, -0.05::DECIMAL(5,3) AS small,
		DATE '2025-03-04' AS day, TIMESTAMP '2025-03-04 05:06:07.25' AS ts,
		INTERVAL '1 day 2 hours' AS iv, [1, 2, 3] AS l, {'k': 'v'} AS st,
		'6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID AS u, true AS b, 2.5::DOUBLE AS f,
		170141183460469231731687303715884105727::HUGEINT AS h`)
	want := []string{"1.50", "-0.050", "2025-03-04", "2025-03-04 05:06:07.25", "1 day 02:00:00",
		"[1, 2, 3]", "{'k': v}", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "true", "2.5",
		"170141183460469231731687303715884105727"}
	if !reflect.DeepEqual(got[0].rows[0], want) {
		t.Errorf("values\n got %q\nwant %q", got[0].rows[0], want)
	}
	if !(Column{"n", "DECIMAL(10,2)"}).Numeric() || (Column{"s", "VARCHAR"}).Numeric() {
		t.Error("Numeric misclassifies DECIMAL or VARCHAR")
	}
}

func TestNestedValuesKeepTheirTypes(t *testing.T) {
	_, s := openTest(t, "")
	got := mustExec(t, s, `SELECT [DATE '2024-12-31', NULL] AS days,
		MAP {'b': DATE '2025-01-02', 'a': DATE '2025-01-01'} AS m,
		{'z': 1.5::DECIMAL(4,2), 'a': TIME '10:11:12'} AS st,
		[{'when': TIMESTAMP '2025-01-01 10:00:00'}] AS events`)
	want := []string{"[2024-12-31, NULL]", "{b=2025-01-02, a=2025-01-01}",
		"{'z': 1.50, 'a': '10:11:12'}", "[{'when': '2025-01-01 10:00:00'}]"}
	if !reflect.DeepEqual(got[0].rows[0], want) {
		t.Errorf("nested values\n got %q\nwant %q", got[0].rows[0], want)
	}
}

// TestNestedTextMatchesDuckDBCast pins FormatValue to DuckDB's own VARCHAR
// cast of nested values, which is what its shell prints.
func TestNestedTextMatchesDuckDBCast(t *testing.T) {
	_, s := openTest(t, "")
	exprs := []string{
		`['a', 'b', 'it''s', 'x y', NULL, '', 'null', ' pad', 'back\slash', 'a,b']`,
		`{'k': 'v', 'n': 'a,b', 'q': 'say "hi"'}`,
		`MAP {'b': 'x=1', 'a': 'y'}`,
		`[[DATE '2024-01-01'], []]`,
		`{'t': [TIME '01:02:03'], 'm': MAP {1: 2.50::DECIMAL(5,2)}}`,
		`[TIMESTAMP '2025-01-01 10:00:00.5', NULL]`,
		`[INTERVAL '1 day 2 hours', INTERVAL '3 months']`,
		`[true, false]`,
		`[1.5::DOUBLE, -2::DOUBLE]`,
		`['6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID]`,
		`-2::DOUBLE`, `2.5::FLOAT`, `1e20::DOUBLE`, `1e-7::DOUBLE`, `123456789.0::DOUBLE`, `'nan'::DOUBLE`, `'-inf'::DOUBLE`,
		`TIMESTAMP '2025-01-01 10:00:00'`, `TIME '00:00:00.000001'`, `INTERVAL '-1 day -3 seconds'`, `INTERVAL '14 months 2 days'`,
		`'\x00\xFFab'::BLOB`, `-12.345::DECIMAL(10,3)`, `0.001::DECIMAL(4,3)`,
	}
	for _, e := range exprs {
		got := mustExec(t, s, "SELECT "+e+" AS v, ("+e+")::VARCHAR AS cast")
		if row := got[0].rows[0]; row[0] != row[1] {
			t.Errorf("%s:\n FormatValue %s\n DuckDB cast %s", e, row[0], row[1])
		}
	}
}

// TestConcurrentSessions opens many sessions at once, as a burst of
// clients on the wire server does. Registering the function library from
// several connections at the same moment failed ("could not create scalar
// UDF"); now the first session registers the database-wide functions,
// once, and every session creates only its own temporary macros.
func TestConcurrentSessions(t *testing.T) {
	eng, _ := openTest(t, "")
	const n = 16
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := eng.NewSession(context.Background())
			if err == nil {
				_, err = collect(t, s, "SELECT * FROM martdb_functions() LIMIT 1")
				s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
