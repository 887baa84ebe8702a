package server

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/storage"
)

// Backups through the server.
//
// A running server holds its database file's lock, so `martdb backup`
// cannot open the file; the server takes the backup itself instead, on a
// connection of its own (engine.Backup: a consistent snapshot while
// sessions keep working), when a client runs
//
//	SELECT * FROM martdb_backup('name.mdbk')
//
// The archive goes into Config.BackupDir (martdb serve --backup-dir),
// under the given name, which may not contain a path separator nor start
// with a dot, and may not name an existing file. Without a backup
// directory the function refuses, and so it does for read-only users (it
// writes a file on the server) and for callers that are not clients of
// the server. DuckDB writes the snapshot into the spool directory (an
// allowed directory of the restricted engine); Go code compresses it and
// writes the archive, so SQL itself never gets access to the backup
// directory. The function answers with one row: the archive's manifest.
// The backup holds what was committed when it began; the caller's own
// uncommitted changes, if it runs inside a transaction block, are not in
// it. Once started, a backup runs to its end even if the client cancels.

// backupFunction is the table function clients call.
const backupFunction = "martdb_backup"

// registerBackup adds martdb_backup on conn (once per engine, from
// Prepare).
func (s *Server) registerBackup(conn *sql.Conn) error {
	tf := duckdb.RowTableFunction{
		Config:               duckdb.TableFunctionConfig{Arguments: []duckdb.TypeInfo{mustType(duckdb.TYPE_VARCHAR)}},
		BindArgumentsContext: s.bindBackup,
	}
	if err := duckdb.RegisterTableUDF(conn, backupFunction, tf); err != nil {
		return fmt.Errorf("registering %s: %w", backupFunction, err)
	}
	return nil
}

func mustType(t duckdb.Type) duckdb.TypeInfo {
	ti, err := duckdb.NewTypeInfo(t)
	if err != nil {
		panic(err) // only for the primitive types named here
	}
	return ti
}

// backupColumns are martdb_backup's columns: the manifest, flattened.
var backupColumns = []struct {
	name string
	typ  duckdb.Type
}{
	{"archive", duckdb.TYPE_VARCHAR}, {"created_at", duckdb.TYPE_TIMESTAMP_TZ},
	{"martdb_version", duckdb.TYPE_VARCHAR}, {"duckdb_version", duckdb.TYPE_VARCHAR},
	{"database", duckdb.TYPE_VARCHAR}, {"tables", duckdb.TYPE_INTEGER}, {"total_rows", duckdb.TYPE_BIGINT},
	{"snapshot_bytes", duckdb.TYPE_BIGINT}, {"archive_bytes", duckdb.TYPE_BIGINT},
	{"payload_sha256", duckdb.TYPE_VARCHAR}, {"manifest", duckdb.TYPE_VARCHAR},
}

// bindBackup checks a call of martdb_backup: it runs when the statement
// is prepared, so refusals come before anything is done.
func (s *Server) bindBackup(ctx context.Context, _ map[string]any, args ...any) (duckdb.RowTableSource, error) {
	caller := callerOf(ctx)
	switch {
	case caller == nil:
		return nil, fmt.Errorf("%s can only be called by a client of the server", backupFunction)
	case caller.readOnlyUser:
		return nil, fmt.Errorf("permission denied for %s: user %q is read-only, and a backup writes a file on the server", backupFunction, caller.user)
	case s.cfg.BackupDir == "":
		return nil, fmt.Errorf("%s is off: start martdb serve with --backup-dir DIR to name the directory backups are written to", backupFunction)
	}
	name, _ := args[0].(string)
	if err := checkBackupName(name); err != nil {
		return nil, err
	}
	path := filepath.Join(s.cfg.BackupDir, name)
	if err := checkBackupTarget(path, name); err != nil {
		return nil, err
	}
	cols := make([]duckdb.ColumnInfo, len(backupColumns))
	for i, c := range backupColumns {
		cols[i] = duckdb.ColumnInfo{Name: c.name, T: mustType(c.typ)}
	}
	return &backupSource{srv: s, name: name, path: path, cols: cols}, nil
}

// checkBackupName accepts a plain file name.
func checkBackupName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%s needs an archive name, e.g. %s('shop.mdbk')", backupFunction, backupFunction)
	case strings.ContainsAny(name, `/\`) || strings.ContainsRune(name, filepath.Separator) || strings.ContainsRune(name, 0):
		return fmt.Errorf("backup name %q may not contain a path separator: it names a file in the server's backup directory", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("backup name %q may not start with a dot", name)
	}
	return nil
}

// checkBackupTarget refuses to replace an existing archive.
func checkBackupTarget(path, name string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("backup %q already exists in the backup directory: choose a new name", name)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup %q: %v", name, err)
	}
	return nil
}

// backupSource takes the backup when its row is first asked for, once
// per execution of the statement.
type backupSource struct {
	srv  *Server
	name string
	path string
	cols []duckdb.ColumnInfo
	done bool
}

func (b *backupSource) ColumnInfos() []duckdb.ColumnInfo { return b.cols }
func (b *backupSource) Cardinality() *duckdb.CardinalityInfo {
	return &duckdb.CardinalityInfo{Cardinality: 1, Exact: true}
}
func (b *backupSource) Init() { b.done = false }

func (b *backupSource) FillRow(row duckdb.Row) (bool, error) {
	if b.done {
		return false, nil
	}
	b.done = true
	if err := checkBackupTarget(b.path, b.name); err != nil {
		return false, err
	}
	scratch := b.srv.cfg.SpoolDir
	if scratch == "" {
		scratch = b.srv.cfg.BackupDir
	}
	m, err := b.srv.eng.Backup(context.Background(), b.path, storage.BackupOptions{ScratchDir: scratch, MartdbVersion: b.srv.cfg.Version})
	if err != nil {
		return false, fmt.Errorf("backup %q failed: %v", b.name, err)
	}
	archiveBytes := m.PayloadBytes
	if st, err := os.Stat(b.path); err == nil {
		archiveBytes = st.Size()
	}
	values := []any{b.name, m.CreatedAt, m.MartdbVersion, m.DuckDBVersion, m.Database, int32(len(m.Tables)),
		m.TotalRows(), m.SnapshotBytes, archiveBytes, m.PayloadSHA256, m.JSON()}
	for i, v := range values {
		if err := row.SetRowValue(i, v); err != nil {
			return false, err
		}
	}
	return true, nil
}
