package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/storage"
)

// codeObjectInUse is PostgreSQL's object_in_use, for a database file
// another process holds.
const codeObjectInUse = "55006"

// backupCommand is `martdb backup DBFILE OUT [--force]`: a consistent
// snapshot of DBFILE, compressed and checksummed, in the archive OUT (see
// storage.Backup).
func (e *env) backupCommand(args []string) error {
	fs := newFlagSet("martdb backup")
	force := fs.Bool("force", false, "replace OUT if it exists")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("backup needs DBFILE OUT: got %d argument(s)", len(pos))
	}
	db, out := pos[0], pos[1]
	if storage.IsMemory(db) {
		return usagef("backup needs a database file: an in-memory database has nothing to back up")
	}
	if _, err := os.Stat(db); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return engine.Errorf(engine.CodeUndefinedFile, "database file %s does not exist", db)
		}
		return err
	}
	if _, err := os.Stat(out); err == nil && !*force {
		return engine.Errorf(engine.CodeDuplicateObject, "%s already exists", out).
			WithHint("Name a new archive, or give --force to replace it.")
	}
	opt := engine.Options{}
	opt.Path, opt.ReadOnly = db, true
	eng, err := engine.Open(e.ctx, opt)
	if err != nil {
		if pid, locked := storage.LockedBy(err, db); locked {
			return lockedError(db, out, pid)
		}
		return err
	}
	m, err := eng.Backup(e.ctx, out, storage.BackupOptions{})
	if err == nil {
		fmt.Fprintf(e.stderr, "backed up %s to %s: %s, %s, %s compressed\n",
			db, out, plural(len(m.Tables), "table"), rowCount(m.TotalRows()), byteSize(m.PayloadBytes))
	}
	return closeEngine(eng, err)
}

// lockedError explains that another process, most likely `martdb serve`,
// holds the database, and how to back it up through the server instead.
func lockedError(db, out string, pid int) error {
	return engine.Errorf(codeObjectInUse, "database %s is in use by another process (PID %d)", db, pid).
		WithDetail("DuckDB lets one process at a time open a database file for writing, so a backup cannot open it alongside a running server.").
		WithHint(fmt.Sprintf("If it is \"martdb serve\", back up through the server: start it with --backup-dir DIR and run\n"+
			"  SELECT * FROM martdb_backup('%s');\nas a user who may write; the archive is written in DIR.", filepath.Base(out)))
}

// restoreCommand is `martdb restore ARCHIVE DBFILE [--force]` (see
// storage.Restore).
func (e *env) restoreCommand(args []string) error {
	fs := newFlagSet("martdb restore")
	force := fs.Bool("force", false, "replace DBFILE if it exists")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("restore needs ARCHIVE DBFILE: got %d argument(s)", len(pos))
	}
	archive, db := pos[0], pos[1]
	if storage.IsMemory(db) {
		return usagef("restore needs a database file to write, not %q", db)
	}
	m, err := storage.Restore(e.ctx, archive, db, storage.RestoreOptions{Force: *force})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "restored %s to %s: %s, %s (backup of %q taken %s by martdb %s)\n",
		archive, db, plural(len(m.Tables), "table"), rowCount(m.TotalRows()), m.Database,
		m.CreatedAt.Format("2006-01-02 15:04:05 UTC"), m.MartdbVersion)
	return nil
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// byteSize is n in B, kB, MB or GB (powers of 1000, one decimal).
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}
