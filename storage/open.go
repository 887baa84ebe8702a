package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// MemoryPath is the name of the in-memory database; an empty path means the
// same.
const MemoryPath = ":memory:"

// Options says which database to open and how.
type Options struct {
	Path        string // database file; "" or ":memory:" for an in-memory database
	ReadOnly    bool   // open the file read-only (fails for an in-memory database)
	MemoryLimit string // DuckDB memory_limit, e.g. "8GB"; "" keeps DuckDB's default
	Threads     int    // DuckDB threads; 0 keeps DuckDB's default
	// RestrictFiles turns DuckDB's external access off: SQL then reads
	// and writes no file (no read_csv, COPY TO/FROM a path, ATTACH of
	// another file, INSTALL or LOAD from disk) except under AllowedDirs,
	// and no statement can turn it back on. See files.go.
	RestrictFiles bool
	AllowedDirs   []string // directories SQL may still use when RestrictFiles is set
}

// IsMemory reports whether path names the in-memory database.
func IsMemory(path string) bool { return path == "" || path == MemoryPath }

// ErrReadOnlyMemory is returned when a read-only in-memory database is asked
// for: it could never hold any data.
var ErrReadOnlyMemory = errors.New("an in-memory database cannot be opened read-only")

// Open opens (creating it if needed, unless read-only) the database and
// returns a pool whose connections are never reused: each martdb session
// gets a fresh DuckDB connection, so no session sees another's temporary
// objects or settings.
func Open(ctx context.Context, opt Options) (*sql.DB, error) {
	if opt.ReadOnly && IsMemory(opt.Path) {
		return nil, ErrReadOnlyMemory
	}
	connector, err := duckdb.NewConnector(dsn(opt), nil)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(connector)
	db.SetMaxIdleConns(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if opt.RestrictFiles {
		if err := restrictFiles(ctx, db, opt.AllowedDirs); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// dsn builds duckdb-go's data source name: the path plus settings as query
// parameters.
func dsn(opt Options) string {
	path := opt.Path
	if IsMemory(path) {
		path = ""
	}
	q := url.Values{}
	if opt.ReadOnly {
		q.Set("access_mode", "READ_ONLY")
	}
	if opt.MemoryLimit != "" {
		q.Set("memory_limit", opt.MemoryLimit)
	}
	if opt.Threads > 0 {
		q.Set("threads", strconv.Itoa(opt.Threads))
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// Close checkpoints a writable file database, so that its write-ahead log is
// folded into the file, and closes the pool.
func Close(db *sql.DB, opt Options) error {
	var cerr error
	if !opt.ReadOnly && !IsMemory(opt.Path) {
		if _, err := db.Exec("CHECKPOINT"); err != nil {
			cerr = fmt.Errorf("checkpoint on close: %w", err)
		}
	}
	return errors.Join(cerr, db.Close())
}
