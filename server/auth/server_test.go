package auth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// testFailDelay keeps failing tests fast while still exercising the delay.
const testFailDelay = 20 * time.Millisecond

// serverResult is what the test server saw: Authenticate's error and how
// long Authenticate took.
type serverResult struct {
	err     error
	elapsed time.Duration
}

// listen opens a loopback listener closed at the end of the test.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

// startServer runs a minimal PostgreSQL server for one connection: it reads
// the StartupMessage, runs a.Authenticate for its user, then either finishes
// the handshake (ParameterStatus, BackendKeyData, ReadyForQuery) and waits for
// the client to leave, or sends the Failure as a FATAL ErrorResponse.
func startServer(t *testing.T, a *Authenticator) (string, <-chan serverResult) {
	t.Helper()
	ln := listen(t)
	results := make(chan serverResult, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			results <- serverResult{err: fmt.Errorf("accept: %w", err)}
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(30 * time.Second))
		results <- serveOne(conn, a)
	}()
	return ln.Addr().String(), results
}

// serveOne is the body of the test server for one connection.
func serveOne(conn net.Conn, a *Authenticator) serverResult {
	be := pgproto3.NewBackend(conn, conn)
	user, err := readStartup(conn, be)
	if err != nil {
		return serverResult{err: err}
	}
	start := time.Now()
	authErr := a.Authenticate(context.Background(), be, user)
	res := serverResult{err: authErr, elapsed: time.Since(start)}
	var f *Failure
	switch {
	case errors.As(authErr, &f):
		be.Send(&pgproto3.ErrorResponse{Severity: "FATAL", SeverityUnlocalized: "FATAL", Code: f.Code, Message: f.Message})
		be.Flush()
		return res
	case authErr != nil:
		return res
	}
	be.Send(&pgproto3.ParameterStatus{Name: "server_version", Value: "15.0"})
	be.Send(&pgproto3.ParameterStatus{Name: "client_encoding", Value: "UTF8"})
	be.Send(&pgproto3.ParameterStatus{Name: "standard_conforming_strings", Value: "on"})
	be.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{0, 0, 0, 2}})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if err := be.Flush(); err != nil {
		res.err = fmt.Errorf("flush ReadyForQuery: %w", err)
		return res
	}
	for {
		msg, err := be.Receive()
		if err != nil {
			return res
		}
		if _, ok := msg.(*pgproto3.Terminate); ok {
			return res
		}
	}
}

// readStartup reads the StartupMessage (declining SSL) and returns its user.
func readStartup(conn net.Conn, be *pgproto3.Backend) (string, error) {
	for {
		msg, err := be.ReceiveStartupMessage()
		if err != nil {
			return "", fmt.Errorf("startup: %w", err)
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest, *pgproto3.GSSEncRequest:
			if _, err := conn.Write([]byte{'N'}); err != nil {
				return "", err
			}
		case *pgproto3.StartupMessage:
			return m.Parameters["user"], nil
		default:
			return "", fmt.Errorf("startup: unexpected %T", msg)
		}
	}
}

// connect runs pgconn.Connect against addr. requireAuth is pgconn's
// require_auth, so the client itself checks which method the server used.
func connect(t *testing.T, addr, user, password, requireAuth string) error {
	t.Helper()
	u := url.URL{
		Scheme:   "postgres",
		User:     url.UserPassword(user, password),
		Host:     addr,
		Path:     "/test",
		RawQuery: url.Values{"sslmode": {"disable"}, "require_auth": {requireAuth}, "connect_timeout": {"20"}}.Encode(),
	}
	if password == "" {
		u.User = url.User(user)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgconn.Connect(ctx, u.String())
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// result waits for the server's result, failing the test on a hang.
func result(t *testing.T, results <-chan serverResult) serverResult {
	t.Helper()
	select {
	case r := <-results:
		return r
	case <-time.After(30 * time.Second):
		t.Fatal("server did not finish within 30s")
		return serverResult{}
	}
}
