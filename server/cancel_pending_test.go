package server

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// startupKey starts rc up and returns its BackendKeyData.
func (rc *rawClient) startupKey() *pgproto3.BackendKeyData {
	rc.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "raw", "database": "test"}})
	var key *pgproto3.BackendKeyData
	for {
		msg, err := rc.fe.Receive()
		if err != nil {
			rc.t.Fatalf("startup: %v", err)
		}
		switch m := msg.(type) {
		case *pgproto3.BackendKeyData:
			key = &pgproto3.BackendKeyData{ProcessID: m.ProcessID, SecretKey: append([]byte(nil), m.SecretKey...)}
		case *pgproto3.ErrorResponse:
			rc.t.Fatalf("startup: %s %s", m.Code, m.Message)
		case *pgproto3.ReadyForQuery:
			if key == nil {
				rc.t.Fatal("startup: no BackendKeyData")
			}
			return key
		}
	}
}

// sendCancel sends a CancelRequest for key and waits until the server has
// handled it (it closes the connection after).
func (ts *testServer) sendCancel(t *testing.T, key *pgproto3.BackendKeyData) {
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetDeadline(time.Now().Add(10 * time.Second))
	fe := pgproto3.NewFrontend(nc, nc)
	fe.Send(&pgproto3.CancelRequest{ProcessID: key.ProcessID, SecretKey: key.SecretKey})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(nc); err != nil {
		t.Fatalf("waiting for the server to close the cancel connection: %v", err)
	}
}

// TestCancelBeforeTheStatementStarts: a CancelRequest that arrives while
// the server holds a request whose statement has not started yet (here
// between Parse and Execute of one batch) cancels that statement when it
// starts, instead of being lost; it does not outlive the request.
func TestCancelBeforeTheStatementStarts(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.StatementTimeout = 20 * time.Second })
	rc := ts.raw(t)
	key := rc.startupKey()
	rc.send(&pgproto3.Parse{Query: "SELECT count(*) FROM range(20000000000) WHERE hash(range) % 7 = 3"}, &pgproto3.Flush{})
	if got := rc.next(); got != "ParseComplete" {
		t.Fatalf("after Parse: %s", got)
	}
	ts.sendCancel(t, key)
	rc.send(&pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{})
	msgs := rc.untilReady()
	if len(msgs) < 2 {
		t.Fatalf("got %v", msgs)
	}
	e, ok := msgs[len(msgs)-2].(*pgproto3.ErrorResponse)
	if !ok || e.Code != "57014" || !strings.Contains(e.Message, "user request") {
		var names []string
		for _, m := range msgs {
			names = append(names, brief(m))
		}
		t.Fatalf("got %v, want 57014 canceling statement due to user request", names)
	}
	// The request is over: the next statement runs.
	rc.query("SELECT 41 + 1", "D[42]")
}

// TestCancelWhileIdleIsDropped: as in PostgreSQL, a CancelRequest for a
// connection with no request in hand cancels nothing, not even the next
// statement.
func TestCancelWhileIdleIsDropped(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	key := rc.startupKey()
	ts.sendCancel(t, key)
	rc.query("SELECT 41 + 1", "D[42]")
}

// next reads one message and names it.
func (rc *rawClient) next() string {
	msg, err := rc.fe.Receive()
	if err != nil {
		rc.t.Fatal(err)
	}
	return brief(msg)
}

// untilReady reads messages up to and including ReadyForQuery.
func (rc *rawClient) untilReady() []pgproto3.BackendMessage {
	var out []pgproto3.BackendMessage
	for {
		msg, err := rc.fe.Receive()
		if err != nil {
			rc.t.Fatalf("after %v: %v", out, err)
		}
		out = append(out, copyMessage(msg))
		if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
			return out
		}
	}
}

// copyMessage keeps what the tests read of msg, which pgproto3 reuses.
func copyMessage(msg pgproto3.BackendMessage) pgproto3.BackendMessage {
	if e, ok := msg.(*pgproto3.ErrorResponse); ok {
		c := *e
		return &c
	}
	return msg
}
