package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/martdb/martdb/engine"
)

// scriptEditor plays inputs as if typed, one per Readline.
type scriptEditor struct{ inputs []string }

func (s *scriptEditor) Readline() (string, error) {
	if len(s.inputs) == 0 {
		return "", io.EOF
	}
	in := s.inputs[0]
	s.inputs = s.inputs[1:]
	if in == "^C" {
		return "", errInterrupt
	}
	return in, nil
}

func (s *scriptEditor) Close() error { return nil }

// TestREPLScripts runs the shell's loop without a terminal on the inputs
// of testdata/repl (one input per line; a line ending in \ continues the
// input; ^C is Ctrl-C while editing) and compares what it prints.
// $TMP in inputs and output is a temporary directory.
func TestREPLScripts(t *testing.T) {
	datadriven.Walk(t, "testdata/repl", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			tmp := t.TempDir()
			in := strings.ReplaceAll(d.Input, "$TMP", tmp)
			var stdout, stderr bytes.Buffer
			r := newScriptREPL(t, &stdout, &stderr, splitInputs(in))
			if err := r.run(); err != nil {
				t.Fatal(err)
			}
			r.out.setFile(nil, false)
			out := stdout.String()
			if stderr.Len() > 0 {
				out += "stderr:\n" + stderr.String()
			}
			out = strings.ReplaceAll(out, tmp, "$TMP")
			out = regexp.MustCompile(`Time: [0-9.]+ ms`).ReplaceAllString(out, "Time: N ms")
			if d.Cmd == "files" {
				out += listTmp(t, tmp)
			}
			return out
		})
	})
}

func splitInputs(s string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`) {
			cur.WriteString(strings.TrimSuffix(line, `\`) + "\n")
			continue
		}
		cur.WriteString(line)
		out = append(out, cur.String())
		cur.Reset()
	}
	return out
}

// newScriptREPL is a shell on an in-memory database holding a small
// shop, its banner dropped.
func newScriptREPL(t *testing.T, stdout, stderr io.Writer, inputs []string) *repl {
	t.Helper()
	ctx := context.Background()
	eng, err := engine.Open(ctx, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	s, err := eng.NewSession(ctx)
	if err != nil {
		t.Fatal(err)
	}
	setup := `CREATE TABLE orders (order_id INTEGER, customer_id INTEGER, ts TIMESTAMP, amount DECIMAL(10,2));
		INSERT INTO orders VALUES (1, 10, '2025-01-03 10:00', 20.00), (2, 10, '2025-02-05 11:00', 35.50),
		(3, 11, '2025-01-20 09:30', 12.25), (4, 12, '2025-03-01 18:45', 99.99);
		CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 30`
	if err := s.Exec(ctx, setup, func(*engine.Result) error { return nil }); err != nil {
		t.Fatal(err)
	}
	e := &env{ctx: ctx, stdin: strings.NewReader(""), stdout: stdout, stderr: stderr}
	r := &repl{e: e, eng: eng, s: s, out: newOutput(stdout), schema: newSchemaCache(s), ed: &scriptEditor{inputs: inputs}}
	r.quiet = true
	return r
}

func listTmp(t *testing.T, dir string) string {
	var b strings.Builder
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".db") || strings.HasSuffix(e.Name(), ".wal") {
			continue // databases are checked through queries
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("--- " + e.Name() + "\n" + string(data))
	}
	return b.String()
}
