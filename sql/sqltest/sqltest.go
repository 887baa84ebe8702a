// Package sqltest opens in-memory DuckDB connections with martdb function
// families registered, for the tests of the sql/ packages (as httptest
// serves net/http's). It is imported by tests only.
package sqltest

import (
	"context"
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2" // the driver the connections use
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/storage"
)

// OpenRaw opens an in-memory database and one connection, with its raw
// handle; both close when the test ends.
func OpenRaw(t testing.TB) (*sql.Conn, *storage.Raw) {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn, rawOf(t, conn)
}

// rawOf captures conn's raw handle.
func rawOf(tb testing.TB, conn *sql.Conn) *storage.Raw {
	tb.Helper()
	raw, err := storage.NewRaw(conn)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// Open opens an in-memory database and one connection with the families
// registered.
func Open(t testing.TB, families ...catalog.Family) *sql.Conn {
	t.Helper()
	conn, raw := OpenRaw(t)
	for _, f := range families {
		if err := f.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
			t.Fatalf("registering %s: %v", f.Name, err)
		}
	}
	return conn
}

// Exec runs statements that return no rows, failing the test on error.
func Exec(t testing.TB, conn *sql.Conn, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := conn.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// Column runs a one-column query and returns its values as text, NULL as
// "NULL".
func Column(t testing.TB, conn *sql.Conn, q string) []string {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v sql.NullString
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		if !v.Valid {
			v.String = "NULL"
		}
		out = append(out, v.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// RegisteredConn opens an in-memory database and one connection with the
// families registered, without a test to clean up after: for tests of
// registration itself, which open several. The caller closes both.
func RegisteredConn(families ...catalog.Family) (*sql.DB, *sql.Conn, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, nil, err
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		return db, nil, err
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		return db, conn, err
	}
	for _, f := range families {
		if err := f.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
			return db, conn, err
		}
	}
	return db, conn, nil
}

// RegisterTwice registers f on a connection that has it already: it must
// replace what is there (CREATE OR REPLACE, functions registered again),
// never fail.
func RegisterTwice(t testing.TB, f catalog.Family) {
	t.Helper()
	conn := Open(t, f)
	if err := f.Register(context.Background(), catalog.Conn{SQL: conn, Handle: rawOf(t, conn).Handle()}); err != nil {
		t.Fatalf("registering %s again: %v", f.Name, err)
	}
}
