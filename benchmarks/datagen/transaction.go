package datagen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrInTransaction is returned when Generate's connection is inside an
// open transaction: Generate runs its own.
var ErrInTransaction = errors.New("datagen: the connection is inside a transaction; Generate runs its own")

// inTransaction reports whether conn is inside an explicit transaction.
// DuckDB gives each auto-committed statement a new transaction id, while
// statements in one transaction share it; asking twice tells the two
// apart without disturbing anything (a failed BEGIN would abort the
// caller's transaction).
func inTransaction(ctx context.Context, conn *sql.Conn) (bool, error) {
	var a, b int64
	for _, id := range []*int64{&a, &b} {
		if err := conn.QueryRowContext(ctx, "SELECT txid_current()").Scan(id); err != nil {
			return false, fmt.Errorf("datagen: reading the transaction id: %w", err)
		}
	}
	return a == b, nil
}

// inOwnTransaction runs fn inside a transaction on conn and commits it, or
// rolls it back if fn or the commit fails. Running in one transaction
// makes Generate all or nothing, and lets DuckDB write large appends
// straight into a database file instead of through its write-ahead log.
func inOwnTransaction(ctx context.Context, conn *sql.Conn, fn func() error) error {
	switch in, err := inTransaction(ctx, conn); {
	case err != nil:
		return err
	case in:
		return ErrInTransaction
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("datagen: starting a transaction: %w", err)
	}
	err := fn()
	if err == nil {
		if _, err = conn.ExecContext(ctx, "COMMIT"); err == nil {
			return nil
		}
		err = fmt.Errorf("datagen: committing: %w", err)
	}
	// The caller's context may be the reason for failing, so it cannot be
	// used to clean up. A failed COMMIT may have ended the transaction
	// already, so ROLLBACK's own error says nothing new.
	_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
	return err
}
