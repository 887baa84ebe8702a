package engine

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// openTest opens an engine on path ("" for memory) and one session, closed
// at the end of the test.
func openTest(t *testing.T, path string) (*Engine, *Session) {
	t.Helper()
	opt := Options{}
	opt.Path = path
	eng, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatalf("open %q: %v", path, err)
	}
	t.Cleanup(func() { eng.Close() })
	s, err := eng.NewSession(context.Background())
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	return eng, s
}

// collected is one statement's outcome, read whole for assertions.
type collected struct {
	kind Kind
	tag  string
	cols []Column
	rows [][]string
}

// collect runs text and reads every result.
func collect(t *testing.T, s *Session, text string) ([]collected, error) {
	t.Helper()
	var out []collected
	err := s.Exec(context.Background(), text, func(r *Result) error {
		c := collected{kind: r.Kind, cols: r.Columns()}
		for r.Next() {
			row := make([]string, len(r.Values()))
			for i, v := range r.Values() {
				row[i] = FormatValue(v, r.Columns()[i])
				if v == nil {
					row[i] = "NULL"
				}
			}
			c.rows = append(c.rows, row)
		}
		c.tag = r.Tag()
		out = append(out, c)
		return r.Err()
	})
	return out, err
}

// mustExec runs text and fails the test on error.
func mustExec(t *testing.T, s *Session, text string) []collected {
	t.Helper()
	out, err := collect(t, s, text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	return out
}

// asError extracts the *Error of err or fails the test.
func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("expected *engine.Error, got %T: %v", err, err)
	}
	return e
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "test.db") }
