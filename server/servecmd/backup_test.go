package servecmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/martdb/martdb/storage"
)

// TestBackupDirChecks: --backup-dir must be an existing directory outside
// every --allow-files directory, and is made absolute.
func TestBackupDirChecks(t *testing.T) {
	base := t.TempDir()
	backups, shared, file := filepath.Join(base, "backups"), filepath.Join(base, "shared"), filepath.Join(base, "f")
	os.Mkdir(backups, 0o755)
	os.MkdirAll(filepath.Join(shared, "inner"), 0o755)
	os.WriteFile(file, nil, 0o644)
	for _, c := range []struct {
		args    []string
		wantErr string
	}{
		{[]string{"--backup-dir", filepath.Join(base, "missing")}, "no such file"},
		{[]string{"--backup-dir", file}, "not a directory"},
		{[]string{"--backup-dir", shared, "--allow-files", shared}, "inside --allow-files"},
		{[]string{"--backup-dir", filepath.Join(shared, "inner"), "--allow-files", shared}, "inside --allow-files"},
		{[]string{"--backup-dir", backups, "--allow-files", shared}, ""},
	} {
		o, err := parseFlags(c.args, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := o.config()
		switch {
		case c.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%v: error %v, want one mentioning %q", c.args, err, c.wantErr)
			}
		case err != nil:
			t.Errorf("%v: %v", c.args, err)
		case cfg.BackupDir != backups:
			t.Errorf("%v: backup dir %q, want %q", c.args, cfg.BackupDir, backups)
		}
	}
}

// TestServeWithBackupDir: martdb serve --backup-dir lets a client back up
// the served file while the server runs (its engine restricted to its
// spool directory), and the archive restores.
func TestServeWithBackupDir(t *testing.T) {
	base := t.TempDir()
	path, backups := filepath.Join(base, "shop.db"), filepath.Join(base, "backups")
	os.Mkdir(backups, 0o755)
	srv := serve(t, []string{path, "--listen", "127.0.0.1:0", "--backup-dir", backups}, nil)
	cctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := pgx.Connect(cctx, "host="+srv.host+" port="+srv.port+" dbname=shop sslmode=disable user=ann")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(cctx, "CREATE TABLE kept AS SELECT range AS i FROM range(10)"); err != nil {
		t.Fatal(err)
	}
	var rows int64
	if err := c.QueryRow(cctx, "SELECT total_rows FROM martdb_backup('shop.mdbk')").Scan(&rows); err != nil || rows != 10 {
		t.Fatalf("martdb_backup: %d rows, %v", rows, err)
	}
	c.Close(cctx)
	if err := srv.stop(); err != nil {
		t.Fatalf("serve: %v\n%s", err, srv.log.String())
	}
	m, err := storage.Restore(context.Background(), filepath.Join(backups, "shop.mdbk"), filepath.Join(base, "copy.db"), storage.RestoreOptions{})
	if err != nil || len(m.Tables) != 1 || m.Tables[0].Rows != 10 {
		t.Fatalf("restore: %v, %v", m, err)
	}
}
