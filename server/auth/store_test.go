package auth

import (
	"strings"
	"testing"
)

func TestStore(t *testing.T) {
	s := NewStore()
	if s.Len() != 0 {
		t.Fatalf("new Store Len = %d", s.Len())
	}
	if err := s.AddPassword("alice", "pw1"); err != nil {
		t.Fatal(err)
	}
	v, err := Verifier("pw2")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddVerifier("bob", v); err != nil {
		t.Fatal(err)
	}
	if s.Len() != 2 {
		t.Fatalf("Len = %d, want 2", s.Len())
	}
	for _, tc := range []struct {
		user, password string
		known, match   bool
	}{
		{"alice", "pw1", true, true},
		{"alice", "pw2", true, false},
		{"bob", "pw2", true, true},
		{"carol", "pw1", false, false},
	} {
		creds, known := s.lookup(tc.user)
		if known != tc.known {
			t.Errorf("lookup(%q) known = %v, want %v", tc.user, known, tc.known)
		}
		if got := passwordMatches(tc.password, creds); got != tc.match {
			t.Errorf("user %q password %q: match = %v, want %v", tc.user, tc.password, got, tc.match)
		}
	}

	for _, tc := range []struct {
		name    string
		add     func() error
		wantErr string
	}{
		{"duplicate password user", func() error { return s.AddPassword("alice", "again") }, `user "alice" is already defined`},
		{"duplicate verifier user", func() error { return s.AddVerifier("bob", v) }, `user "bob" is already defined`},
		{"empty password", func() error { return s.AddPassword("dave", "") }, "empty password"},
		{"empty user", func() error { return s.AddPassword("", "pw") }, "empty user name"},
	} {
		if err := tc.add(); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: error = %v, want one containing %q", tc.name, err, tc.wantErr)
		}
	}
	if s.Len() != 2 {
		t.Errorf("Len = %d after rejected adds, want 2", s.Len())
	}

	var nilStore *Store
	if nilStore.Len() != 0 {
		t.Error("nil Store Len != 0")
	}
	if _, known := nilStore.lookup("alice"); known {
		t.Error("nil Store knows alice")
	}
}

func TestParseMethod(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Method
		ok   bool
	}{
		{"trust", MethodTrust, true},
		{"password", MethodPassword, true},
		{"scram", MethodSCRAM, true},
		{"scram-sha-256", MethodSCRAM, true},
		{"md5", "", false},
		{"SCRAM", "", false},
		{"", "", false},
	} {
		got, err := ParseMethod(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseMethod(%q) = %q, %v; want %q, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
