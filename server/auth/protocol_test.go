package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// rawPair runs a.Authenticate for user on the server side of a loopback TCP
// connection and returns the client side for a test to script by hand.
func rawPair(t *testing.T, ctx context.Context, a *Authenticator, user string) (net.Conn, *pgproto3.Frontend, <-chan serverResult) {
	t.Helper()
	ln := listen(t)
	results := make(chan serverResult, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			results <- serverResult{err: err}
			return
		}
		defer conn.Close()
		start := time.Now()
		err = a.Authenticate(ctx, pgproto3.NewBackend(conn, conn), user)
		results <- serverResult{err: err, elapsed: time.Since(start)}
	}()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	return conn, pgproto3.NewFrontend(conn, conn), results
}

// expect receives one message and checks its type.
func expect[M pgproto3.BackendMessage](t *testing.T, fe *pgproto3.Frontend) M {
	t.Helper()
	msg, err := fe.Receive()
	if err != nil {
		t.Fatalf("client receive: %v", err)
	}
	m, ok := msg.(M)
	if !ok {
		var want M
		t.Fatalf("client got %T, want %T", msg, want)
	}
	return m
}

// send sends one message from the client.
func send(t *testing.T, fe *pgproto3.Frontend, msg pgproto3.FrontendMessage) {
	t.Helper()
	fe.Send(msg)
	if err := fe.Flush(); err != nil {
		t.Fatalf("client send: %v", err)
	}
}

// scramFirstOK sends a well-formed client-first-message and returns the
// server-first-message.
func scramFirstOK(t *testing.T, fe *pgproto3.Frontend) string {
	t.Helper()
	sasl := expect[*pgproto3.AuthenticationSASL](t, fe)
	if len(sasl.AuthMechanisms) != 1 || sasl.AuthMechanisms[0] != "SCRAM-SHA-256" {
		t.Fatalf("mechanisms = %q, want only SCRAM-SHA-256", sasl.AuthMechanisms)
	}
	send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256", Data: []byte("n,,n=,r=clientnonce")})
	return string(expect[*pgproto3.AuthenticationSASLContinue](t, fe).Data)
}

// A client that breaks the protocol gets a Failure with PostgreSQL's code
// and message.
func TestProtocolViolations(t *testing.T) {
	store := testStore(t)
	tests := []struct {
		name        string
		method      Method
		script      func(t *testing.T, conn net.Conn, fe *pgproto3.Frontend)
		wantCode    string
		wantMessage string
	}{
		{
			name:   "scram query instead of SASLInitialResponse",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.Query{String: "select 1"})
			},
			wantCode: "08P01", wantMessage: "expected SASL response, got message type 81",
		},
		{
			name:   "scram PLUS mechanism",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256-PLUS", Data: []byte("p=tls-server-end-point,,n=,r=abc")})
			},
			wantCode: "08P01", wantMessage: "client selected an invalid SASL authentication mechanism",
		},
		{
			name:   "scram garbage client-first-message",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256", Data: []byte("garbage")})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram empty client-first-message",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256"})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram channel binding without PLUS",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256", Data: []byte("p=tls-server-end-point,,n=,r=abc")})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram authorization identity",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationSASL](t, fe)
				send(t, fe, &pgproto3.SASLInitialResponse{AuthMechanism: "SCRAM-SHA-256", Data: []byte("n,a=bob,n=,r=abc")})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram query instead of SASLResponse",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				scramFirstOK(t, fe)
				send(t, fe, &pgproto3.Sync{})
			},
			wantCode: "08P01", wantMessage: "expected SASL response, got message type 83",
		},
		{
			name:   "scram garbage client-final-message",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				scramFirstOK(t, fe)
				send(t, fe, &pgproto3.SASLResponse{Data: []byte("garbage")})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram wrong nonce in client-final-message",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				scramFirstOK(t, fe)
				proof := base64.StdEncoding.EncodeToString(make([]byte, 32))
				send(t, fe, &pgproto3.SASLResponse{Data: []byte("c=biws,r=othernonce,p=" + proof)})
			},
			wantCode: "08P01", wantMessage: "malformed SCRAM message",
		},
		{
			name:   "scram wrong proof",
			method: MethodSCRAM,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				first := scramFirstOK(t, fe)
				nonce := strings.TrimPrefix(strings.Split(first, ",")[0], "r=")
				proof := base64.StdEncoding.EncodeToString(make([]byte, 32))
				send(t, fe, &pgproto3.SASLResponse{Data: []byte("c=biws,r=" + nonce + ",p=" + proof)})
			},
			wantCode: "28P01", wantMessage: `password authentication failed for user "alice"`,
		},
		{
			name:   "password query instead of PasswordMessage",
			method: MethodPassword,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationCleartextPassword](t, fe)
				send(t, fe, &pgproto3.Query{String: "select 1"})
			},
			wantCode: "08P01", wantMessage: "expected password response, got message type 81",
		},
		{
			name:   "password empty",
			method: MethodPassword,
			script: func(t *testing.T, _ net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationCleartextPassword](t, fe)
				send(t, fe, &pgproto3.PasswordMessage{Password: ""})
			},
			wantCode: "28P01", wantMessage: "empty password returned by client",
		},
		{
			name:   "password message without terminator",
			method: MethodPassword,
			script: func(t *testing.T, conn net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationCleartextPassword](t, fe)
				if _, err := conn.Write([]byte{'p', 0, 0, 0, 7, 'a', 'b', 'c'}); err != nil {
					t.Fatal(err)
				}
			},
			wantCode: "08P01", wantMessage: "invalid message format",
		},
		{
			name:   "password unknown frontend message type",
			method: MethodPassword,
			script: func(t *testing.T, conn net.Conn, fe *pgproto3.Frontend) {
				expect[*pgproto3.AuthenticationCleartextPassword](t, fe)
				if _, err := conn.Write([]byte{'z', 0, 0, 0, 4}); err != nil {
					t.Fatal(err)
				}
			},
			wantCode: "08P01", wantMessage: "invalid message format",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Authenticator{Method: tc.method, Store: store, FailDelay: testFailDelay}
			conn, fe, results := rawPair(t, context.Background(), a, "alice")
			tc.script(t, conn, fe)
			res := result(t, results)
			var f *Failure
			if !errors.As(res.err, &f) {
				t.Fatalf("server error = %v, want *Failure", res.err)
			}
			if f.Code != tc.wantCode || f.Message != tc.wantMessage {
				t.Errorf("got %s %q, want %s %q (%v)", f.Code, f.Message, tc.wantCode, tc.wantMessage, f)
			}
			if res.elapsed < testFailDelay {
				t.Errorf("failure took %v, want at least %v", res.elapsed, testFailDelay)
			}
		})
	}
}

// A client that goes away mid-exchange ends Authenticate with a plain error
// (nothing to report to), and it does not hang.
func TestClientClosesMidExchange(t *testing.T) {
	store := testStore(t)
	tests := []struct {
		name   string
		method Method
		script func(t *testing.T, fe *pgproto3.Frontend)
	}{
		{"password before answering", MethodPassword, func(t *testing.T, fe *pgproto3.Frontend) {
			expect[*pgproto3.AuthenticationCleartextPassword](t, fe)
		}},
		{"scram before SASLInitialResponse", MethodSCRAM, func(t *testing.T, fe *pgproto3.Frontend) {
			expect[*pgproto3.AuthenticationSASL](t, fe)
		}},
		{"scram before SASLResponse", MethodSCRAM, func(t *testing.T, fe *pgproto3.Frontend) {
			scramFirstOK(t, fe)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Authenticator{Method: tc.method, Store: store, FailDelay: testFailDelay}
			conn, fe, results := rawPair(t, context.Background(), a, "alice")
			tc.script(t, fe)
			conn.Close()
			res := result(t, results)
			if res.err == nil {
				t.Fatal("Authenticate succeeded after the client left")
			}
			var f *Failure
			if errors.As(res.err, &f) {
				t.Fatalf("got Failure %v, want a connection error", f)
			}
		})
	}
}

// Cancelling ctx ends an exchange whose client never answers.
func TestContextCancelsStuckExchange(t *testing.T) {
	for _, m := range []Method{MethodPassword, MethodSCRAM} {
		t.Run(string(m), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			a := &Authenticator{Method: m, Store: testStore(t), FailDelay: testFailDelay}
			_, fe, results := rawPair(t, ctx, a, "alice")
			msg, err := fe.Receive()
			if err != nil {
				t.Fatalf("client receive: %v", err)
			}
			if _, ok := msg.(pgproto3.AuthenticationResponseMessage); !ok {
				t.Fatalf("client got %T, want an authentication request", msg)
			}
			cancel()
			res := result(t, results)
			if !errors.Is(res.err, context.Canceled) {
				t.Fatalf("server error = %v, want context.Canceled", res.err)
			}
		})
	}
}

// serverFirstFor runs the first half of a SCRAM exchange for user and
// returns the salt and iteration count the server offered.
func serverFirstFor(t *testing.T, store *Store, user string) ([]byte, int) {
	t.Helper()
	a := &Authenticator{Method: MethodSCRAM, Store: store, FailDelay: -1}
	conn, fe, results := rawPair(t, context.Background(), a, user)
	first := scramFirstOK(t, fe)
	conn.Close()
	result(t, results)
	var salt []byte
	iters := -1
	for _, field := range strings.Split(first, ",") {
		switch {
		case strings.HasPrefix(field, "s="):
			var err error
			if salt, err = base64.StdEncoding.DecodeString(field[2:]); err != nil {
				t.Fatalf("salt in %q: %v", first, err)
			}
		case strings.HasPrefix(field, "i="):
			var err error
			if iters, err = strconv.Atoi(field[2:]); err != nil {
				t.Fatalf("iterations in %q: %v", first, err)
			}
		}
	}
	if salt == nil || iters < 0 {
		t.Fatalf("server-first-message %q lacks s= or i=", first)
	}
	return salt, iters
}

// An unknown user gets a salt as stable and as shaped as a known user's.
func TestUnknownUserFakeVerifier(t *testing.T) {
	store := testStore(t)
	realSalt, realIters := serverFirstFor(t, store, "alice")
	ghost1, ghostIters := serverFirstFor(t, store, "ghost")
	ghost2, _ := serverFirstFor(t, store, "ghost")
	other, _ := serverFirstFor(t, store, "phantom")
	if string(ghost1) != string(ghost2) {
		t.Errorf("unknown user's salt changed between attempts: %x then %x", ghost1, ghost2)
	}
	if len(ghost1) != len(realSalt) || ghostIters != realIters {
		t.Errorf("unknown user: %d-byte salt, %d iterations; known user: %d-byte salt, %d iterations",
			len(ghost1), ghostIters, len(realSalt), realIters)
	}
	if string(ghost1) == string(other) || string(ghost1) == string(realSalt) {
		t.Errorf("salts should differ between users: ghost %x, phantom %x, alice %x", ghost1, other, realSalt)
	}

	// A Store with other contents keys its fakes differently.
	changed := testStore(t)
	if salt, _ := serverFirstFor(t, changed, "ghost"); string(salt) == string(ghost1) {
		t.Errorf("unknown user's salt %x does not depend on the Store's secret", salt)
	}

	// Fakes follow the iteration count most users have.
	slow := NewStore()
	for i, user := range []string{"u1", "u2"} {
		v, err := verifierWithSalt("pw", []byte(fmt.Sprintf("salt-%d-xxxxxxxx", i)), 5000)
		if err != nil {
			t.Fatal(err)
		}
		if err := slow.AddVerifier(user, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, iters := serverFirstFor(t, slow, "ghost"); iters != 5000 {
		t.Errorf("unknown user offered %d iterations, want the Store's common 5000", iters)
	}
}
