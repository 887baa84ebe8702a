package server

import (
	"crypto/tls"
	"log/slog"
	"time"

	"github.com/martdb/martdb/server/auth"
)

// Config is how a Server runs. Auth must name a method: the zero
// Authenticator rejects every connection (28000) rather than let anyone
// in by default. The other fields' zero values mean no limits.
type Config struct {
	// Database is the name clients connect to (the DBFILE's base name).
	Database string
	// Auth is the authentication method and the users it checks.
	Auth auth.Authenticator
	// TLS, when set, answers SSLRequest with 'S' and a TLS handshake.
	TLS *tls.Config
	// MaxConnections limits concurrent client sessions (0: no limit);
	// beyond it a client gets 53300.
	MaxConnections int
	// StatementTimeout is every session's initial statement_timeout.
	StatementTimeout time.Duration
	// IdleTimeout closes a connection idle outside a transaction for
	// this long (0: never).
	IdleTimeout time.Duration
	// Version is martdb's version, shown in version().
	Version string
	// Logger receives connection-level events; nil discards them.
	Logger *slog.Logger
	// LogStatements logs every statement a client runs (its text,
	// duration and SQLSTATE) at Info level. Off, statements are not
	// logged: their text may hold personal data.
	LogStatements bool
	// TLSRequired refuses clients that did not switch to TLS (28000).
	TLSRequired bool
	// AuthFailuresPerMinute is how many failed authentications one
	// address may have in a minute before its new connections are
	// refused until the oldest failure is a minute old (0: no limit).
	AuthFailuresPerMinute int
	// ReadOnlyUsers can read but never write: their transactions are
	// DuckDB read-only transactions, and they cannot make them writable.
	ReadOnlyUsers map[string]bool
	// SpoolDir is where COPY FROM STDIN spools its rows before loading
	// them (the system's temporary directory when empty). With file
	// access restricted it must be one of the engine's allowed
	// directories.
	SpoolDir string
	// BackupDir is where martdb_backup() writes archives (see backup.go);
	// empty turns the function off.
	BackupDir string
}

func (c *Config) logger() *slog.Logger {
	if c.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return c.Logger
}
