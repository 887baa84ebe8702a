package sqltest

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// Rows runs q and returns its rows in order, each as its columns cast to
// VARCHAR and joined with "|" (NULL as "NULL").
func Rows(t testing.TB, conn *sql.Conn, q string) []string {
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

// SameRows fails when got and want differ, showing both.
func SameRows(t testing.TB, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s\n got:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Int runs a query returning one BIGINT.
func Int(t testing.TB, conn *sql.Conn, q string) int64 {
	t.Helper()
	var n int64
	if err := conn.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// WantError runs q, reading every row, and fails unless it errors with a
// message containing every part.
func WantError(t testing.TB, conn *sql.Conn, q string, parts ...string) {
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
