package datagen

import (
	"context"
	"database/sql"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// openConn opens a fresh in-memory DuckDB database and one connection to it.
func openConn(t testing.TB) *sql.Conn {
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
	return conn
}

// generated opens a fresh database and generates cfg into it.
func generated(t testing.TB, cfg Config, workers int) (*sql.Conn, Stats) {
	t.Helper()
	conn := openConn(t)
	st, err := generate(context.Background(), conn, cfg, nil, workers)
	if err != nil {
		t.Fatalf("generate %+v: %v", cfg, err)
	}
	return conn, st
}

// queryFloat runs a query returning one number.
func queryFloat(t testing.TB, conn *sql.Conn, q string) float64 {
	t.Helper()
	var v sql.NullFloat64
	if err := conn.QueryRowContext(context.Background(), q).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v.Float64
}
