package auth

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxLineLen bounds one line of a password file.
const maxLineLen = 64 * 1024

// LoadFile reads a password file into a new Store. Each line is
// "user:verifier" with a verifier in PostgreSQL's SCRAM-SHA-256 format (see
// Verifier); blank lines and lines starting with # are skipped, and spaces
// around the user name and the verifier are ignored. A user name cannot
// contain ":". Errors name the file and the line number, never the secret.
func LoadFile(path string) (*Store, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("auth: LoadFile: %w", err)
	}
	defer f.Close()
	s, err := readStore(f, path)
	if err != nil {
		return nil, fmt.Errorf("auth: LoadFile: %w", err)
	}
	return s, nil
}

// readStore parses password-file lines from r; name labels errors.
func readStore(r io.Reader, name string) (*Store, error) {
	s := NewStore()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLineLen)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		user, verifier, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want user:verifier", name, line)
		}
		if err := s.add(strings.TrimSpace(user), strings.TrimSpace(verifier)); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return s, nil
}
