package cli

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBackupAndRestoreCommands: a backup restores to the same data; an
// existing archive or database is refused unless --force; the messages
// say what happened.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db, archive, restored := filepath.Join(dir, "shop.db"), filepath.Join(dir, "shop.mdbk"), filepath.Join(dir, "copy.db")
	const data = "CREATE TABLE orders AS SELECT range AS id, range * 2.5 AS amount FROM range(1000); CREATE VIEW big AS SELECT * FROM orders WHERE amount > 2000"
	if r := run(t, "", db, "-c", data); r.code != 0 {
		t.Fatalf("setup: %s", r.stderr)
	}
	r := run(t, "", "backup", db, archive)
	if r.code != 0 || !strings.Contains(r.stderr, "backed up "+db+" to "+archive+": 1 table, 1000 rows") {
		t.Fatalf("backup: exit %d, %q", r.code, r.stderr)
	}
	r = run(t, "", "restore", archive, restored)
	if r.code != 0 || !strings.Contains(r.stderr, "restored "+archive+" to "+restored+": 1 table, 1000 rows (backup of \"shop\"") {
		t.Fatalf("restore: exit %d, %q", r.code, r.stderr)
	}
	const check = "SELECT count(*) AS n, sum(amount) AS s, (SELECT count(*) FROM big) AS big FROM orders"
	want := run(t, "", db, "-c", check)
	if got := run(t, "", restored, "-c", check); got.code != 0 || got.stdout != want.stdout || want.stdout != "n,s,big\n1000,1248750.0,199\n" {
		t.Fatalf("restored data %q (%s), original %q", got.stdout, got.stderr, want.stdout)
	}

	if r := run(t, "", "restore", archive, restored); r.code != 1 || !strings.Contains(r.stderr, "already exists") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("restore over a file: exit %d, %q; want 1 suggesting --force", r.code, r.stderr)
	}
	run(t, "", restored, "-c", "DROP TABLE orders")
	if r := run(t, "", "restore", "--force", archive, restored); r.code != 0 {
		t.Errorf("restore --force: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, "", restored, "-c", "SELECT count(*) AS n FROM orders"); r.stdout != "n\n1000\n" {
		t.Errorf("after restore --force: %q %s", r.stdout, r.stderr)
	}
	if r := run(t, "", "backup", db, archive); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("backup over an archive: exit %d, %q; want 1", r.code, r.stderr)
	}
	if r := run(t, "", "backup", db, archive, "--force"); r.code != 0 {
		t.Errorf("backup --force: exit %d, %q", r.code, r.stderr)
	}
}

// TestBackupCommandErrors: wrong command lines exit 2; a missing database,
// a damaged archive exit 1, and neither leaves a file behind.
func TestBackupCommandErrors(t *testing.T) {
	dir := t.TempDir()
	usage := [][]string{
		{"backup"},
		{"backup", "only.db"},
		{"backup", "a.db", "b", "c"},
		{"backup", ":memory:", "x.mdbk"},
		{"backup", "--nope", "a.db", "b"},
		{"restore", "a.mdbk"},
		{"restore", "a.mdbk", ":memory:"},
	}
	for _, args := range usage {
		if r := run(t, "", args...); r.code != 2 || !strings.Contains(r.stderr, "martdb --help") {
			t.Errorf("%q: exit %d, %q; want a usage error (2)", args, r.code, r.stderr)
		}
	}
	missing := filepath.Join(dir, "missing.db")
	if r := run(t, "", "backup", missing, filepath.Join(dir, "m.mdbk")); r.code != 1 || !strings.Contains(r.stderr, "missing.db does not exist") {
		t.Errorf("backup of a missing file: exit %d, %q", r.code, r.stderr)
	}
	db, archive := filepath.Join(dir, "d.db"), filepath.Join(dir, "d.mdbk")
	run(t, "", db, "-c", "CREATE TABLE t AS SELECT range AS i FROM range(100)")
	if r := run(t, "", "backup", db, archive); r.code != 0 {
		t.Fatal(r.stderr)
	}
	b, _ := os.ReadFile(archive)
	b[len(b)-3] ^= 1
	os.WriteFile(archive, b, 0o644)
	target := filepath.Join(dir, "r.db")
	if r := run(t, "", "restore", archive, target); r.code != 1 || !strings.Contains(r.stderr, "ERROR: checksum mismatch") {
		t.Errorf("restore of a damaged archive: exit %d, %q", r.code, r.stderr)
	}
	os.WriteFile(archive, b[:len(b)/2], 0o644)
	if r := run(t, "", "restore", archive, target); r.code != 1 || !strings.Contains(r.stderr, "backup archive is truncated: payload has") {
		t.Errorf("restore of a truncated archive: exit %d, %q", r.code, r.stderr)
	}
	for _, p := range []string{missing, target} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was created", p)
		}
	}
	if r := run(t, "", "--help"); !strings.Contains(r.stdout+r.stderr, "martdb backup DBFILE OUT") || !strings.Contains(r.stdout+r.stderr, "martdb restore ARCHIVE DBFILE") {
		t.Errorf("--help does not list backup and restore")
	}
}

// TestBinaryBackupOfServedDatabase: while `martdb serve` holds the file,
// `martdb backup` says who holds it and how to back up through the server.
func TestBinaryBackupOfServedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "served.db")
	if r := runBinary(t, "", db, "-c", "CREATE TABLE t AS SELECT 1 AS x"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	serve := exec.Command(martdbBinary(t), "serve", db, "--listen", "127.0.0.1:0")
	stderr, _ := serve.StderrPipe()
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		serve.Process.Signal(syscall.SIGTERM)
		serve.Wait()
	}()
	lines := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	select {
	case l := <-lines:
		if !strings.Contains(l, "serving database") {
			t.Fatalf("serve said %q", l)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	archive := filepath.Join(dir, "served.mdbk")
	r := runBinary(t, "", "backup", db, archive)
	if r.code != 1 {
		t.Fatalf("backup of a served file: exit %d, %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"in use by another process (PID " + strconv.Itoa(serve.Process.Pid) + ")",
		"--backup-dir DIR",
		"SELECT * FROM martdb_backup('served.mdbk');",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if _, err := os.Stat(archive); err == nil {
		t.Error("the refused backup wrote an archive")
	}
}
