package servecmd

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server"
	"github.com/martdb/martdb/server/auth"
)

// Main runs `martdb serve` with args (after "serve") and returns the exit
// status: 0 after a clean shutdown, 1 when serving failed, 2 for a wrong
// command line.
func Main(args []string, stdin io.Reader, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "martdb serve: %v\n", err)
		return 2
	}
	if o.hashPassword {
		return hashPassword(stdin, os.Stdout, stderr)
	}
	cfg, err := o.config()
	if err != nil {
		fmt.Fprintf(stderr, "martdb serve: %v\n", err)
		return 2
	}
	if err := run(ctx, o, cfg, stderr, nil); err != nil {
		fmt.Fprintf(stderr, "martdb serve: %v\n", err)
		return 1
	}
	return 0
}

// config turns the options into the server's configuration.
func (o *options) config() (server.Config, error) {
	cfg := server.Config{
		Database:              o.databaseName(),
		MaxConnections:        o.maxConnections,
		StatementTimeout:      o.statementTimeout,
		IdleTimeout:           o.idleTimeout,
		Version:               engine.Version,
		TLSRequired:           o.tlsRequired,
		AuthFailuresPerMinute: o.authFailures,
		ReadOnlyUsers:         map[string]bool{},
		LogStatements:         o.logStatements,
	}
	if o.logFormat != "text" && o.logFormat != "json" {
		return cfg, fmt.Errorf("--log-format: expected text or json, got %q", o.logFormat)
	}
	for _, u := range o.readOnlyUsers {
		cfg.ReadOnlyUsers[u] = true
	}
	var err error
	if cfg.BackupDir, err = o.checkBackupDir(); err != nil {
		return cfg, err
	}
	method, err := o.method()
	if err != nil {
		return cfg, err
	}
	store, err := o.store()
	if err != nil {
		return cfg, err
	}
	if method != auth.MethodTrust && store.Len() == 0 {
		return cfg, fmt.Errorf("--auth %s needs users: give --user NAME=PASSWORD or --users-file FILE", method)
	}
	if method == auth.MethodPassword && !o.loopback() && o.tlsCert == "" {
		return cfg, errors.New("--auth password sends passwords in clear text: off loopback it needs --tls-cert and --tls-key, or use --auth scram")
	}
	cfg.Auth = auth.Authenticator{Method: method, Store: store}
	if (o.tlsCert == "") != (o.tlsKey == "") {
		return cfg, errors.New("--tls-cert and --tls-key go together")
	}
	if o.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
		if err != nil {
			return cfg, fmt.Errorf("loading the TLS certificate: %w", err)
		}
		cfg.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	if o.tlsRequired && cfg.TLS == nil {
		return cfg, errors.New("--tls-required needs --tls-cert and --tls-key")
	}
	if err := o.checkReadOnlyUsers(store); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// checkReadOnlyUsers refuses --read-only-user names that are not users:
// a typo would otherwise leave the intended user able to write.
func (o *options) checkReadOnlyUsers(store *auth.Store) error {
	if len(o.readOnlyUsers) > 0 && store.Len() == 0 {
		return errors.New("--read-only-user needs users with passwords (--user or --users-file): with trust authentication anyone can name another user")
	}
	for _, u := range o.readOnlyUsers {
		if !store.Has(u) {
			return fmt.Errorf("--read-only-user %s: no such user in --user or --users-file", u)
		}
	}
	return nil
}

// store gathers the users from --users-file and --user.
func (o *options) store() (*auth.Store, error) {
	store := auth.NewStore()
	if o.usersFile != "" {
		var err error
		if store, err = auth.LoadFile(o.usersFile); err != nil {
			return nil, err
		}
	}
	for _, u := range o.users {
		name, password, _ := strings.Cut(u, "=")
		if err := store.AddPassword(name, password); err != nil {
			return nil, fmt.Errorf("--user %s: %w", name, err)
		}
	}
	return store, nil
}

// run opens the database, serves until ctx ends, then shuts down within
// the grace period and closes the engine (which checkpoints). ready, if
// set, receives the listening address (tests use it).
func run(ctx context.Context, o *options, cfg server.Config, stderr io.Writer, ready chan<- net.Addr) error {
	// COPY FROM STDIN spools into a directory of the server's own, the
	// one place besides --allow-files where statements may touch files.
	// Those of servers that were killed are removed first.
	removed, err := sweepSpools(os.TempDir(), time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "martdb serve: looking for stale spool directories: %v\n", err)
	}
	for _, dir := range removed {
		fmt.Fprintf(stderr, "martdb serve: removed %s, the spool directory of a server that is gone\n", dir)
	}
	sp, err := openSpool(os.TempDir())
	if err != nil {
		return err
	}
	defer sp.Close()
	spool := sp.dir
	cfg.SpoolDir = spool
	opt := engine.Options{StatementTimeout: o.statementTimeout}
	opt.Path, opt.ReadOnly, opt.MemoryLimit = o.db, o.readOnly, o.memoryLimit
	opt.RestrictFiles, opt.AllowedDirs = true, append([]string{spool}, o.allowFiles...)
	eng, err := engine.Open(ctx, opt)
	if err != nil {
		return err
	}
	cfg.Logger = newLogger(stderr, o.logFormat)
	srv := server.New(eng, cfg)
	if err := srv.Prepare(ctx); err != nil {
		eng.Close()
		return err
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		eng.Close()
		return err
	}
	fmt.Fprintf(stderr, "martdb %s serving database %q on %s (auth %s)\n", engine.Version, cfg.Database, ln.Addr(), cfg.Auth.Method)
	if ready != nil {
		ready <- ln.Addr()
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err = <-served:
	case <-ctx.Done():
		fmt.Fprintf(stderr, "martdb serve: shutting down (grace %s)\n", o.grace)
		sctx, cancel := context.WithTimeout(context.Background(), o.grace)
		srv.Shutdown(sctx)
		cancel()
		err = <-served
	}
	if errors.Is(err, server.ErrServerClosed) {
		err = nil
	}
	if cerr := eng.Close(); err == nil {
		err = cerr
	}
	return err
}

// newLogger is the server's structured log on w, at Info level.
func newLogger(w io.Writer, format string) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// hashPassword prints the SCRAM verifier of the password on stdin's first
// line.
func hashPassword(stdin io.Reader, stdout, stderr io.Writer) int {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && line == "" {
		fmt.Fprintln(stderr, "martdb serve --hash-password: no password on stdin")
		return 2
	}
	v, err := auth.Verifier(strings.TrimRight(line, "\r\n"))
	if err != nil {
		fmt.Fprintf(stderr, "martdb serve --hash-password: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, v)
	return 0
}
