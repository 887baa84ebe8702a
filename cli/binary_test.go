package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// martdbBinary builds cli/martdb once per test run.
func martdbBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "martdb-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "martdb")
		out, err := exec.Command("go", "build", "-o", binPath, "github.com/martdb/martdb/cli/martdb").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = string(out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, binPath)
	}
	return binPath
}

// runBinary runs the built binary with stdin and returns its exit code and
// output.
func runBinary(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(martdbBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func TestBinaryRunsSQL(t *testing.T) {
	if r := runBinary(t, "", "-c", "SELECT 42 AS answer"); r.code != 0 || r.stdout != "answer\n42\n" {
		t.Fatalf("-c: %d %q %s", r.code, r.stdout, r.stderr)
	}
	r := runBinary(t, "select 1;\n")
	if r.code != 0 || r.stdout != "1\n1\n" || strings.Contains(r.stdout+r.stderr, "\x1b") {
		t.Fatalf("piped stdin: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runBinary(t, "select * from nope;\n"); r.code != 1 || !strings.Contains(r.stderr, "42P01") {
		t.Fatalf("piped error: %d %q", r.code, r.stderr)
	}
}

// TestKillDuringImportLosesNothing kills martdb with SIGKILL in the middle
// of a large import: the database must open afterwards with every table
// committed before intact, and the interrupted table either absent or
// complete, never partial.
func TestKillDuringImportLosesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	big := filepath.Join(dir, "big.csv")
	setup := "CREATE TABLE keep AS SELECT range AS id, 'row ' || range AS label FROM range(12345);" +
		"COPY (SELECT range AS id, range % 97 AS k, md5(range::VARCHAR) AS h FROM range(4000000)) TO '" + big + "' (HEADER)"
	if r := runBinary(t, "", db, "-c", setup); r.code != 0 {
		t.Fatalf("setup: %s", r.stderr)
	}
	for _, delay := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond} {
		cmd := exec.Command(martdbBinary(t), "import", db, "big", big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err == nil {
			t.Fatalf("the import finished within %v, before the kill: the test file is too small", delay)
		}

		r := runBinary(t, "", db, "-c", "SELECT count(*) AS n, sum(id) AS s FROM keep")
		if r.code != 0 || r.stdout != "n,s\n12345,76193340\n" {
			t.Fatalf("after SIGKILL at %v: committed table damaged: %d %q %s", delay, r.code, r.stdout, r.stderr)
		}
		r = runBinary(t, "", db, "-c", "SELECT coalesce((SELECT count(*) FROM duckdb_tables() WHERE table_name = 'big'), 0) AS t")
		if r.stdout == "t\n1\n" {
			if r := runBinary(t, "", db, "-c", "SELECT count(*) AS n FROM big"); r.stdout != "n\n4000000\n" {
				t.Fatalf("interrupted import left a partial table: %q", r.stdout)
			}
			runBinary(t, "", db, "-c", "DROP TABLE big")
		}
	}
}
