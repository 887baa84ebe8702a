package engine

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/martdb/martdb/storage"
)

// Options configures an Engine.
type Options struct {
	storage.Options
	// StatementTimeout cancels any statement running longer (57014); zero
	// means no limit. Sessions can change their own.
	StatementTimeout time.Duration
}

// Engine owns one database and hands out sessions on it. It is safe for
// concurrent use; each Session is not.
type Engine struct {
	db  *sql.DB
	opt Options

	mu       sync.Mutex
	sessions map[*Session]struct{}
	closed   bool

	// sharedMu guards shared, whether the library's database-wide
	// functions (Go and C functions, which DuckDB keeps in the instance's
	// system catalog for every connection) are registered: the first
	// session registers them, the others wait for it. DuckDB fails to
	// create the same function from two connections at once ("could not
	// create scalar UDF"), and does not need it twice.
	sharedMu sync.Mutex
	shared   bool
}

// Open opens the database named in opt (in memory when no path is given).
func Open(ctx context.Context, opt Options) (*Engine, error) {
	db, err := storage.Open(ctx, opt.Options)
	if err != nil {
		return nil, openError(ctx, err, opt.Path)
	}
	return &Engine{db: db, opt: opt, sessions: map[*Session]struct{}{}}, nil
}

// Path is the database file, or ":memory:".
func (e *Engine) Path() string {
	if storage.IsMemory(e.opt.Path) {
		return storage.MemoryPath
	}
	return e.opt.Path
}

// ReadOnly reports whether the database was opened read-only.
func (e *Engine) ReadOnly() bool { return e.opt.ReadOnly }

// Close closes every open session, checkpoints a writable database file and
// closes it.
func (e *Engine) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	open := make([]*Session, 0, len(e.sessions))
	for s := range e.sessions {
		open = append(open, s)
	}
	e.mu.Unlock()
	for _, s := range open {
		s.Close()
	}
	if err := storage.Close(e.db, e.opt.Options); err != nil {
		return convertError(context.Background(), err, "", 0)
	}
	return nil
}

func (e *Engine) track(s *Session) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return false
	}
	e.sessions[s] = struct{}{}
	return true
}

func (e *Engine) untrack(s *Session) {
	e.mu.Lock()
	delete(e.sessions, s)
	e.mu.Unlock()
}

// openError describes a failure to open the database.
func openError(ctx context.Context, err error, path string) *Error {
	if err == storage.ErrReadOnlyMemory {
		return Errorf(CodeInvalidParameter, "%v", err).WithHint("Name a database file to open read-only.")
	}
	e := convertError(ctx, err, "", 0)
	if e.Code == CodeInternalError || e.Code == CodeIOError {
		e = &Error{Code: CodeIOError, Message: "could not open database " + path + ": " + e.Message, Detail: e.Detail, cause: err}
	}
	return e
}
