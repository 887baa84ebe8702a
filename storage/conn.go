package storage

import "database/sql"

// Conn is one DuckDB connection as storage uses it: the database/sql
// handle to run statements and the raw handle to watch their progress.
type Conn struct {
	SQL *sql.Conn
	Raw *Raw
}

// ProgressFunc receives a running statement's progress in percent.
type ProgressFunc func(percent float64)
