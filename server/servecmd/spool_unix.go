//go:build unix

package servecmd

import (
	"errors"
	"os"
	"syscall"
)

// locksWork: flock tells a live server's spool directory from a dead
// one's.
const locksWork = true

// tryLockDir opens dir and takes an exclusive flock on it without
// waiting: ok is false when another open file (another process, or
// another open of this one) holds it. The lock lasts until the returned
// file is closed or the process ends.
func tryLockDir(dir string) (lock *os.File, ok bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return f, true, nil
}
