package storage

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/klauspost/compress/zstd"
)

// ErrExists is the kind of error Restore reports when the database file
// it would write already exists and Force was not given.
var ErrExists = errors.New("database file exists")

// RestoreOptions says how to restore an archive.
type RestoreOptions struct {
	// Force replaces an existing database file (and drops its
	// write-ahead log, which belongs to the old file).
	Force bool
}

// Restore turns the backup archive into the database file dbfile and
// returns the archive's manifest.
//
// Nothing is written until the whole payload has been read once and its
// length and SHA-256 match the manifest. The payload is then
// decompressed into a temporary file beside dbfile, which is opened with
// DuckDB and checked to hold exactly the manifest's tables with their row
// counts before it is renamed to dbfile. A failure at any step leaves no
// dbfile behind (and an existing one untouched). Restore refuses to
// replace an existing dbfile unless opt.Force is set, and refuses to
// replace one another process has open.
func Restore(ctx context.Context, archive, dbfile string, opt RestoreOptions) (*Manifest, error) {
	if err := checkTarget(dbfile, opt.Force); err != nil {
		return nil, err
	}
	f, err := os.Open(archive)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, notFoundf("restore: backup archive %s does not exist", archive)
		}
		return nil, fmt.Errorf("restore: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	m, offset, err := readHeader(br)
	if err != nil {
		return nil, err
	}
	if err := verifyPayload(br, m); err != nil {
		return nil, err
	}
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	tmp, err := decompressTo(ctx, io.LimitReader(f, m.PayloadBytes), dbfile, m)
	if tmp != "" {
		defer os.Remove(tmp)
	}
	if err != nil {
		return nil, err
	}
	if err := checkSnapshot(ctx, tmp, m); err != nil {
		return nil, err
	}
	if opt.Force {
		// A write-ahead log beside dbfile belongs to the file being
		// replaced; DuckDB would replay it onto the restored one.
		if err := os.Remove(dbfile + ".wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("restore: removing the old write-ahead log: %w", err)
		}
	}
	// The temporary file was made private (0600); give the database the
	// mode of the file it replaces, or DuckDB's usual 0644.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(dbfile); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	if err := os.Rename(tmp, dbfile); err != nil {
		return nil, fmt.Errorf("restore: %w", err)
	}
	syncDir(filepath.Dir(dbfile))
	return m, nil
}

// checkTarget refuses a dbfile that exists (unless force) or that another
// process holds open.
func checkTarget(dbfile string, force bool) error {
	_, err := os.Stat(dbfile)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if _, werr := os.Stat(dbfile + ".wal"); werr == nil && !force {
			return &inputError{kind: ErrExists, msg: fmt.Sprintf("restore: %s.wal exists (a write-ahead log without its database): remove it or give --force", dbfile)}
		}
		return nil
	case err != nil:
		return fmt.Errorf("restore: %w", err)
	case !force:
		return &inputError{kind: ErrExists, msg: fmt.Sprintf("restore: %s already exists: restore into a new file, or give --force to replace it", dbfile)}
	}
	if pid, held := lockHolder(dbfile); held {
		return &inputError{kind: ErrLocked, msg: fmt.Sprintf("restore: %s is open in another process (PID %d): stop it before replacing the file", dbfile, pid)}
	}
	return nil
}

// verifyPayload reads the rest of the archive and checks its length and
// SHA-256 against the manifest.
func verifyPayload(r io.Reader, m *Manifest) error {
	sum := sha256.New()
	n, err := io.Copy(sum, io.LimitReader(r, m.PayloadBytes))
	if err != nil {
		return fmt.Errorf("restore: reading the backup archive: %w", err)
	}
	if n < m.PayloadBytes {
		return corruptf("backup archive is truncated: payload has %d of %d bytes", n, m.PayloadBytes)
	}
	extra, err := io.Copy(io.Discard, r)
	if err != nil {
		return fmt.Errorf("restore: reading the backup archive: %w", err)
	}
	if extra > 0 {
		return corruptf("backup archive is damaged: %d unexpected bytes after the %d-byte payload", extra, m.PayloadBytes)
	}
	if got := hex.EncodeToString(sum.Sum(nil)); got != m.PayloadSHA256 {
		return corruptf("checksum mismatch: the payload's SHA-256 is %s, the manifest says %s", got, m.PayloadSHA256)
	}
	return nil
}

// decompressTo decompresses the payload into a new temporary file beside
// dbfile and returns its name (even on error, "" when none was made).
func decompressTo(ctx context.Context, payload io.Reader, dbfile string, m *Manifest) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(dbfile), "."+filepath.Base(dbfile)+".restore-")
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	name := tmp.Name()
	defer tmp.Close()
	zr, err := zstd.NewReader(payload)
	if err != nil {
		return name, corruptf("the payload is not valid zstd: %v", err)
	}
	defer zr.Close()
	n, err := io.Copy(tmp, &ctxReader{ctx: ctx, r: zr})
	switch {
	case ctx.Err() != nil:
		return name, ctx.Err()
	case err != nil:
		return name, corruptf("the payload does not decompress: %v", err)
	case n != m.SnapshotBytes:
		return name, corruptf("the payload decompresses to %d bytes, the manifest says %d", n, m.SnapshotBytes)
	}
	if err := tmp.Sync(); err != nil {
		return name, fmt.Errorf("restore: %w", err)
	}
	return name, tmp.Close()
}

// checkSnapshot opens the restored file read-only and checks that its
// tables and their row counts are the manifest's.
func checkSnapshot(ctx context.Context, path string, m *Manifest) error {
	db, err := Open(ctx, Options{Path: path, ReadOnly: true})
	if err != nil {
		return corruptf("the restored file does not open as a DuckDB database: %v", err)
	}
	defer db.Close()
	c, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer c.Close()
	var name string
	if err := c.QueryRowContext(ctx, "SELECT current_database()").Scan(&name); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	got, err := countTables(ctx, c, name)
	if err != nil {
		return fmt.Errorf("restore: counting the restored rows: %w", err)
	}
	if !slices.Equal(got, m.Tables) {
		return corruptf("the restored database does not match the manifest: it has %s, the manifest says %s", describeTables(got), describeTables(m.Tables))
	}
	return nil
}

// describeTables lists tables with their counts for an error message.
func describeTables(ts []TableCount) string {
	if len(ts) == 0 {
		return "no tables"
	}
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s.%s (%d rows)", t.Schema, t.Name, t.Rows)
	}
	return s
}

// ctxReader stops a long copy when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
