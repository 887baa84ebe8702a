package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/storage"
)

// backupServer serves a file database with backups into a new directory,
// the engine's file access restricted as martdb serve runs it, and the
// user "reader" read-only. It returns the server and the backup directory.
func backupServer(t *testing.T) (*testServer, string) {
	t.Helper()
	base := t.TempDir()
	spool, backups := filepath.Join(base, "spool"), filepath.Join(base, "backups")
	for _, d := range []string{spool, backups} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	opt := engine.Options{}
	opt.Path = filepath.Join(base, "live.duckdb")
	opt.RestrictFiles, opt.AllowedDirs = true, []string{spool}
	ts := startServerWith(t, opt, func(c *Config) {
		c.SpoolDir, c.BackupDir = spool, backups
		c.ReadOnlyUsers = map[string]bool{"reader": true}
	})
	return ts, backups
}

func (ts *testServer) connectAs(t *testing.T, user string, simple bool) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(ts.dsn(user))
	if err != nil {
		t.Fatal(err)
	}
	if simple {
		cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	}
	c, err := pgx.ConnectConfig(ctxT(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// TestBackupThroughTheServer: martdb_backup writes an archive into the
// backup directory, over the simple and the extended protocol, and
// answers with its manifest; the archive restores to the data; SQL still
// cannot reach the backup directory.
func TestBackupThroughTheServer(t *testing.T) {
	ts, backups := backupServer(t)
	ctx := ctxT(t)
	for _, simple := range []bool{true, false} {
		c := ts.connectAs(t, "tester", simple)
		name := map[bool]string{true: "simple.mdbk", false: "extended.mdbk"}[simple]
		if simple {
			if _, err := c.Exec(ctx, "CREATE TABLE orders AS SELECT range AS id, range * 1.5 AS amount FROM range(5000); CREATE VIEW big AS SELECT * FROM orders WHERE amount > 100"); err != nil {
				t.Fatal(err)
			}
		}
		var archive, manifest, sum, db string
		var tables int32
		var rows, bytes int64
		err := c.QueryRow(ctx, "SELECT archive, tables, total_rows, archive_bytes, payload_sha256, database, manifest FROM martdb_backup('"+name+"')").
			Scan(&archive, &tables, &rows, &bytes, &sum, &db, &manifest)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		st, err := os.Stat(filepath.Join(backups, name))
		if err != nil {
			t.Fatalf("%s: no archive in the backup directory: %v", name, err)
		}
		var m storage.Manifest
		if err := json.Unmarshal([]byte(manifest), &m); err != nil {
			t.Fatal(err)
		}
		if archive != name || tables != 1 || rows != 5000 || bytes != st.Size() || sum != m.PayloadSHA256 || db != "live" || m.Views[0] != "main.big" {
			t.Errorf("%s: answered %q %d tables %d rows %d bytes (file %d) sha %s db %q manifest %s", name, archive, tables, rows, bytes, st.Size(), sum, db, manifest)
		}
		restored := filepath.Join(t.TempDir(), "r.duckdb")
		if _, err := storage.Restore(ctx, filepath.Join(backups, name), restored, storage.RestoreOptions{}); err != nil {
			t.Fatalf("%s: restore: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(backups)
	if len(entries) != 2 {
		t.Errorf("the backup directory holds %d entries, want the 2 archives", len(entries))
	}
	c := ts.connectAs(t, "tester", false)
	if _, err := c.Exec(ctx, "SELECT * FROM read_blob('"+filepath.Join(backups, "simple.mdbk")+"')"); err == nil {
		t.Error("SQL read an archive in the backup directory")
	}
	// The session that took a backup is still usable, and so is the table.
	var n int
	if err := c.QueryRow(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil || n != 5000 {
		t.Errorf("after the backups: %d, %v", n, err)
	}
}

// TestBackupThroughTheServerRefusals: bad names, existing archives,
// read-only users and a server without a backup directory are refused
// with a message saying why, and nothing is written.
func TestBackupThroughTheServerRefusals(t *testing.T) {
	ts, backups := backupServer(t)
	ctx := ctxT(t)
	c := ts.connectAs(t, "tester", false)
	if _, err := c.Exec(ctx, "SELECT * FROM martdb_backup('taken.mdbk')"); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ sql, want string }{
		{"SELECT * FROM martdb_backup('../escape.mdbk')", "may not contain a path separator"},
		{"SELECT * FROM martdb_backup('sub/x.mdbk')", "may not contain a path separator"},
		{"SELECT * FROM martdb_backup('" + filepath.Join(backups, "abs.mdbk") + "')", "may not contain a path separator"},
		{"SELECT * FROM martdb_backup('.hidden')", "may not start with a dot"},
		{"SELECT * FROM martdb_backup('')", "needs an archive name"},
		{"SELECT * FROM martdb_backup('taken.mdbk')", `"taken.mdbk" already exists`},
	}
	for _, tc := range cases {
		if _, err := c.Exec(ctx, tc.sql); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.sql, err, tc.want)
		}
	}
	for _, simple := range []bool{true, false} {
		r := ts.connectAs(t, "reader", simple)
		_, err := r.Exec(ctx, "SELECT * FROM martdb_backup('reader.mdbk')")
		if err == nil || !strings.Contains(err.Error(), `user "reader" is read-only`) {
			t.Errorf("read-only user (simple %v): got %v, want a refusal naming the user", simple, err)
		}
	}
	entries, _ := os.ReadDir(backups)
	if len(entries) != 1 {
		t.Errorf("the backup directory holds %d entries after the refusals, want 1", len(entries))
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(backups), "escape.mdbk")); err == nil {
		t.Error("a backup escaped the backup directory")
	}

	off := startServer(t, "", nil)
	oc := off.connect(t)
	if _, err := oc.Exec(ctx, "SELECT * FROM martdb_backup('x.mdbk')"); err == nil || !strings.Contains(err.Error(), "--backup-dir DIR") {
		t.Errorf("without a backup directory: got %v, want a refusal naming --backup-dir", err)
	}
}

// TestBackupThroughTheServerWhileWriting: another client keeps committing
// while martdb_backup runs, and the archive holds whole transactions.
func TestBackupThroughTheServerWhileWriting(t *testing.T) {
	ts, backups := backupServer(t)
	ctx := ctxT(t)
	c := ts.connectAs(t, "tester", false)
	if _, err := c.Exec(ctx, "CREATE TABLE a AS SELECT range AS id, random() AS pad FROM range(2000000); CREATE TABLE b AS SELECT id FROM a"); err != nil {
		t.Fatal(err)
	}
	w := ts.connectAs(t, "tester", false)
	var commits atomic.Int64
	stop, done := make(chan struct{}), make(chan error, 1)
	go func() {
		for i := 2000000; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			tx, err := w.Begin(ctx)
			if err == nil {
				_, err = tx.Exec(ctx, "INSERT INTO a VALUES ($1, 0)", i)
			}
			if err == nil {
				_, err = tx.Exec(ctx, "INSERT INTO b VALUES ($1)", i)
			}
			if err == nil {
				err = tx.Commit(ctx)
			}
			if err != nil {
				done <- err
				return
			}
			commits.Add(1)
		}
	}()
	before := commits.Load()
	var rows int64
	err := c.QueryRow(ctx, "SELECT total_rows FROM martdb_backup('live.mdbk')").Scan(&rows)
	during := commits.Load() - before
	close(stop)
	if werr := <-done; werr != nil {
		t.Fatalf("writer: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if during == 0 {
		t.Error("no transaction committed while the backup ran")
	}
	restored := filepath.Join(t.TempDir(), "r.duckdb")
	m, err := storage.Restore(ctx, filepath.Join(backups, "live.mdbk"), restored, storage.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Tables) != 2 || m.Tables[0].Rows != m.Tables[1].Rows || rows != 2*m.Tables[0].Rows {
		t.Errorf("the backup is not transaction-consistent: %v (answered %d rows)", m.Tables, rows)
	}
	t.Logf("commits during the backup: %d", during)
}
