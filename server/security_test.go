package server

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/auth"
)

// wantCode fails unless err is a PostgreSQL error with the SQLSTATE code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		t.Errorf("%s: got %v, want SQLSTATE %s", what, err, code)
		return
	}
	if pe.Code != code {
		t.Errorf("%s: got SQLSTATE %s (%s), want %s", what, pe.Code, pe.Message, code)
	}
}

// TestFileAccessRestricted: with the engine's file access restricted, as
// `martdb serve` runs it, clients reach no file of the server's outside
// the allowed directories, cannot widen access, and COPY FROM STDIN
// (spooled in the server's own directory) still loads.
func TestFileAccessRestricted(t *testing.T) {
	base := t.TempDir()
	spool, allowed, outside := filepath.Join(base, "spool"), filepath.Join(base, "allowed"), filepath.Join(base, "outside")
	for _, d := range []string{spool, allowed, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "n.csv"), []byte("n\n7\n8\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	opt := engine.Options{}
	opt.RestrictFiles, opt.AllowedDirs = true, []string{spool, allowed}
	ts := startServerWith(t, opt, func(c *Config) { c.SpoolDir = spool })
	c := ts.connect(t)
	ctx := ctxT(t)
	if _, err := c.Exec(ctx, "CREATE TABLE t (n INTEGER)"); err != nil {
		t.Fatal(err)
	}
	refused := []string{
		"SELECT * FROM read_csv('" + filepath.Join(outside, "n.csv") + "')",
		"SELECT * FROM read_text('/etc/passwd')",
		"SELECT count(*) FROM glob('/etc/*')",
		"COPY (FROM t) TO '" + filepath.Join(outside, "t.csv") + "'", // DuckDB's dialect: reaches DuckDB
		"ATTACH '" + filepath.Join(outside, "other.duckdb") + "' AS other",
		"INSTALL httpfs",
	}
	for _, q := range refused {
		_, err := c.Exec(ctx, q)
		wantCode(t, q, err, engine.CodeInsufficientPrivilege)
	}
	// PostgreSQL's COPY of a server file is refused before DuckDB.
	for _, q := range []string{
		"COPY t TO '" + filepath.Join(outside, "t.csv") + "'",
		"COPY t FROM '" + filepath.Join(outside, "n.csv") + "'",
	} {
		_, err := c.Exec(ctx, q)
		wantCode(t, q, err, codeFeatureNotSupported)
	}
	for _, q := range []string{"SET enable_external_access = true", "SET allowed_directories = ['/']"} {
		if _, err := c.Exec(ctx, q); err == nil {
			t.Errorf("%s: ran, want a refusal", q)
		}
	}
	var n int
	if err := c.QueryRow(ctx, "SELECT sum(n) FROM read_csv('"+filepath.Join(allowed, "n.csv")+"')").Scan(&n); err != nil || n != 15 {
		t.Errorf("reading an allowed file: %d, %v", n, err)
	}
	tag, err := c.PgConn().CopyFrom(ctx, strings.NewReader("1\n2\n3\n"), "COPY t FROM STDIN")
	if err != nil || tag.RowsAffected() != 3 {
		t.Fatalf("COPY FROM STDIN: %v, %v", tag, err)
	}
	if entries, _ := os.ReadDir(spool); len(entries) != 1 {
		t.Errorf("the spool directory holds %d files after COPY, want only the fixture", len(entries))
	}
	if _, err := os.Stat(filepath.Join(outside, "t.csv")); err == nil {
		t.Error("COPY TO outside the allowed directories wrote a file")
	}
}

// TestTLSRequired refuses plaintext clients and serves TLS ones; the
// server never agrees to TLS below 1.2.
func TestTLSRequired(t *testing.T) {
	cert := selfSigned(t)
	ts := startServer(t, "", func(c *Config) {
		c.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		c.TLSRequired = true
	})
	_, err := pgx.Connect(ctxT(t), ts.dsn("plain")+" sslmode=disable")
	wantCode(t, "plaintext connection", err, codeInvalidAuthSpec)
	c, err := pgx.Connect(ctxT(t), ts.dsn("tls")+" sslmode=require")
	if err != nil {
		t.Fatalf("TLS connection: %v", err)
	}
	c.Close(context.Background())

	cfg, err := pgx.ParseConfig(ts.dsn("old") + " sslmode=require")
	if err != nil {
		t.Fatal(err)
	}
	cfg.TLSConfig = &tls.Config{InsecureSkipVerify: true, MaxVersion: tls.VersionTLS11}
	cfg.Fallbacks = nil
	if c, err := pgx.ConnectConfig(ctxT(t), cfg); err == nil {
		c.Close(context.Background())
		t.Error("a client limited to TLS 1.1 connected")
	}
}

// scramServer serves with SCRAM users alice and bob (read-only), failed
// logins delayed by only 10 ms, and at most limit failures per minute.
func scramServer(t *testing.T, limit int, logs *syncBuffer) *testServer {
	store := auth.NewStore()
	for _, u := range [][2]string{{"alice", "alice-pw-7731"}, {"bob", "bob-pw-5519"}} {
		if err := store.AddPassword(u[0], u[1]); err != nil {
			t.Fatal(err)
		}
	}
	return startServer(t, "", func(c *Config) {
		c.Auth = auth.Authenticator{Method: auth.MethodSCRAM, Store: store, FailDelay: 10e6}
		c.AuthFailuresPerMinute = limit
		c.ReadOnlyUsers = map[string]bool{"bob": true}
		if logs != nil {
			c.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
	})
}

func (ts *testServer) login(t *testing.T, user, password string) (*pgx.Conn, error) {
	c, err := pgx.Connect(ctxT(t), ts.dsn(user)+" password="+password)
	if err == nil {
		t.Cleanup(func() { c.Close(context.Background()) })
	}
	return c, err
}

// TestAuthFailuresAreRateLimited: after the allowed failures from one
// address, even the right password is refused for a while.
func TestAuthFailuresAreRateLimited(t *testing.T) {
	ts := scramServer(t, 3, nil)
	if _, err := ts.login(t, "alice", "alice-pw-7731"); err != nil {
		t.Fatalf("right password: %v", err)
	}
	for i := 0; i < 3; i++ {
		_, err := ts.login(t, "alice", "wrong")
		wantCode(t, "wrong password", err, "28P01")
	}
	_, err := ts.login(t, "alice", "alice-pw-7731")
	wantCode(t, "right password after 3 failures", err, codeInvalidAuthSpec)
	_, err = ts.login(t, "nobody", "x")
	wantCode(t, "unknown user after 3 failures", err, codeInvalidAuthSpec)
}

// TestPasswordsNeverLogged: the server's log, at its most verbose, never
// holds a password, right or wrong.
func TestPasswordsNeverLogged(t *testing.T) {
	var logs syncBuffer
	ts := scramServer(t, 0, &logs)
	ts.login(t, "alice", "alice-pw-7731")
	ts.login(t, "alice", "guess-4410")
	ts.login(t, "mallory", "guess-8862")
	c, err := ts.login(t, "bob", "bob-pw-5519")
	if err != nil {
		t.Fatal(err)
	}
	c.Exec(ctxT(t), "SELECT 'no secrets here'")
	c.Close(context.Background())
	for _, secret := range []string{"alice-pw-7731", "guess-4410", "guess-8862", "bob-pw-5519"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds the password %q:\n%s", secret, logs.String())
		}
	}
}

// TestReadOnlyUser: a read-only user reads, and every way of writing
// fails with 25006, DuckDB's settings with 42501; the data is untouched.
func TestReadOnlyUser(t *testing.T) {
	ts := scramServer(t, 0, nil)
	ctx := ctxT(t)
	alice, err := ts.login(t, "alice", "alice-pw-7731")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.Exec(ctx, "CREATE TABLE t AS SELECT 1 AS x"); err != nil {
		t.Fatal(err)
	}
	if _, err := alice.Exec(ctx, "PREPARE ins AS INSERT INTO t VALUES (99)"); err != nil {
		t.Fatal(err)
	}
	bob, err := ts.login(t, "bob", "bob-pw-5519")
	if err != nil {
		t.Fatal(err)
	}
	var x int
	if err := bob.QueryRow(ctx, "SELECT x FROM t").Scan(&x); err != nil || x != 1 {
		t.Fatalf("read: %d, %v", x, err)
	}
	if err := bob.QueryRow(ctx, "SELECT count(*) FROM t WHERE x = $1", 1).Scan(&x); err != nil || x != 1 {
		t.Fatalf("read with a parameter: %d, %v", x, err)
	}
	if _, err := bob.Exec(ctx, "PREPARE bins AS INSERT INTO t VALUES (98)"); err != nil {
		t.Fatalf("PREPARE: %v", err)
	}
	writes := []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO t VALUES (2)", nil},
		{"INSERT INTO t VALUES ($1)", []any{3}},
		{"UPDATE t SET x = 5", nil},
		{"DELETE FROM t", nil},
		{"CREATE TABLE u (y INTEGER)", nil},
		{"DROP TABLE t", nil},
		{"EXECUTE bins", nil},
		{"EXECUTE bins", []any{pgx.QueryExecModeDescribeExec}}, // extended protocol
		{"EXPLAIN ANALYZE DELETE FROM t", []any{pgx.QueryExecModeDescribeExec}},
		{"MERGE INTO t USING (SELECT 9 AS x) s ON t.x = s.x WHEN NOT MATCHED THEN INSERT VALUES (s.x)", nil},
		{"EXPLAIN ANALYZE UPDATE t SET x = 6", nil},
		{"BEGIN READ WRITE", nil},
		{"SET default_transaction_read_only = off", nil},
		{"SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", nil},
	}
	for _, w := range writes {
		_, err := bob.Exec(ctx, w.sql, w.args...)
		wantCode(t, w.sql, err, engine.CodeReadOnlyTransaction)
	}
	// A block, and a write inside it.
	tx, err := bob.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(ctx, "INSERT INTO t VALUES (4)")
	wantCode(t, "INSERT in a block", err, engine.CodeReadOnlyTransaction)
	tx.Rollback(ctx)
	_, err = bob.PgConn().CopyFrom(ctx, strings.NewReader("7\n"), "COPY t FROM STDIN")
	wantCode(t, "COPY FROM STDIN", err, engine.CodeReadOnlyTransaction)
	for _, q := range []string{"SET memory_limit = '100GB'", "SET threads = 1", "PRAGMA threads = 1"} {
		_, err := bob.Exec(ctx, q)
		wantCode(t, q, err, engine.CodeInsufficientPrivilege)
	}
	// Per-connection PostgreSQL parameters are still theirs.
	if _, err := bob.Exec(ctx, "SET TimeZone = 'Europe/Paris'"); err != nil {
		t.Errorf("SET TimeZone: %v", err)
	}
	if err := alice.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&x); err != nil || x != 1 {
		t.Errorf("t has %d rows after the read-only user's attempts (%v), want 1", x, err)
	}
	if _, err := alice.Exec(ctx, "EXECUTE ins"); err != nil {
		t.Errorf("the read-write user's EXECUTE: %v", err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
