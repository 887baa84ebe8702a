package storage

import (
	"errors"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// ErrLocked is the kind of error reported when another process holds a
// database file open; test with errors.Is.
var ErrLocked = errors.New("database file in use by another process")

// LockedBy reports whether err, from opening the database file path,
// means that another process holds the file: DuckDB failed with an I/O
// error and the file carries another process's lock. It returns that
// process's id. The decision rests on DuckDB's error type and the
// operating system's lock table, never on the wording of the message.
//
// The check reads the lock table only; on systems without POSIX record
// locks it always reports false.
func LockedBy(err error, path string) (pid int, locked bool) {
	var de *duckdb.Error
	if !errors.As(err, &de) || de.Type != duckdb.ErrorTypeIO {
		return 0, false
	}
	return lockHolder(path)
}
