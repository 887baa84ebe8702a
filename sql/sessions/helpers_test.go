package sessions

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// openFamily opens an in-memory database, takes one connection and
// registers the family on it.
func openFamily(t testing.TB) *sql.Conn {
	t.Helper()
	return sqltest.Open(t, Family)
}

// registeredConn opens an in-memory database and one connection with the
// family registered; the caller closes them.
func registeredConn() (*sql.DB, *sql.Conn, error) {
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
	return db, conn, Family.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()})
}

// exec runs statements that return no rows.
func exec(t testing.TB, conn *sql.Conn, stmts ...string) {
	t.Helper()
	sqltest.Exec(t, conn, stmts...)
}

// text runs q and returns its rows in order, each as its columns cast to
// VARCHAR and joined with "|" (NULL as "NULL").
func text(t testing.TB, conn *sql.Conn, q string) []string {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(),
		"SELECT concat_ws('|', *COLUMNS(*)) FROM (SELECT coalesce(COLUMNS(*)::VARCHAR, 'NULL') FROM ("+q+"))")
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// sameText fails when got and want differ, showing both.
func sameText(t testing.TB, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s\n got:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// count runs a query returning one BIGINT.
func count(t testing.TB, conn *sql.Conn, q string) int64 {
	t.Helper()
	var n int64
	if err := conn.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// wantError runs q, reading every row, and fails unless it errors with a
// message containing every part.
func wantError(t testing.TB, conn *sql.Conn, q string, parts ...string) {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), q)
	if err == nil {
		for rows.Next() {
		}
		err = rows.Err()
		rows.Close()
	}
	if err == nil {
		t.Errorf("%s: no error, want one containing %q", q, parts)
		return
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %q does not contain %q", q, err, p)
		}
	}
}
