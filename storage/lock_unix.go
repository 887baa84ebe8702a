//go:build unix

package storage

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// lockHolder asks the system whether another process holds a POSIX
// record lock on path (DuckDB locks its database files with fcntl), and
// which process.
//
// Closing a file drops every POSIX lock the calling process holds on it,
// so lockHolder must not be used on a file this process has open as a
// database; the callers use it after their own open failed, or before
// they open anything.
func lockHolder(path string) (int, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: io.SeekStart}
	if err := unix.FcntlFlock(f.Fd(), unix.F_GETLK, &lk); err != nil || lk.Type == unix.F_UNLCK {
		return 0, false
	}
	return int(lk.Pid), true
}
