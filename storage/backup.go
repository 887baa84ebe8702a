package storage

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/klauspost/compress/zstd"
)

// BackupOptions says how to take a backup.
type BackupOptions struct {
	// ScratchDir is where DuckDB writes the snapshot file before it is
	// compressed (in a new subdirectory, removed afterwards); "" means the
	// archive's directory. With file access restricted (Options.
	// RestrictFiles) it must be under one of the allowed directories.
	ScratchDir string
	// MartdbVersion is recorded in the manifest.
	MartdbVersion string
}

// Backup writes a consistent snapshot of the database c is connected to
// into the archive out (see doc.go for the format) and returns its
// manifest.
//
// The snapshot is one COPY FROM DATABASE statement into a freshly
// attached DuckDB file, so it is one transaction: it holds exactly the
// transactions committed when it began, while other connections go on
// reading and writing. Uncommitted changes, including those of c's own
// open transaction, are not in it (c must not be inside a transaction).
// The archive is written under a temporary name beside out and renamed
// into place when complete, so a failed backup leaves neither an archive
// nor scratch files.
func Backup(ctx context.Context, c *sql.Conn, out string, opt BackupOptions) (*Manifest, error) {
	scratch := opt.ScratchDir
	if scratch == "" {
		scratch = filepath.Dir(out)
	}
	dir, err := os.MkdirTemp(scratch, ".martdb-backup-")
	if err != nil {
		return nil, fmt.Errorf("backup: making a scratch directory: %w", err)
	}
	defer os.RemoveAll(dir)
	m := &Manifest{MartdbVersion: opt.MartdbVersion, CreatedAt: time.Now().UTC().Truncate(time.Second)}
	snap := filepath.Join(dir, "snapshot.duckdb")
	if err := snapshot(ctx, c, snap, m); err != nil {
		return nil, err
	}
	payload := filepath.Join(dir, "payload.zst")
	if err := compressFile(snap, payload, m); err != nil {
		return nil, err
	}
	if err := writeArchive(out, payload, m); err != nil {
		return nil, err
	}
	return m, nil
}

// snapshot copies the database into a new DuckDB file at path and fills
// in the manifest's database, DuckDB version, tables and views from the
// copy.
func snapshot(ctx context.Context, c *sql.Conn, path string, m *Manifest) (err error) {
	if err := c.QueryRowContext(ctx, "SELECT current_database(), version()").Scan(&m.Database, &m.DuckDBVersion); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	alias := "martdb_snapshot_" + randomHex(8)
	// READ_WRITE explicitly: a database opened read-only would attach the
	// snapshot read-only too, and backing up a read-only database (as
	// `martdb backup` opens it) is the point.
	if _, err := c.ExecContext(ctx, "ATTACH "+QuoteString(path)+" AS "+quotePart(alias)+" (READ_WRITE)"); err != nil {
		return fmt.Errorf("backup: attaching the snapshot file: %w", err)
	}
	defer func() {
		// DETACH checkpoints the snapshot: afterwards the file is whole,
		// with no write-ahead log beside it.
		if _, derr := c.ExecContext(context.WithoutCancel(ctx), "DETACH "+quotePart(alias)); derr != nil && err == nil {
			err = fmt.Errorf("backup: detaching the snapshot file: %w", derr)
		}
	}()
	if _, err := c.ExecContext(ctx, "COPY FROM DATABASE "+quotePart(m.Database)+" TO "+quotePart(alias)); err != nil {
		var de *duckdb.Error
		if errors.As(err, &de) && de.Type == duckdb.ErrorTypeConstraint {
			// The copy goes into an empty database, whose only
			// constraints are the source's: DuckDB 1.5 copies rows of a
			// table with a foreign key before the rows it references.
			return fmt.Errorf("backup: copying the database failed on a constraint; DuckDB's COPY FROM DATABASE cannot copy tables with FOREIGN KEY constraints: %w", err)
		}
		return fmt.Errorf("backup: copying the database: %w", err)
	}
	if m.Tables, err = countTables(ctx, c, alias); err != nil {
		return fmt.Errorf("backup: counting rows of the snapshot: %w", err)
	}
	if m.Views, err = listViews(ctx, c, alias); err != nil {
		return fmt.Errorf("backup: listing views of the snapshot: %w", err)
	}
	return nil
}

// countTables lists the tables of the attached database db with their
// row counts, in schema and name order.
func countTables(ctx context.Context, c *sql.Conn, db string) ([]TableCount, error) {
	rows, err := c.QueryContext(ctx, "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? AND NOT temporary ORDER BY ALL", db)
	if err != nil {
		return nil, err
	}
	tables := []TableCount{} // [] rather than null in the manifest
	for rows.Next() {
		var t TableCount
		if err := rows.Scan(&t.Schema, &t.Name); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, t := range tables {
		q := "SELECT count(*) FROM " + quotePart(db) + "." + quotePart(t.Schema) + "." + quotePart(t.Name)
		if err := c.QueryRowContext(ctx, q).Scan(&tables[i].Rows); err != nil {
			return nil, err
		}
	}
	return tables, nil
}

// listViews lists the views of the attached database db as schema.name.
func listViews(ctx context.Context, c *sql.Conn, db string) ([]string, error) {
	rows, err := c.QueryContext(ctx, "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal AND NOT temporary ORDER BY ALL", db)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	views := []string{} // [] rather than null in the manifest
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		views = append(views, v)
	}
	return views, rows.Err()
}

// compressFile compresses src into dst with zstd, recording in m the
// snapshot's size and the payload's size and SHA-256.
func compressFile(src, dst string, m *Manifest) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer out.Close()
	sum := sha256.New()
	counted := &countingWriter{w: io.MultiWriter(out, sum)}
	zw, err := zstd.NewWriter(counted, zstd.WithEncoderCRC(true))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if m.SnapshotBytes, err = io.Copy(zw, in); err != nil {
		zw.Close()
		return fmt.Errorf("backup: compressing the snapshot: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("backup: compressing the snapshot: %w", err)
	}
	m.PayloadBytes = counted.n
	m.PayloadSHA256 = hex.EncodeToString(sum.Sum(nil))
	return out.Close()
}

// writeArchive writes the header and the payload into a temporary file
// beside out, syncs it and renames it to out.
func writeArchive(out, payload string, m *Manifest) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	in, err := os.Open(payload)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer in.Close()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := writeHeader(bw, m); err != nil {
		return fmt.Errorf("backup: writing %s: %w", out, err)
	}
	if _, err := io.Copy(bw, in); err != nil {
		return fmt.Errorf("backup: writing %s: %w", out, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("backup: writing %s: %w", out, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("backup: writing %s: %w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("backup: writing %s: %w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	syncDir(filepath.Dir(out))
	return nil
}

// syncDir makes a rename in dir durable where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// quotePart quotes one identifier (QuoteIdent splits dotted names; a
// schema or table name may itself hold a dot).
func quotePart(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics itself if it cannot)
	return hex.EncodeToString(b)
}
