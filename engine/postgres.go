package engine

import (
	"context"

	"github.com/martdb/martdb/sql/pgcatalog"
)

// EnablePostgres prepares the session for PostgreSQL clients: the
// emulated pg_catalog and information_schema are installed (once per
// database instance) and put on the session's search path after the
// user's schema; the session's role is user and the database is known
// as dbName (the name clients connect with). The wire server calls it for
// every connection.
func (s *Session) EnablePostgres(ctx context.Context, user, dbName string) error {
	s.settle()
	pgcatalog.Version = Version
	if err := pgcatalog.Install(ctx, s.conn); err != nil {
		return convertError(ctx, err, "", 0)
	}
	var db string
	if err := s.conn.QueryRowContext(ctx, "SELECT current_database()").Scan(&db); err != nil {
		return convertError(ctx, err, "", 0)
	}
	if err := pgcatalog.Setup(ctx, s.conn, db); err != nil {
		return convertError(ctx, err, "", 0)
	}
	if err := pgcatalog.SetUser(ctx, s.conn, user); err != nil {
		return convertError(ctx, err, "", 0)
	}
	if err := pgcatalog.SetDatabaseName(ctx, s.conn, dbName); err != nil {
		return convertError(ctx, err, "", 0)
	}
	return nil
}

// RecordSetting records a PostgreSQL setting the client changed, so the
// emulated pg_settings and current_setting() report it.
func (s *Session) RecordSetting(ctx context.Context, name, value string) error {
	s.settle()
	if err := pgcatalog.SetSetting(ctx, s.conn, name, value); err != nil {
		return convertError(ctx, err, "", 0)
	}
	return nil
}

// ConnectionID is DuckDB's number for the session's connection, which
// the emulated catalog shows as pg_backend_pid().
func (s *Session) ConnectionID(ctx context.Context) (uint32, error) {
	s.settle()
	var id int64
	if err := s.conn.QueryRowContext(ctx, "SELECT current_connection_id()").Scan(&id); err != nil {
		return 0, convertError(ctx, err, "", 0)
	}
	return uint32(id), nil
}
