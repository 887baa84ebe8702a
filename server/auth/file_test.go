package auth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes lines (with {alice} and {bob} replaced by verifiers) to a
// temporary password file.
func writeFile(t *testing.T, content string, verifiers map[string]string) string {
	t.Helper()
	for name, v := range verifiers {
		content = strings.ReplaceAll(content, "{"+name+"}", v)
	}
	path := filepath.Join(t.TempDir(), "users.txt")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadFile(t *testing.T) {
	verifiers := map[string]string{}
	for name, pw := range map[string]string{"alice": "alice-pw", "bob": "bob-pw"} {
		v, err := Verifier(pw)
		if err != nil {
			t.Fatal(err)
		}
		verifiers[name] = v
	}

	t.Run("good", func(t *testing.T) {
		path := writeFile(t, "# martdb users\n\nalice:{alice}\r\n   # indented comment\n  bob : {bob}  \n\n", verifiers)
		s, err := LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if s.Len() != 2 {
			t.Fatalf("Len = %d, want 2", s.Len())
		}
		for user, pw := range map[string]string{"alice": "alice-pw", "bob": "bob-pw"} {
			creds, known := s.lookup(user)
			if !known || !passwordMatches(pw, creds) {
				t.Errorf("user %s: known=%v, password matches=%v", user, known, passwordMatches(pw, creds))
			}
		}
	})

	t.Run("empty file", func(t *testing.T) {
		s, err := LoadFile(writeFile(t, "# nobody yet\n", nil))
		if err != nil || s.Len() != 0 {
			t.Fatalf("LoadFile = %v users, %v; want 0 users, no error", s.Len(), err)
		}
	})

	bad := []struct {
		name, content, wantErr string
	}{
		{"plain password", "alice:{alice}\n\n# c\nbob:hunter2\n", "users.txt:4: user \"bob\": not a SCRAM-SHA-256 verifier"},
		{"no colon", "# c\nhunter2\n", "users.txt:2: want user:verifier"},
		{"empty user", ":{alice}\n", "users.txt:1: empty user name"},
		{"duplicate user", "alice:{alice}\nbob:{bob}\nalice:{bob}\n", "users.txt:3: user \"alice\" is already defined"},
		{"truncated verifier", "alice:{alice}\nbob:SCRAM-SHA-256$4096:c2FsdA==\n", "users.txt:2: user \"bob\": malformed verifier"},
		{"line too long", "alice:" + strings.Repeat("x", maxLineLen+1) + "\n", "users.txt:1:"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadFile(writeFile(t, tc.content, verifiers))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("LoadFile error = %v, want one containing %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q leaks the secret", err)
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		_, err := LoadFile(filepath.Join(t.TempDir(), "absent"))
		if err == nil || !strings.Contains(err.Error(), "absent") {
			t.Fatalf("LoadFile error = %v, want one naming the file", err)
		}
	})
}
