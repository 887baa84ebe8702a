package engine

import (
	"context"
	"reflect"
	"runtime/debug"
	"sync"
	"unsafe"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/duckdb/duckdb-go/v2/mapping"
)

// This file reaches into duckdb-go for what streaming results need and
// the driver keeps private: it runs every query materialised
// (duckdb_pending_prepared, never the streaming variant) and has no public
// way to turn a raw DuckDB data chunk into Go values. Rather than
// re-implement its conversion of every DuckDB type, martdb links to the
// driver's own functions, so streamed rows are the same Go values the
// driver would produce.
//
// Linking to unexported functions is only safe for the exact version whose
// signatures this file declares. streamingSupported checks the module
// version in the build and the layout of duckdb.Stmt; when either differs,
// queries fall back to the driver's materialised path (correct, only
// without bounded memory) instead of calling functions whose shape may
// have changed. TestStreamingIsOn fails if that fallback is taken in this
// build.

// pinnedDuckDB is the duckdb-go version the declarations below match.
const pinnedDuckDB = "v2.10506.0"

//go:linkname chunkFromDuck github.com/duckdb/duckdb-go/v2.(*DataChunk).initFromDuckDataChunk
func chunkFromDuck(chunk *duckdb.DataChunk, in mapping.DataChunk, writable bool) error

//go:linkname chunkClose github.com/duckdb/duckdb-go/v2.(*DataChunk).close
func chunkClose(chunk *duckdb.DataChunk)

//go:linkname logicalTypeString github.com/duckdb/duckdb-go/v2.logicalTypeString
func logicalTypeString(t mapping.LogicalType) string

//go:linkname driverError github.com/duckdb/duckdb-go/v2.getDuckDBError
func driverError(msg string) error

//go:linkname setDriverContext github.com/duckdb/duckdb-go/v2.(*Conn).setContext
func setDriverContext(conn *duckdb.Conn, ctx context.Context) func()

var (
	streamingOnce sync.Once
	streamingOK   bool
	stmtPrepared  uintptr // offset of duckdb.Stmt's preparedStmt field
)

// streamingSupported reports whether this build links the pinned
// duckdb-go, so that the declarations above hold. Test binaries carry no
// module versions; for them TestStreamingIsOn checks go.mod instead.
func streamingSupported() bool {
	streamingOnce.Do(func() {
		v := duckdbVersion()
		streamingOK = (v == pinnedDuckDB || v == "") && findStmtField()
	})
	return streamingOK
}

// duckdbVersion is the version of duckdb-go in the build, "" when the
// binary does not record its dependencies (go test).
func duckdbVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range info.Deps {
		if m.Path == "github.com/duckdb/duckdb-go/v2" {
			if m.Replace != nil {
				return m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
}

// findStmtField locates duckdb.Stmt's `preparedStmt *mapping.PreparedStatement`.
func findStmtField() bool {
	f, ok := reflect.TypeOf(duckdb.Stmt{}).FieldByName("preparedStmt")
	if !ok || f.Type != reflect.TypeOf((*mapping.PreparedStatement)(nil)) {
		return false
	}
	stmtPrepared = f.Offset
	return true
}

// preparedOf is the C prepared statement inside stmt.
func preparedOf(stmt *duckdb.Stmt) *mapping.PreparedStatement {
	return *(**mapping.PreparedStatement)(unsafe.Add(unsafe.Pointer(stmt), stmtPrepared))
}
