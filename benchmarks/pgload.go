package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// pgTables are the shop's tables in PostgreSQL, with the indexes a
// careful user would add for these questions.
var pgTables = []struct {
	name    string
	columns []string // name and type
	indexes []string
}{
	{"customers", []string{"customer_id bigint PRIMARY KEY", "signup_ts timestamp", "country text", "channel text", "device text", "email text"}, nil},
	{"events", []string{"user_id bigint", "ts timestamp", "event text", "session_id bigint", "properties text"},
		[]string{"CREATE INDEX ON events (user_id, ts)", "CREATE INDEX ON events (event, user_id, ts)"}},
	{"orders", []string{"order_id bigint", "customer_id bigint", "ts timestamp", "amount numeric(12,2)", "items integer"},
		[]string{"CREATE INDEX ON orders (customer_id, ts)"}},
}

// loadPostgres copies the shop from its DuckDB file into PostgreSQL,
// streaming rows through COPY, then indexes and analyzes it.
func loadPostgres(ctx context.Context, conn *pgx.Conn, d *dataset) error {
	src, err := sql.Open("duckdb", d.Path+"?access_mode=read_only")
	if err != nil {
		return err
	}
	defer src.Close()
	for _, t := range pgTables {
		if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (%s)", t.name, strings.Join(t.columns, ", "))); err != nil {
			return err
		}
		cols := columnNames(t.columns)
		rows, err := src.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s", strings.Join(cols, ", "), t.name))
		if err != nil {
			return err
		}
		_, err = conn.CopyFrom(ctx, pgx.Identifier{t.name}, cols, &sqlRowSource{rows: rows, n: len(cols)})
		rows.Close()
		if err != nil {
			return fmt.Errorf("copying %s: %w", t.name, err)
		}
		for _, idx := range t.indexes {
			if _, err := conn.Exec(ctx, idx); err != nil {
				return err
			}
		}
	}
	_, err = conn.Exec(ctx, "VACUUM ANALYZE")
	return err
}

// columnNames takes the names out of column definitions.
func columnNames(defs []string) []string {
	var out []string
	for _, d := range defs {
		out = append(out, strings.Fields(d)[0])
	}
	return out
}

// sqlRowSource feeds database/sql rows to pgx's COPY.
type sqlRowSource struct {
	rows *sql.Rows
	n    int
	vals []any
	err  error
}

func (s *sqlRowSource) Next() bool {
	if !s.rows.Next() {
		return false
	}
	s.vals = make([]any, s.n)
	ptrs := make([]any, s.n)
	for i := range ptrs {
		ptrs[i] = &s.vals[i]
	}
	s.err = s.rows.Scan(ptrs...)
	for i, v := range s.vals {
		if d, ok := v.(interface{ String() string }); ok && i < s.n {
			if _, isDec := v.(interface{ Float64() float64 }); isDec {
				s.vals[i] = d.String() // DECIMAL as its exact text
			}
		}
	}
	return s.err == nil
}

func (s *sqlRowSource) Values() ([]any, error) { return s.vals, s.err }
func (s *sqlRowSource) Err() error {
	if s.err != nil {
		return s.err
	}
	return s.rows.Err()
}
