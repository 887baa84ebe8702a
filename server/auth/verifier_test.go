package auth

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/xdg-go/scram"
)

// independentVerifier computes a verifier straight from RFC 5802 section 3
// and RFC 7677 with the standard library, sharing no code with the package:
//
//	SaltedPassword = PBKDF2-HMAC-SHA-256(password, salt, i)
//	ClientKey      = HMAC(SaltedPassword, "Client Key")
//	StoredKey      = SHA-256(ClientKey)
//	ServerKey      = HMAC(SaltedPassword, "Server Key")
func independentVerifier(t *testing.T, password string, salt []byte, iters int) string {
	t.Helper()
	salted, err := pbkdf2.Key(sha256.New, password, salt, iters, sha256.Size)
	if err != nil {
		t.Fatal(err)
	}
	hmacOf := func(key []byte, msg string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(msg))
		return m.Sum(nil)
	}
	storedKey := sha256.Sum256(hmacOf(salted, "Client Key"))
	serverKey := hmacOf(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iters, b64(salt), b64(storedKey[:]), b64(serverKey))
}

func TestVerifierMatchesIndependentComputation(t *testing.T) {
	tests := []struct {
		password string
		salt     string
		iters    int
	}{
		{"pencil", "0123456789abcdef", 4096},
		{"correct horse battery staple", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 4096},
		{"short-iterations", "salt", 1},
		{"x", "another sixteen.", 10000},
	}
	for _, tc := range tests {
		t.Run(tc.password, func(t *testing.T) {
			got, err := verifierWithSalt(tc.password, []byte(tc.salt), tc.iters)
			if err != nil {
				t.Fatal(err)
			}
			if want := independentVerifier(t, tc.password, []byte(tc.salt), tc.iters); got != want {
				t.Errorf("verifier\n got %s\nwant %s", got, want)
			}
		})
	}
}

// The RFC 7677 section 3 example exchange (user "user", password "pencil")
// succeeds against the verifier made for its salt, byte for byte.
func TestVerifierRFC7677Exchange(t *testing.T) {
	salt, err := base64.StdEncoding.DecodeString("W22ZaJ0SNY7soEsUEjb6gQ==")
	if err != nil {
		t.Fatal(err)
	}
	v, err := verifierWithSalt("pencil", salt, 4096)
	if err != nil {
		t.Fatal(err)
	}
	store := NewStore()
	if err := store.AddVerifier("user", v); err != nil {
		t.Fatal(err)
	}
	server, err := scram.SHA256.NewServer(func(name string) (scram.StoredCredentials, error) {
		creds, _ := store.lookup(name)
		return creds, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	server = server.WithNonceGenerator(func() string { return "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0" })
	conv := server.NewConversation()
	steps := []struct{ client, server string }{
		{"n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
			"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"},
		{"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
			"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="},
	}
	for i, step := range steps {
		got, err := conv.Step(step.client)
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if got != step.server {
			t.Fatalf("step %d: server sent %q, want %q", i+1, got, step.server)
		}
	}
	if !conv.Valid() {
		t.Fatal("RFC 7677 exchange not valid")
	}
}

// verifierPattern is PostgreSQL's verifier text for a 16-byte salt.
var verifierPattern = regexp.MustCompile(`^SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$`)

func TestVerifier(t *testing.T) {
	v1, err := Verifier("s3cret")
	if err != nil {
		t.Fatal(err)
	}
	v2, err := Verifier("s3cret")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{v1, v2} {
		if !verifierPattern.MatchString(v) {
			t.Errorf("Verifier = %q, not in PostgreSQL's format", v)
		}
	}
	if v1 == v2 {
		t.Errorf("two verifiers of one password are equal (%s): salt not random", v1)
	}
	s := NewStore()
	if err := s.AddVerifier("u", v1); err != nil {
		t.Fatalf("AddVerifier(Verifier output): %v", err)
	}
	creds, known := s.lookup("u")
	if !known {
		t.Fatal("user u not found")
	}
	// Recomputing from the verifier's own salt gives the verifier back.
	salt := []byte(creds.Salt)
	if want := independentVerifier(t, "s3cret", salt, creds.Iters); v1 != want {
		t.Errorf("Verifier = %s, independent computation with its salt = %s", v1, want)
	}
	if !passwordMatches("s3cret", creds) {
		t.Error("right password does not match its verifier")
	}
	if passwordMatches("s3cret ", creds) {
		t.Error("wrong password matches")
	}
	if _, err := Verifier(""); err == nil {
		t.Error("Verifier(\"\") succeeded, want error")
	}
}

// Passwords are SASLprep-normalized as PostgreSQL does, and kept raw where
// SASLprep rejects them.
func TestPasswordNormalization(t *testing.T) {
	tests := []struct {
		stored, typed string
		match         bool
	}{
		{"IX", "I\u00adX", true},        // soft hyphen maps to nothing (RFC 4013 example)
		{"a b", "a\u00a0b", true},       // non-ASCII space maps to space
		{"\u00aa", "a", true},           // NFKC: feminine ordinal to "a"
		{"a\u0007b", "a\u0007b", true},  // prohibited by SASLprep: used raw
		{"a\u0007b", "ab", false},       // raw means the control character counts
		{"\xff\xfe", "\xff\xfe", true},  // invalid UTF-8: used raw
		{"Password", "password", false}, // case matters
	}
	for _, tc := range tests {
		v, err := Verifier(tc.stored)
		if err != nil {
			t.Fatal(err)
		}
		creds, err := parseVerifier(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := passwordMatches(tc.typed, creds); got != tc.match {
			t.Errorf("stored %q, typed %q: match = %v, want %v", tc.stored, tc.typed, got, tc.match)
		}
	}
}

func TestAddVerifierRejects(t *testing.T) {
	good, err := Verifier("pw")
	if err != nil {
		t.Fatal(err)
	}
	key := base64.StdEncoding.EncodeToString(make([]byte, 32))
	short := base64.StdEncoding.EncodeToString(make([]byte, 31))
	tests := []struct {
		name, user, verifier, wantErr string
	}{
		{"plain password", "u", "hunter2", "not a SCRAM-SHA-256 verifier"},
		{"md5 secret", "u", "md5d8578edf8458ce06fbc5bb76a58c5ca4", "not a SCRAM-SHA-256 verifier"},
		{"prefix only", "u", "SCRAM-SHA-256$", "missing \"$\""},
		{"no keys", "u", "SCRAM-SHA-256$4096:c2FsdA==", "missing \"$\""},
		{"no salt", "u", "SCRAM-SHA-256$4096$" + key + ":" + key, "want <iterations>:<salt>"},
		{"iterations not a number", "u", "SCRAM-SHA-256$x:c2FsdA==$" + key + ":" + key, "iteration count"},
		{"zero iterations", "u", "SCRAM-SHA-256$0:c2FsdA==$" + key + ":" + key, "iteration count"},
		{"negative iterations", "u", "SCRAM-SHA-256$-5:c2FsdA==$" + key + ":" + key, "iteration count"},
		{"bad salt base64", "u", "SCRAM-SHA-256$4096:!!!$" + key + ":" + key, "salt is not valid base64"},
		{"empty salt", "u", "SCRAM-SHA-256$4096:$" + key + ":" + key, "salt is empty"},
		{"one key", "u", "SCRAM-SHA-256$4096:c2FsdA==$" + key, "want <StoredKey>:<ServerKey>"},
		{"short StoredKey", "u", "SCRAM-SHA-256$4096:c2FsdA==$" + short + ":" + key, "StoredKey has 31 bytes, want 32"},
		{"bad ServerKey", "u", "SCRAM-SHA-256$4096:c2FsdA==$" + key + ":" + key + "x", "ServerKey is not valid base64"},
		{"lower-case prefix", "u", strings.Replace(good, "SCRAM-SHA-256", "scram-sha-256", 1), "not a SCRAM-SHA-256 verifier"},
		{"empty user", "", good, "empty user name"},
		{"NUL in user", "a\x00b", good, "NUL byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewStore()
			err := s.AddVerifier(tc.user, tc.verifier)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("AddVerifier error = %v, want one containing %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q leaks the secret", err)
			}
			if s.Len() != 0 {
				t.Errorf("Len = %d after a rejected AddVerifier", s.Len())
			}
		})
	}
}
