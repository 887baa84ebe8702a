package engine

import (
	"context"
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

func TestFunctionLibraryIsRegisteredButNotPersisted(t *testing.T) {
	path := tempDB(t)
	eng, s := openTest(t, path)
	got := mustExec(t, s, "SELECT count(*) FROM martdb_functions() WHERE name = 'martdb_functions'")
	if got[0].rows[0][0] != "1" {
		t.Fatalf("martdb_functions() does not list itself: %v", got)
	}
	mustExec(t, s, "CREATE TABLE kept AS SELECT 1 AS a")
	if err := eng.Close(); err != nil {
		t.Fatal(err)
	}

	// Stock DuckDB opens the file, sees the table, and no trace of martdb.
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM kept").Scan(&n); err != nil || n != 1 {
		t.Fatalf("table not readable by stock DuckDB: %v %d", err, n)
	}
	if err := db.QueryRow("SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'martdb%'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("martdb functions persisted into the file: %v %d", err, n)
	}
}

func TestReadOnlyEngineRefusesWrites(t *testing.T) {
	path := tempDB(t)
	eng, s := openTest(t, path)
	mustExec(t, s, "CREATE TABLE t AS SELECT 1 AS a")
	eng.Close()

	opt := Options{}
	opt.Path, opt.ReadOnly = path, true
	ro, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	rs, err := ro.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := mustExec(t, rs, "SELECT a FROM t"); got[0].rows[0][0] != "1" {
		t.Fatal("read-only engine cannot read")
	}
	_, err = collect(t, rs, "INSERT INTO t VALUES (2)")
	if CodeOf(err) != CodeReadOnlyTransaction {
		t.Fatalf("write on read-only database: %v (code %s), want 25006", err, CodeOf(err))
	}
}

func TestReadOnlyMemoryIsRefused(t *testing.T) {
	opt := Options{}
	opt.ReadOnly = true
	_, err := Open(context.Background(), opt)
	if CodeOf(err) != CodeInvalidParameter {
		t.Fatalf("got %v, want 22023", err)
	}
}

func TestClosedEngineGivesNoSessions(t *testing.T) {
	eng, _ := openTest(t, "")
	eng.Close()
	if _, err := eng.NewSession(context.Background()); err == nil {
		t.Fatal("session from a closed engine")
	}
}
