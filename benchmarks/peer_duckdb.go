package main

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/duckdb/duckdb-go/v2" // the same DuckDB build martdb uses
)

// duckdbPeer is DuckDB through database/sql with no martdb layer.
type duckdbPeer struct {
	db *sql.DB
}

func (p *duckdbPeer) Name() string    { return "duckdb" }
func (p *duckdbPeer) Dialect() string { return dialectDuckDB }

func (p *duckdbPeer) Open(ctx context.Context, d *dataset) error {
	db, err := sql.Open("duckdb", fmt.Sprintf("%s?access_mode=read_only&memory_limit=%s", d.Path, memoryLimit))
	if err != nil {
		return err
	}
	p.db = db
	return db.PingContext(ctx)
}

func (p *duckdbPeer) Run(ctx context.Context, q string) ([][]any, error) {
	return scanSQL(p.db.QueryContext(ctx, q))
}

func (p *duckdbPeer) Close() error {
	if p.db == nil {
		return nil
	}
	return p.db.Close()
}

// scanSQL reads every row of a database/sql result.
func scanSQL(rows *sql.Rows, err error) ([][]any, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, vals)
	}
	return out, rows.Err()
}
