package servecmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// spoolPrefix begins the name of every spool directory of `martdb serve`:
// martdb-serve-<pid>-<random>, in the system's temporary directory.
const spoolPrefix = "martdb-serve-"

// spoolGrace protects a directory another server has just created and
// not locked yet: younger ones are never swept.
const spoolGrace = time.Minute

// spool is the server's own directory for COPY FROM STDIN (and backup
// scratch files). The server holds an exclusive lock on it for its whole
// life; the kernel drops the lock when the process ends, however it ends,
// so an unlocked directory belongs to a server that is gone.
type spool struct {
	dir  string
	lock *os.File
}

// openSpool creates and locks a new spool directory under root.
func openSpool(root string) (*spool, error) {
	dir, err := os.MkdirTemp(root, spoolPrefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("creating the spool directory: %w", err)
	}
	lock, ok, err := tryLockDir(dir)
	if err == nil && !ok {
		err = fmt.Errorf("it is locked by another process")
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("locking the spool directory %s: %w", dir, err)
	}
	return &spool{dir: dir, lock: lock}, nil
}

// Close removes the directory, then lets go of its lock.
func (s *spool) Close() error {
	err := os.RemoveAll(s.dir)
	s.lock.Close()
	return err
}

// sweepSpools removes the spool directories under root left by servers
// that are gone (killed before they could remove them): those named
// martdb-serve-<pid>-<random> that nobody holds locked and that are older
// than spoolGrace. Directories of running servers, and older ones without
// the pid in their name (whose servers never locked them), stay. It
// returns the directories removed. Where the system has no flock, it
// removes nothing.
func sweepSpools(root string, now time.Time) ([]string, error) {
	if !locksWork {
		return nil, nil
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if !e.IsDir() || !isSpoolName(e.Name()) {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if info, err := e.Info(); err != nil || now.Sub(info.ModTime()) < spoolGrace {
			continue
		}
		if removeIfStale(dir) {
			removed = append(removed, dir)
		}
	}
	return removed, nil
}

// isSpoolName reports whether name is martdb-serve-<pid>-<random>.
func isSpoolName(name string) bool {
	rest, ok := strings.CutPrefix(name, spoolPrefix)
	if !ok {
		return false
	}
	pid, random, ok := strings.Cut(rest, "-")
	return ok && isDigits(pid) && random != ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// removeIfStale removes dir when it can take its lock (no live server
// holds it), holding the lock while it does.
func removeIfStale(dir string) bool {
	lock, ok, err := tryLockDir(dir)
	if err != nil || !ok {
		return false
	}
	defer lock.Close()
	return os.RemoveAll(dir) == nil
}
