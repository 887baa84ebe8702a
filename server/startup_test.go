package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/auth"
)

// TestStartupTimeoutHasItsOwnError: a client that stops answering during
// authentication is told, when startupTimeout runs out, that its startup
// timed out (08006), not that a statement was cancelled (57014).
func TestStartupTimeoutHasItsOwnError(t *testing.T) {
	defer func(d time.Duration) { startupTimeout = d }(startupTimeout)
	startupTimeout = 300 * time.Millisecond
	store := auth.NewStore()
	if err := store.AddPassword("slow", "slow-pw-1234"); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, "", func(c *Config) {
		c.Auth = auth.Authenticator{Method: auth.MethodPassword, Store: store, FailDelay: time.Millisecond}
	})
	rc := ts.raw(t)
	rc.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "slow", "database": "test"}})
	var got []pgproto3.BackendMessage
	for {
		msg, err := rc.fe.Receive()
		if err != nil {
			break
		}
		got = append(got, msg)
		if _, ok := msg.(*pgproto3.ErrorResponse); ok {
			break
		}
	}
	if len(got) != 2 {
		t.Fatalf("got %d messages %v, want the password request and an error", len(got), got)
	}
	if _, ok := got[0].(*pgproto3.AuthenticationCleartextPassword); !ok {
		t.Fatalf("first message %T, want the password request", got[0])
	}
	e := got[1].(*pgproto3.ErrorResponse)
	if e.Severity != "FATAL" || e.Code != codeConnectionFailure || !strings.Contains(e.Message, "timeout expired during startup") {
		t.Fatalf("got %s %s %q, want FATAL %s \"timeout expired during startup\"", e.Severity, e.Code, e.Message, codeConnectionFailure)
	}
}

// TestStartupFailureNamesTheTimeout: once the startup's deadline passed,
// whatever failed (here the engine, which reports a cancelled statement)
// is a startup timeout; before it, errors keep their codes.
func TestStartupFailureNamesTheTimeout(t *testing.T) {
	cancelled := engine.Errorf(engine.CodeQueryCanceled, "canceling statement due to user request")
	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if code := engine.CodeOf(startupFailure(expired, cancelled)); code != codeConnectionFailure {
		t.Errorf("after the deadline: code %s, want %s", code, codeConnectionFailure)
	}
	if code := engine.CodeOf(startupFailure(context.Background(), cancelled)); code != engine.CodeQueryCanceled {
		t.Errorf("before the deadline: code %s, want it kept (%s)", code, engine.CodeQueryCanceled)
	}
	if startupFailure(expired, nil) != nil {
		t.Error("no error became an error")
	}
}
