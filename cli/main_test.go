package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// result is what one run of Main produced.
type result struct {
	code           int
	stdout, stderr string
}

// run calls the real entry point with args and stdin.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func fixture(name string) string { return filepath.Join("..", "testdata", name) }

func TestRunStatements(t *testing.T) {
	script := filepath.Join(t.TempDir(), "s.sql")
	os.WriteFile(script, []byte("SELECT 'from file' AS src;\n"), 0o644)
	cases := []struct {
		name   string
		stdin  string
		args   []string
		stdout string
	}{
		{"-c", "", []string{"-c", "SELECT 1 AS a, 'x' AS b"}, "a,b\n1,x\n"},
		{"several -c in order", "", []string{"-c", "SELECT 1 AS n", "-c", "SELECT 2 AS n"}, "n\n1\nn\n2\n"},
		{"several statements in one -c", "", []string{"-c", "CREATE TABLE t AS SELECT 5 AS v; SELECT v FROM t"}, "v\n5\n"},
		{"-f", "", []string{"-f", script}, "src\nfrom file\n"},
		{"stdin", "SELECT 40 + 2 AS answer;\n", nil, "answer\n42\n"},
		{"flags after the database", "", []string{":memory:", "--format", "jsonl", "-c", "SELECT 1 AS a"}, "{\"a\":1}\n"},
		{"tsv", "", []string{"--format", "tsv", "-c", "SELECT 'a\tb' AS s"}, "s\na\\tb\n"},
		{"markdown", "", []string{"--format", "markdown", "-c", "SELECT 1 AS n"}, "| n |\n| ---: |\n| 1 |\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.stdin, c.args...)
			if r.code != 0 || r.stdout != c.stdout {
				t.Fatalf("exit %d\nstdout %q\nwant   %q\nstderr %s", r.code, r.stdout, c.stdout, r.stderr)
			}
		})
	}
}

func TestTableFormat(t *testing.T) {
	r := run(t, "", "--format", "table", "-c", "SELECT 42 AS answer, NULL AS nothing, 'text' AS label; CREATE TABLE t (a INT)")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"┌", "answer", "integer", "NULL", "1 row", "CREATE"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Errorf("escape codes written to a non-terminal:\n%q", r.stdout)
	}
}

func TestStatementErrors(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		stderr  []string // substrings expected on stderr
		stdout  string
		wantRan bool
	}{
		{"syntax", []string{"-c", "SELEC 1"}, []string{"ERROR: syntax error at or near \"SELEC\" (SQLSTATE 42601)", "LINE 1: SELEC 1\n        ^"}, "", false},
		{"undefined table caret", []string{"-c", "SELECT 1 AS a;\nSELECT *\n  FROM nope"}, []string{"(SQLSTATE 42P01)", "LINE 3:   FROM nope\n               ^"}, "a\n1\n", false},
		{"stops at first error", []string{"-c", "SELECT * FROM nope; SELECT 'after' AS s"}, []string{"42P01"}, "", false},
		{"continue on error", []string{"--continue-on-error", "-c", "SELECT * FROM nope; SELECT 'after' AS s"}, []string{"42P01"}, "s\nafter\n", true},
		{"undefined function", []string{"-c", "SELECT no_such_function(1)"}, []string{"(SQLSTATE 42883)"}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, "", c.args...)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			for _, s := range c.stderr {
				if !strings.Contains(r.stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.stderr)
				}
			}
			if r.stdout != c.stdout {
				t.Errorf("stdout %q, want %q", r.stdout, c.stdout)
			}
			if n := strings.Count(r.stderr, "ERROR:"); n != 1 {
				t.Errorf("%d ERROR lines, want 1:\n%s", n, r.stderr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"--format", "xml", "-c", "SELECT 1"}, `unknown format "xml"`},
		{[]string{"a.db", "b.db", "-c", "SELECT 1"}, "too many arguments"},
		{[]string{"-f", "/nonexistent/script.sql"}, "cannot read script"},
		{[]string{"import", "x.db"}, "import needs DBFILE TABLE FILE"},
		{[]string{"--timeout", "soon", "-c", "SELECT 1"}, "invalid value"},
	}
	for _, c := range cases {
		r := run(t, "", c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
		if lines := strings.Count(strings.TrimSpace(r.stderr), "\n") + 1; lines > 2 {
			t.Errorf("%v: %d lines of error, want a short message:\n%s", c.args, lines, r.stderr)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	if r := run(t, "", "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "martdb ") {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
	r := run(t, "", "--help")
	for _, want := range []string{"Usage:", "Examples:", "--continue-on-error", "martdb import"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("--help lacks %q (exit %d)", want, r.code)
		}
	}
}

func TestTimeoutAndReadOnly(t *testing.T) {
	r := run(t, "", "--timeout", "100ms", "-c", "SELECT count(*) FROM range(1000000000) a, range(1000000) b")
	if r.code != 1 || !strings.Contains(r.stderr, "canceling statement due to statement timeout (SQLSTATE 57014)") {
		t.Errorf("timeout: exit %d stderr %q", r.code, r.stderr)
	}
	db := filepath.Join(t.TempDir(), "ro.db")
	if r := run(t, "", db, "-c", "CREATE TABLE t AS SELECT 1 AS a"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = run(t, "", db, "--read-only", "-c", "INSERT INTO t VALUES (2)")
	if r.code != 1 || !strings.Contains(r.stderr, "(SQLSTATE 25006)") {
		t.Errorf("read-only write: exit %d stderr %q", r.code, r.stderr)
	}
	if r := run(t, "", db, "--read-only", "-c", "SELECT count(*) AS n FROM t"); r.stdout != "n\n1\n" {
		t.Errorf("read-only read: %q %s", r.stdout, r.stderr)
	}
}

func TestMaxRowsCountsTheRest(t *testing.T) {
	r := run(t, "", "--format", "table", "--max-rows", "2", "-c", "SELECT range AS n FROM range(5)")
	if r.code != 0 || !strings.Contains(r.stdout, "5 rows") || !strings.Contains(r.stdout, "2 shown") {
		t.Fatalf("footer missing:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, " 3 │") || !strings.Contains(r.stdout, " 1 │") {
		t.Fatalf("wrong rows shown:\n%s", r.stdout)
	}
}
