package auth

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// testStore holds alice (added as a password) and bob (added as a verifier).
func testStore(t *testing.T) *Store {
	t.Helper()
	s := NewStore()
	if err := s.AddPassword("alice", "correct horse"); err != nil {
		t.Fatal(err)
	}
	v, err := Verifier("naïve\u00a0pässword")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddVerifier("bob", v); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAuthenticateWithPgconn(t *testing.T) {
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	store := testStore(t)
	failed := func(user string) string { return `password authentication failed for user "` + user + `"` }
	tests := []struct {
		name        string
		method      Method
		store       *Store
		user        string
		password    string
		requireAuth string
		wantCode    string // "" for success
		wantMessage string
	}{
		{name: "scram right password", method: MethodSCRAM, store: store, user: "alice", password: "correct horse", requireAuth: "scram-sha-256"},
		{name: "scram verifier user non-ASCII password", method: MethodSCRAM, store: store, user: "bob", password: "naïve\u00a0pässword", requireAuth: "scram-sha-256"},
		{name: "scram wrong password", method: MethodSCRAM, store: store, user: "alice", password: "wrong", requireAuth: "scram-sha-256", wantCode: "28P01", wantMessage: failed("alice")},
		{name: "scram unknown user", method: MethodSCRAM, store: store, user: "mallory", password: "correct horse", requireAuth: "scram-sha-256", wantCode: "28P01", wantMessage: failed("mallory")},
		{name: "scram nil store", method: MethodSCRAM, store: nil, user: "alice", password: "correct horse", requireAuth: "scram-sha-256", wantCode: "28P01", wantMessage: failed("alice")},
		{name: "password right", method: MethodPassword, store: store, user: "alice", password: "correct horse", requireAuth: "password"},
		{name: "password right against verifier", method: MethodPassword, store: store, user: "bob", password: "naïve\u00a0pässword", requireAuth: "password"},
		{name: "password wrong", method: MethodPassword, store: store, user: "bob", password: "naive password", requireAuth: "password", wantCode: "28P01", wantMessage: failed("bob")},
		{name: "password unknown user", method: MethodPassword, store: store, user: "mallory", password: "x", requireAuth: "password", wantCode: "28P01", wantMessage: failed("mallory")},
		{name: "trust", method: MethodTrust, store: nil, user: "anyone", requireAuth: "none"},
		{name: "unsupported method", method: Method("md5"), store: store, user: "alice", password: "correct horse", requireAuth: "", wantCode: "28000", wantMessage: `authentication method "md5" not supported`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &Authenticator{Method: tc.method, Store: tc.store, FailDelay: testFailDelay}
			addr, results := startServer(t, a)
			err := connect(t, addr, tc.user, tc.password, tc.requireAuth)
			res := result(t, results)
			if tc.wantCode == "" {
				if err != nil {
					t.Fatalf("client: %v (server: %v)", err, res.err)
				}
				if res.err != nil {
					t.Fatalf("server: %v", res.err)
				}
				return
			}
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) {
				t.Fatalf("client error = %v, want *pgconn.PgError", err)
			}
			if pgErr.Code != tc.wantCode || pgErr.Message != tc.wantMessage || pgErr.Severity != "FATAL" {
				t.Errorf("client got %s %s %q, want FATAL %s %q", pgErr.Severity, pgErr.Code, pgErr.Message, tc.wantCode, tc.wantMessage)
			}
			var f *Failure
			if !errors.As(res.err, &f) {
				t.Fatalf("server error = %v, want *Failure", res.err)
			}
			if res.elapsed < testFailDelay {
				t.Errorf("failure took %v, want at least FailDelay %v", res.elapsed, testFailDelay)
			}
		})
	}
}

// An unknown user and a wrong password must give the client exactly the same
// error.
func TestUnknownUserLooksLikeWrongPassword(t *testing.T) {
	for _, m := range []struct {
		method      Method
		requireAuth string
	}{{MethodSCRAM, "scram-sha-256"}, {MethodPassword, "password"}} {
		t.Run(string(m.method), func(t *testing.T) {
			withCarol := NewStore()
			if err := withCarol.AddPassword("carol", "right"); err != nil {
				t.Fatal(err)
			}
			withoutCarol := NewStore()
			if err := withoutCarol.AddPassword("dave", "right"); err != nil {
				t.Fatal(err)
			}
			var got [2]*pgconn.PgError
			for i, store := range []*Store{withCarol, withoutCarol} {
				a := &Authenticator{Method: m.method, Store: store, FailDelay: testFailDelay}
				addr, results := startServer(t, a)
				err := connect(t, addr, "carol", "wrong", m.requireAuth)
				result(t, results)
				if !errors.As(err, &got[i]) {
					t.Fatalf("client error = %v, want *pgconn.PgError", err)
				}
			}
			wrong, unknown := *got[0], *got[1]
			if wrong.Code != "28P01" {
				t.Fatalf("wrong password code = %s, want 28P01", wrong.Code)
			}
			if wrong.Code != unknown.Code || wrong.Message != unknown.Message || wrong.Detail != unknown.Detail ||
				wrong.Hint != unknown.Hint || wrong.Severity != unknown.Severity {
				t.Errorf("wrong password: %+v\nunknown user: %+v", wrong, unknown)
			}
		})
	}
}

// Every failure takes at least FailDelay from the start of Authenticate. Only
// the lower bound is asserted.
func TestFailureTakesAtLeastFailDelay(t *testing.T) {
	const delay = 300 * time.Millisecond
	store := testStore(t)
	for _, tc := range []struct {
		name, user, password, requireAuth string
		method                            Method
	}{
		{"scram wrong password", "alice", "nope", "scram-sha-256", MethodSCRAM},
		{"scram unknown user", "nobody", "nope", "scram-sha-256", MethodSCRAM},
		{"password unknown user", "nobody", "nope", "password", MethodPassword},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &Authenticator{Method: tc.method, Store: store, FailDelay: delay}
			addr, results := startServer(t, a)
			if err := connect(t, addr, tc.user, tc.password, tc.requireAuth); err == nil {
				t.Fatal("connect succeeded, want failure")
			}
			res := result(t, results)
			if _, ok := res.err.(*Failure); !ok {
				t.Fatalf("server error = %v, want *Failure", res.err)
			}
			if res.elapsed < delay {
				t.Errorf("failure took %v, want at least %v", res.elapsed, delay)
			}
		})
	}
}

func TestFailDelayDefault(t *testing.T) {
	for _, tc := range []struct {
		field time.Duration
		want  time.Duration
	}{{0, DefaultFailDelay}, {-1, 0}, {5 * time.Millisecond, 5 * time.Millisecond}} {
		if got := (&Authenticator{FailDelay: tc.field}).failDelay(); got != tc.want {
			t.Errorf("FailDelay %v: failDelay() = %v, want %v", tc.field, got, tc.want)
		}
	}
}
