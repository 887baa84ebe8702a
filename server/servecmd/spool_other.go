//go:build !unix

package servecmd

import "os"

// locksWork is false: without flock there is no telling whether a spool
// directory's server is alive, so none is swept.
const locksWork = false

// tryLockDir opens dir, without a lock.
func tryLockDir(dir string) (lock *os.File, ok bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false, err
	}
	return f, true, nil
}
