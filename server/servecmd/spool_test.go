//go:build unix

package servecmd

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mkdirAged creates dir under root with a file in it, its times set age
// ago.
func mkdirAged(t *testing.T, root, name string, age time.Duration) string {
	t.Helper()
	dir := filepath.Join(root, name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "martdb-copy-1.csv"), []byte("1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	backdate(t, dir, age)
	return dir
}

func backdate(t *testing.T, path string, age time.Duration) {
	t.Helper()
	then := time.Now().Add(-age)
	if err := os.Chtimes(path, then, then); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestSweepRemovesOnlyTheSpoolsOfServersThatAreGone: of the directories
// under the temporary root, only an unlocked martdb-serve-<pid>-<random>
// older than spoolGrace goes (a killed server's); a live server's (locked),
// a just-created one, one without a pid (an older martdb's) and anything
// else stay.
func TestSweepRemovesOnlyTheSpoolsOfServersThatAreGone(t *testing.T) {
	root := t.TempDir()
	live, err := openSpool(root)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	backdate(t, live.dir, time.Hour)
	dead := mkdirAged(t, root, "martdb-serve-999999-12345", time.Hour)
	young := mkdirAged(t, root, "martdb-serve-999999-67890", spoolGrace/2)
	legacy := mkdirAged(t, root, "martdb-serve-424242", time.Hour)
	other := mkdirAged(t, root, "martdb-serve-x-1", time.Hour)
	unrelated := mkdirAged(t, root, "someone-else", time.Hour)

	removed, err := sweepSpools(root, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{dead}) {
		t.Errorf("removed %v, want only %s", removed, dead)
	}
	if exists(dead) {
		t.Errorf("%s is still there", dead)
	}
	for _, dir := range []string{live.dir, young, legacy, other, unrelated} {
		if !exists(dir) {
			t.Errorf("%s was removed", dir)
		}
	}
	if err := live.Close(); err != nil || exists(live.dir) {
		t.Errorf("closing the live spool left %s (%v)", live.dir, err)
	}
}

// TestSpoolOfAKilledServerIsSwept: a process that opened a spool
// directory and was killed with SIGKILL (no chance to remove it) leaves
// the directory; sweeping keeps it while the process lives and removes it
// once the process is gone.
func TestSpoolOfAKilledServerIsSwept(t *testing.T) {
	if root := os.Getenv("MARTDB_SPOOL_HELPER"); root != "" {
		sp, err := openSpool(root)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString(sp.dir + "\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	root := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSpoolOfAKilledServerIsSwept$")
	cmd.Env = append(os.Environ(), "MARTDB_SPOOL_HELPER="+root)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	dir := strings.TrimSpace(line)
	if err != nil || !strings.HasPrefix(filepath.Base(dir), spoolPrefix) {
		t.Fatalf("helper said %q (%v)", line, err)
	}
	backdate(t, dir, time.Hour)
	if removed, err := sweepSpools(root, time.Now()); err != nil || len(removed) != 0 || !exists(dir) {
		t.Fatalf("while its process lives: removed %v (%v)", removed, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if !exists(dir) {
		t.Fatal("the killed process removed its spool directory; the test tests nothing")
	}
	removed, err := sweepSpools(root, time.Now())
	if err != nil || !slices.Equal(removed, []string{dir}) || exists(dir) {
		t.Fatalf("after SIGKILL: removed %v (%v), want %s", removed, err, dir)
	}
}

// TestServeSweepsStaleSpoolsAtStart: `martdb serve` removes a killed
// server's spool directory from the temporary directory when it starts,
// says so, and removes its own when it stops.
func TestServeSweepsStaleSpoolsAtStart(t *testing.T) {
	root := t.TempDir()
	t.Setenv("TMPDIR", root)
	stale := mkdirAged(t, root, "martdb-serve-999999-4711", time.Hour)
	srv := serve(t, []string{filepath.Join(t.TempDir(), "shop.db"), "--listen", "127.0.0.1:0"}, nil)
	if exists(stale) {
		t.Errorf("the stale spool directory %s survived the start", stale)
	}
	own, _ := filepath.Glob(filepath.Join(root, spoolPrefix+"*"))
	if len(own) != 1 || !strings.HasPrefix(filepath.Base(own[0]), spoolPrefix+strconv.Itoa(os.Getpid())+"-") {
		t.Errorf("spool directories while serving: %v, want one named for pid %s", own, strconv.Itoa(os.Getpid()))
	}
	if err := srv.stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(srv.log.String(), "removed "+stale) {
		t.Errorf("the log does not report the removal:\n%s", srv.log.String())
	}
	if left, _ := filepath.Glob(filepath.Join(root, spoolPrefix+"*")); len(left) != 0 {
		t.Errorf("spool directories left after stop: %v", left)
	}
}
