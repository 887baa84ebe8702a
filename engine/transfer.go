package engine

import (
	"context"
	"errors"

	"github.com/martdb/martdb/storage"
)

// Import loads files into a table through this session (see storage.Import:
// the table is created with inferred types or appended to, in one
// transaction). It returns the number of rows loaded.
func (s *Session) Import(ctx context.Context, opt storage.ImportOptions) (int64, error) {
	s.settle()
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	n, err := storage.Import(ctx, s.storageConn(), opt)
	if err != nil {
		return 0, refineReadOnly(transferError(ctx, err), s.eng.ReadOnly(), KindCreate)
	}
	return n, nil
}

// Export writes a table or a query's result to a file or a writer (see
// storage.Export). It returns the number of rows written.
func (s *Session) Export(ctx context.Context, opt storage.ExportOptions) (int64, error) {
	s.settle()
	ctx, cancel := s.statementContext(ctx)
	defer cancel(nil)
	n, err := storage.Export(ctx, s.storageConn(), opt)
	if err != nil {
		return 0, transferError(ctx, err)
	}
	return n, nil
}

func (s *Session) storageConn() *storage.Conn {
	return &storage.Conn{SQL: s.conn, Raw: s.raw}
}

// transferError maps storage's user errors to their SQLSTATEs; errors from
// DuckDB go through the common table.
func transferError(ctx context.Context, err error) *Error {
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return &Error{Code: CodeUndefinedFile, Message: err.Error(), cause: err}
	case errors.Is(err, storage.ErrInvalid):
		return &Error{Code: CodeInvalidParameter, Message: err.Error(), cause: err}
	}
	return convertError(ctx, err, "", 0)
}
