//go:build !unix

package storage

// lockHolder cannot read the lock table here; see lock_unix.go.
func lockHolder(string) (int, bool) { return 0, false }
