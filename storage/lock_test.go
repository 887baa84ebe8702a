package storage

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestHelperHoldDatabase is not a test: TestLockedBy runs the test binary
// with it to hold a database open in another process.
func TestHelperHoldDatabase(t *testing.T) {
	path := os.Getenv("MARTDB_HOLD_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	db, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	os.Stdout.WriteString("ready\n")
	bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
}

// TestLockedBy: opening a file another process holds fails, and LockedBy
// recognises the failure and names the process; other open failures are
// not taken for a lock.
func TestLockedBy(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no POSIX record locks")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "held.duckdb")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDatabase$")
	cmd.Env = append(os.Environ(), "MARTDB_HOLD_DB="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	_, err := Open(context.Background(), Options{Path: path})
	if err == nil {
		t.Fatal("opened a database another process holds")
	}
	pid, locked := LockedBy(err, path)
	if !locked || pid != cmd.Process.Pid {
		t.Errorf("LockedBy(%v) = %d, %v; want the helper's PID %d, true", err, pid, locked, cmd.Process.Pid)
	}
	// A file that is not a database fails to open too, but holds no lock.
	junk := filepath.Join(dir, "junk.duckdb")
	os.WriteFile(junk, []byte("not a database, and long enough to be read as a header.........................."), 0o644)
	_, err = Open(context.Background(), Options{Path: junk, ReadOnly: true})
	if err == nil {
		t.Fatal("opened a junk file as a database")
	}
	if _, locked := LockedBy(err, junk); locked {
		t.Errorf("LockedBy(%v) on an unlocked junk file says locked", err)
	}
}
