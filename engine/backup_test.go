package engine

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/martdb/martdb/storage"
)

// TestEngineBackup: the engine's backup runs on its own connection, so a
// session's open transaction neither blocks it nor leaks into it; it
// records martdb's version; its failures are *Error with a SQLSTATE.
func TestEngineBackup(t *testing.T) {
	ctx := context.Background()
	eng, s := openTest(t, tempDB(t))
	mustExec(t, s, "CREATE TABLE t AS SELECT range AS i FROM range(10)")
	mustExec(t, s, "BEGIN; INSERT INTO t VALUES (100)")
	out := filepath.Join(t.TempDir(), "b.mdbk")
	m, err := eng.Backup(ctx, out, storage.BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Tables) != 1 || m.Tables[0].Rows != 10 {
		t.Errorf("backup holds %v, want t with the 10 committed rows only", m.Tables)
	}
	if m.MartdbVersion != Version {
		t.Errorf("manifest martdb_version %q, want %q", m.MartdbVersion, Version)
	}
	mustExec(t, s, "COMMIT")

	mustExec(t, s, "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (id INTEGER REFERENCES p (id)); INSERT INTO p VALUES (1); INSERT INTO c VALUES (1)")
	_, err = eng.Backup(ctx, filepath.Join(t.TempDir(), "fk.mdbk"), storage.BackupOptions{})
	if e := asError(t, err); e.Code != CodeIntegrityViolation {
		t.Errorf("backup with a foreign key: code %s (%v), want %s", e.Code, e, CodeIntegrityViolation)
	}
}
