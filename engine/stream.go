package engine

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"time"

	bindings "github.com/duckdb/duckdb-go-bindings"
	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/duckdb/duckdb-go/v2/mapping"
	"github.com/martdb/martdb/storage"
)

// streamRows reads a query's result from DuckDB one chunk (2,048 rows) at
// a time: DuckDB computes the next rows when they are fetched, so a
// client that reads slowly, or stops, holds one chunk and DuckDB's small
// stream buffer, never the whole result.
//
// A DuckDB connection runs one query at a time: starting anything else on
// it invalidates an open stream. The session therefore settles its open
// stream before it runs anything else (Session.settle): the rest of the
// rows are read into Go memory first, and reading goes on from there, so
// results that are interleaved (two portals, a cursor and a query) stay
// correct, and only they pay in memory.
type streamRows struct {
	s     *Session
	res   mapping.Result
	names []string
	types []string
	ctx   context.Context // fetches run under it (Result.SetContext)

	chunk    duckdb.DataChunk
	hasChunk bool // chunk holds a fetched chunk to close
	pos      int  // next row in chunk
	size     int  // rows in chunk

	settled [][]driver.Value // rows read ahead by settle
	err     error            // the error that ended a settled stream
	open    bool             // res is live (not yet ended or destroyed)
}

// stream executes stmt, bound to args, in DuckDB's streaming mode, under
// ctx. The query runs until its first rows are ready (all of it when the
// result needs it, an ORDER BY or an aggregate); the rest runs as rows
// are read, under readCtx.
func (s *Session) stream(ctx, readCtx context.Context, stmt *duckdb.Stmt, args []driver.NamedValue) (*streamRows, error) {
	if err := stmt.BindWithCtx(ctx, args); err != nil {
		return nil, err
	}
	var pending mapping.PendingResult
	var state mapping.State
	// DuckDB binds the statement again here when it must, calling table
	// functions' bind with the context.
	s.call(ctx, func() { state = bindings.PendingPreparedStreaming(*preparedOf(stmt), &pending) })
	if state == mapping.StateError {
		err := driverError(mapping.PendingError(pending))
		mapping.DestroyPending(&pending)
		return nil, err
	}
	defer mapping.DestroyPending(&pending)
	var res mapping.Result
	s.call(ctx, func() { state = mapping.ExecutePending(pending, &res) })
	if state == mapping.StateError {
		err := errors.Join(cause(ctx), driverError(mapping.ResultError(&res)))
		mapping.DestroyResult(&res)
		return nil, err
	}
	r := &streamRows{s: s, res: res, ctx: readCtx, open: true}
	n := int(mapping.ColumnCount(&res))
	r.names, r.types = make([]string, n), make([]string, n)
	for i := range n {
		r.names[i] = mapping.ColumnName(&res, mapping.IdxT(i))
		lt := mapping.ColumnLogicalType(&res, mapping.IdxT(i))
		r.types[i] = logicalTypeString(lt)
		mapping.DestroyLogicalType(&lt)
	}
	s.active = r
	return r, nil
}

// Columns implements driver.Rows.
func (r *streamRows) Columns() []string { return r.names }

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *streamRows) ColumnTypeDatabaseTypeName(i int) string { return r.types[i] }

// Next implements driver.Rows: the next row into dst, io.EOF at the end.
func (r *streamRows) Next(dst []driver.Value) error {
	if !r.open {
		return r.nextSettled(dst)
	}
	for r.pos == r.size {
		if err := r.fetch(r.ctx); err != nil {
			return err
		}
	}
	for i := range dst {
		v, err := r.chunk.GetValue(i, r.pos)
		if err != nil {
			return err
		}
		if b, ok := v.(duckdb.Bit); ok {
			v = b.String() // as duckdb-go's own rows give BIT
		}
		dst[i] = v
	}
	r.pos++
	return nil
}

// nextSettled serves a row read ahead by settle.
func (r *streamRows) nextSettled(dst []driver.Value) error {
	if len(r.settled) == 0 {
		if r.err != nil {
			return r.err
		}
		return io.EOF
	}
	copy(dst, r.settled[0])
	r.settled[0] = nil
	r.settled = r.settled[1:]
	return nil
}

// fetch replaces the current chunk with the next one from DuckDB, under
// ctx and the session's statement timeout and Cancel. At the end, or on
// an error, the result is released and the error (io.EOF at the end)
// returned.
func (r *streamRows) fetch(ctx context.Context) error {
	r.dropChunk()
	ctx, cancel := r.s.statementContext(ctx)
	defer cancel(nil)
	if ctx.Err() != nil {
		r.end()
		return cause(ctx)
	}
	var c mapping.DataChunk
	r.s.call(ctx, func() { c = mapping.FetchChunk(r.res) })
	if c.Ptr == nil {
		err := error(io.EOF)
		if msg := mapping.ResultError(&r.res); msg != "" {
			err = errors.Join(cause(ctx), driverError(msg))
		}
		r.end()
		return err
	}
	r.hasChunk = true
	if err := chunkFromDuck(&r.chunk, c, false); err != nil {
		r.end()
		return err
	}
	r.pos, r.size = 0, r.chunk.GetSize()
	return nil
}

func (r *streamRows) dropChunk() {
	if r.hasChunk {
		chunkClose(&r.chunk)
		r.hasChunk = false
	}
	r.pos, r.size = 0, 0
}

// end releases DuckDB's result; reading goes on from what was settled.
func (r *streamRows) end() {
	if !r.open {
		return
	}
	r.dropChunk()
	mapping.DestroyResult(&r.res)
	r.open = false
	if r.s.active == r {
		r.s.active = nil
	}
}

// settle reads the rest of the stream into memory and releases DuckDB's
// result, so that the connection is free for another statement. It reads
// under the reading context without its cancellation: that context may
// be a finished request's (a portal's last Execute), and the reads belong
// to the statement about to run, which the session's Cancel reaches.
func (r *streamRows) settle() {
	r.ctx = context.WithoutCancel(r.ctx)
	for r.open {
		row := make([]driver.Value, len(r.names))
		if err := r.Next(row); err != nil {
			if err != io.EOF {
				r.err = err
			}
			break
		}
		r.settled = append(r.settled, row)
	}
}

// Close implements driver.Rows.
func (r *streamRows) Close() error {
	r.end()
	r.settled = nil
	return nil
}

// settle frees the connection of an open stream (see streamRows) before
// the session runs anything else on it.
func (s *Session) settle() {
	if r := s.active; r != nil {
		r.settle()
	}
}

// cause is why ctx ended (the statement timeout, a cancel), nil while it
// runs.
func cause(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return context.Cause(ctx)
}

// interruptInterval is how often a cancelled call interrupts DuckDB again
// (a query that was starting may not have seen the first interrupt).
const interruptInterval = 100 * time.Millisecond

// call runs fn, a call into DuckDB that executes the session's query,
// with ctx where the driver's function callbacks find it (the server's
// functions learn their client from it), interrupting the query while
// ctx is done. It returns only once no interrupt can reach a later query.
func (s *Session) call(ctx context.Context, fn func()) {
	defer setDriverContext(s.raw.Conn, ctx)()
	interruptible(ctx, s.raw, fn)
}

// interruptible runs fn, interrupting raw's query while ctx is done.
func interruptible(ctx context.Context, raw *storage.Raw, fn func()) {
	if ctx.Done() == nil {
		fn()
		return
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(stopped)
		t := time.NewTicker(interruptInterval)
		defer t.Stop()
		for {
			raw.Interrupt()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	fn()
	close(done)
	if !stop() {
		<-stopped
	}
}
