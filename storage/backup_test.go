package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// backupFixture is a schema with what a backup must carry: tables of many
// types with NULLs, a second schema, a view, a sequence in use, a table
// macro and a scalar macro, an enum type, an index, and primary key,
// unique, not null, check and default constraints.
var backupFixture = []string{
	"CREATE SEQUENCE seq START 100",
	"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
	"CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR UNIQUE NOT NULL, n INTEGER DEFAULT nextval('seq'), m mood, CHECK (id > 0))",
	"INSERT INTO customers (id, email, m) SELECT i, 'c' || i || '@example.com', (['sad', 'ok', NULL])[i % 3 + 1] FROM range(1, 2001) t(i)",
	"CREATE SCHEMA mart",
	`CREATE TABLE mart.events AS SELECT i AS id, TIMESTAMP '2024-01-01' + INTERVAL (i) MINUTE AS ts,
		CASE WHEN i % 7 = 0 THEN NULL ELSE i * 1.5 END AS amount, [i, i + 1] AS pair, {'k': i % 5} AS s,
		(i % 10)::DECIMAL(10, 2) / 3 AS dec, 'é ' || i AS label FROM range(10000) t(i)`,
	"CREATE INDEX events_ts ON mart.events (ts)",
	"CREATE VIEW mart.big AS SELECT id, amount FROM mart.events WHERE amount > 100",
	"CREATE MACRO plus1(x) AS x + 1",
	"CREATE MACRO first_events(k) AS TABLE SELECT * FROM mart.events ORDER BY id LIMIT k",
	"CREATE TABLE empty (x INTEGER)",
}

// fingerprints reads, for each query, a digest of its whole result.
func fingerprints(t *testing.T, c *sql.Conn, queries []string) []string {
	t.Helper()
	var out []string
	for _, q := range queries {
		var s string
		fq := "SELECT count(*) || ':' || coalesce(md5(string_agg(r::VARCHAR, '|' ORDER BY r::VARCHAR)), '') FROM (" + q + ") r"
		if err := c.QueryRowContext(context.Background(), fq).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out = append(out, s)
	}
	return out
}

var fingerprintQueries = []string{
	"SELECT * FROM customers",
	"SELECT * FROM mart.events",
	"SELECT * FROM mart.big",
	"SELECT * FROM first_events(3)",
	"SELECT plus1(41) AS v",
	"SELECT * FROM empty",
	"SELECT schema_name, table_name, index_name, sql FROM duckdb_indexes() WHERE database_name = current_database()",
	"SELECT schema_name, table_name, constraint_type, constraint_text FROM duckdb_constraints() WHERE database_name = current_database()",
}

func execAll(t *testing.T, c *sql.Conn, stmts []string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := c.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestBackupRoundTrip: tables, values, views, macros, sequences, types,
// indexes and constraints come back from a backup of an in-memory and of
// a file database, and the manifest names the tables with their counts.
func TestBackupRoundTrip(t *testing.T) {
	for _, name := range []string{"memory", "file"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			dir := t.TempDir()
			path := ""
			if name == "file" {
				path = filepath.Join(dir, "shop.duckdb")
			}
			_, c := openConn(t, path)
			execAll(t, c.SQL, backupFixture)
			execAll(t, c.SQL, []string{"SELECT nextval('seq')"}) // the sequence moves on: 100..2100 used, then this
			want := fingerprints(t, c.SQL, fingerprintQueries)

			out := filepath.Join(dir, "shop.mdbk")
			m, err := Backup(ctx, c.SQL, out, BackupOptions{MartdbVersion: "9.9.9"})
			if err != nil {
				t.Fatal(err)
			}
			wantTables := []TableCount{{"main", "customers", 2000}, {"main", "empty", 0}, {"mart", "events", 10000}}
			if !equalTables(m.Tables, wantTables) {
				t.Errorf("manifest tables %v, want %v", m.Tables, wantTables)
			}
			if !strings.Contains(m.JSON(), `"views":["mart.big"]`) {
				t.Errorf("manifest views %v, want [mart.big]", m.Views)
			}
			wantDB := map[string]string{"memory": "memory", "file": "shop"}[name]
			if m.MartdbVersion != "9.9.9" || !strings.HasPrefix(m.DuckDBVersion, "v1.") || m.Database != wantDB {
				t.Errorf("manifest versions/database: %q %q %q", m.MartdbVersion, m.DuckDBVersion, m.Database)
			}
			if time.Since(m.CreatedAt) > time.Minute || m.CreatedAt.Location() != time.UTC {
				t.Errorf("manifest created_at %v", m.CreatedAt)
			}
			st, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			if header := st.Size() - m.PayloadBytes; header <= 0 || header > 4096 {
				t.Errorf("archive is %d bytes for a %d-byte payload", st.Size(), m.PayloadBytes)
			}
			assertOnly(t, dir, "shop.duckdb", "shop.duckdb.wal", "shop.mdbk")

			restored := filepath.Join(dir, "restored.duckdb")
			rm, err := Restore(ctx, out, restored, RestoreOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rm.JSON() != m.JSON() {
				t.Errorf("restore read manifest\n%s\nbackup wrote\n%s", rm.JSON(), m.JSON())
			}
			_, rc := openConn(t, restored)
			got := fingerprints(t, rc.SQL, fingerprintQueries)
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("%s: restored %s, original %s", fingerprintQueries[i], got[i], want[i])
				}
			}
			if n := queryInt(t, rc, "SELECT nextval('seq')"); n != 2101 {
				t.Errorf("restored sequence continues at %d, want 2101", n)
			}
			for _, bad := range []string{
				"INSERT INTO customers (id, email) VALUES (1, 'new@example.com')",   // primary key
				"INSERT INTO customers (id, email) VALUES (5000, 'c1@example.com')", // unique
				"INSERT INTO customers (id, email) VALUES (-1, 'neg@example.com')",  // check
				"INSERT INTO customers (id) VALUES (6000)",                          // not null
				"INSERT INTO customers (id, email, m) VALUES (7000, 'x', 'angry')",  // enum
			} {
				if _, err := rc.SQL.ExecContext(ctx, bad); err == nil {
					t.Errorf("%s: accepted by the restored database, want a constraint error", bad)
				}
			}
		})
	}
}

func equalTables(a, b []TableCount) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// assertOnly fails unless dir holds exactly the names present among allowed
// (no temporary or scratch files left over).
func assertOnly(t *testing.T, dir string, allowed ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for _, e := range entries {
		if !ok[e.Name()] {
			t.Errorf("%s holds %s, which should not be there", dir, e.Name())
		}
	}
}

// TestBackupForeignKeysRefused: DuckDB's COPY FROM DATABASE cannot copy
// a foreign key; the backup fails saying so and leaves nothing.
func TestBackupForeignKeysRefused(t *testing.T) {
	dir := t.TempDir()
	_, c := openConn(t, "")
	execAll(t, c.SQL, []string{
		"CREATE TABLE parent (id INTEGER PRIMARY KEY)",
		"CREATE TABLE child (pid INTEGER REFERENCES parent (id))",
		"INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1)",
	})
	_, err := Backup(context.Background(), c.SQL, filepath.Join(dir, "b.mdbk"), BackupOptions{})
	if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
		t.Fatalf("got %v, want an error naming FOREIGN KEY constraints", err)
	}
	assertOnly(t, dir)
}

// TestBackupIsConsistentWhileWriting: backups taken while another
// connection commits transactions that each insert into two tables and
// bump a counter always hold whole transactions (the two tables and the
// counter agree), and the writer is not blocked while the backup runs.
func TestBackupIsConsistentWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, c := openConn(t, filepath.Join(dir, "live.duckdb"))
	execAll(t, c.SQL, []string{
		// Bulk, so that each backup takes long enough to overlap writes.
		"CREATE TABLE a AS SELECT range AS id, random() AS pad FROM range(2000000)",
		"CREATE TABLE b AS SELECT id FROM a",
		"CREATE TABLE counter AS SELECT count(*) AS n FROM a",
	})
	w, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var commits atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	var writeErr error
	go func() {
		defer wg.Done()
		for i := int64(2000000); ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tx, err := w.BeginTx(ctx, nil)
			if err == nil {
				_, err = tx.Exec("INSERT INTO a VALUES (?, 0)", i)
			}
			if err == nil {
				_, err = tx.Exec("INSERT INTO b VALUES (?)", i)
			}
			if err == nil {
				_, err = tx.Exec("UPDATE counter SET n = n + 1")
			}
			if err == nil {
				err = tx.Commit()
			}
			if err != nil {
				writeErr = err
				return
			}
			commits.Add(1)
		}
	}()
	var during []int64
	for k := 0; k < 3; k++ {
		before := commits.Load()
		out := filepath.Join(dir, "b"+string(rune('0'+k))+".mdbk")
		m, err := Backup(ctx, c.SQL, out, BackupOptions{})
		if err != nil {
			close(stop)
			wg.Wait()
			t.Fatal(err)
		}
		during = append(during, commits.Load()-before)
		restored := filepath.Join(dir, "r"+string(rune('0'+k))+".duckdb")
		if _, err := Restore(ctx, out, restored, RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
		_, rc := openConn(t, restored)
		na := queryInt(t, rc, "SELECT count(*) FROM a")
		nb := queryInt(t, rc, "SELECT count(*) FROM b")
		n := queryInt(t, rc, "SELECT n FROM counter")
		maxA := queryInt(t, rc, "SELECT max(id) FROM a")
		maxB := queryInt(t, rc, "SELECT max(id) FROM b")
		if na != nb || na != n || maxA != maxB || maxA != na-1 {
			t.Errorf("backup %d is not transaction-consistent: a has %d rows (max %d), b %d (max %d), counter %d", k, na, maxA, nb, maxB, n)
		}
		if m.Tables[0].Rows != na {
			t.Errorf("backup %d: manifest says a has %d rows, the restored file %d", k, m.Tables[0].Rows, na)
		}
	}
	close(stop)
	wg.Wait()
	if writeErr != nil {
		t.Fatalf("writer: %v", writeErr)
	}
	var total int64
	for _, d := range during {
		total += d
	}
	if total == 0 {
		t.Errorf("no transaction committed while the backups ran (%v): the backup blocked the writer", during)
	}
	t.Logf("commits during each backup: %v", during)
}

// TestBackupFailureLeavesNothing: a backup that cannot finish (its context
// is cancelled, or the archive's directory does not exist) leaves no
// archive and no scratch file.
func TestBackupFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	_, c := openConn(t, "")
	execAll(t, c.SQL, []string{"CREATE TABLE t AS SELECT range AS i FROM range(1000)"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Backup(ctx, c.SQL, filepath.Join(dir, "b.mdbk"), BackupOptions{}); err == nil {
		t.Error("a cancelled backup succeeded")
	}
	assertOnly(t, dir)
	if _, err := Backup(context.Background(), c.SQL, filepath.Join(dir, "missing", "b.mdbk"), BackupOptions{ScratchDir: dir}); err == nil {
		t.Error("a backup into a missing directory succeeded")
	}
	assertOnly(t, dir)
	// The connection is still usable and holds no snapshot attached.
	if n := queryInt(t, &Conn{SQL: c.SQL}, "SELECT count(*) FROM duckdb_databases() WHERE database_name LIKE 'martdb_snapshot_%'"); n != 0 {
		t.Errorf("%d snapshot databases still attached after failed backups", n)
	}
}

// TestBackupWithRestrictedFiles: with file access restricted, a backup
// works when the scratch directory is allowed (Go writes the archive, so
// its directory need not be), and fails when it is not.
func TestBackupWithRestrictedFiles(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	scratch, outDir := filepath.Join(base, "scratch"), filepath.Join(base, "out")
	for _, d := range []string{scratch, outDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	db, err := Open(ctx, Options{Path: filepath.Join(base, "db.duckdb"), RestrictFiles: true, AllowedDirs: []string{scratch}})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	execAll(t, c, []string{"CREATE TABLE t AS SELECT range AS i FROM range(100)"})
	m, err := Backup(ctx, c, filepath.Join(outDir, "b.mdbk"), BackupOptions{ScratchDir: scratch})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Tables) != 1 || m.Tables[0].Rows != 100 {
		t.Errorf("manifest tables %v", m.Tables)
	}
	assertOnly(t, scratch)
	if _, err := Backup(ctx, c, filepath.Join(outDir, "c.mdbk"), BackupOptions{ScratchDir: outDir}); err == nil {
		t.Error("a backup whose scratch directory is not allowed succeeded")
	}
	assertOnly(t, outDir, "b.mdbk")
}

// makeArchive backs up a small database and returns the archive's bytes.
func makeArchive(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	_, c := openConn(t, "")
	execAll(t, c.SQL, []string{
		"CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(50000)",
		"CREATE TABLE u AS SELECT 1 AS one",
	})
	out := filepath.Join(dir, "a.mdbk")
	if _, err := Backup(context.Background(), c.SQL, out, BackupOptions{MartdbVersion: "test"}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// headerParts splits an archive into its three header lines and payload.
func headerParts(t *testing.T, b []byte) (magic, manifest, sum string, payload []byte) {
	t.Helper()
	parts := strings.SplitN(string(b), "\n", 4)
	if len(parts) != 4 {
		t.Fatalf("archive has %d header lines", len(parts)-1)
	}
	return parts[0], parts[1], parts[2], []byte(parts[3])
}

// TestRestoreRefusesDamagedArchives: every kind of damage is a clear
// ErrCorrupt error that says what is wrong, and creates no database file
// and no temporary file.
func TestRestoreRefusesDamagedArchives(t *testing.T) {
	good := makeArchive(t)
	magic, manifest, sum, payload := headerParts(t, good)
	headerLen := len(magic) + len(manifest) + len(sum) + 3
	flip := func(at int) []byte {
		b := append([]byte(nil), good...)
		b[at] ^= 0x10
		return b
	}
	// rewrite replaces the manifest and recomputes its checksum, as a
	// forger or a buggy writer would.
	rewrite := func(old, new string) []byte {
		if !strings.Contains(manifest, old) {
			t.Fatalf("manifest %s lacks %s", manifest, old)
		}
		mf := strings.Replace(manifest, old, new, 1)
		return []byte(magic + "\n" + mf + "\n" + sha256Hex(mf) + "\n" + string(payload))
	}
	cases := []struct {
		name    string
		archive []byte
		want    string
	}{
		{"empty file", nil, "truncated: it ends inside the format line"},
		{"cut inside the magic", good[:5], "truncated: it ends inside the format line"},
		{"cut inside the manifest", good[:len(magic)+1+len(manifest)/2], "truncated: it ends inside the manifest"},
		{"cut inside the manifest checksum", good[:len(magic)+len(manifest)+2+10], "truncated: it ends inside the manifest checksum"},
		{"cut at the payload's start", good[:headerLen], "truncated: payload has 0 of " + itoa(len(payload)) + " bytes"},
		{"cut inside the payload", good[:headerLen+len(payload)/2], "truncated: payload has " + itoa(len(payload)/2) + " of " + itoa(len(payload)) + " bytes"},
		{"last byte missing", good[:len(good)-1], "truncated: payload has " + itoa(len(payload)-1) + " of"},
		{"bytes after the payload", append(append([]byte(nil), good...), "xyz"...), "3 unexpected bytes after the"},
		{"bit flip in the payload", flip(headerLen + len(payload)/2), "checksum mismatch"},
		{"bit flip in the manifest", flip(len(magic) + 10), "manifest checksum mismatch"},
		{"wrong magic", append([]byte("PK\x03\x04"), good[4:]...), "not a martdb backup archive"},
		{"a zstd file", zstdBytes(t, []byte("hello")), "not a martdb backup archive"},
		{"future format", []byte("martdb-backup 7\n" + string(good[len(magic)+1:])), "format 7 is not supported"},
		{"wrong row count", rewrite(`"rows":50000`, `"rows":50001`), "does not match the manifest: it has main.t (50000 rows), main.u (1 rows), the manifest says main.t (50001 rows)"},
		{"missing table", rewrite(`{"schema":"main","name":"u","rows":1}`, `{"schema":"main","name":"u","rows":1},{"schema":"main","name":"v","rows":1}`), "does not match the manifest"},
		{"wrong snapshot size", rewrite(`"snapshot_bytes":`, `"snapshot_bytes":1`), "decompresses to"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			archive := filepath.Join(dir, "in.mdbk")
			if err := os.WriteFile(archive, tc.archive, 0o644); err != nil {
				t.Fatal(err)
			}
			target := filepath.Join(dir, "db.duckdb")
			_, err := Restore(context.Background(), archive, target, RestoreOptions{})
			if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an ErrCorrupt error containing %q", err, tc.want)
			}
			assertOnly(t, dir, "in.mdbk")
		})
	}
	t.Run("missing archive", func(t *testing.T) {
		dir := t.TempDir()
		_, err := Restore(context.Background(), filepath.Join(dir, "nope.mdbk"), filepath.Join(dir, "db.duckdb"), RestoreOptions{})
		if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "nope.mdbk does not exist") {
			t.Fatalf("got %v, want ErrNotFound naming the archive", err)
		}
		assertOnly(t, dir)
	})
}

// TestRestoreOverExistingFile: an existing database file (or a stray
// write-ahead log) is refused without Force and left as it was; with
// Force it is replaced by the backup, and its old log is dropped.
func TestRestoreOverExistingFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	archive := filepath.Join(dir, "a.mdbk")
	if err := os.WriteFile(archive, makeArchive(t), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "db.duckdb")
	if err := os.WriteFile(target, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Restore(ctx, archive, target, RestoreOptions{})
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "already exists") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("got %v, want ErrExists suggesting --force", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Fatalf("the refused restore changed the file: %q", b)
	}
	if err := os.WriteFile(target+".wal", []byte("stale log"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(target, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, archive, target, RestoreOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(target); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("the replaced file's mode is not kept: %v, %v", st.Mode(), err)
	}
	if _, err := os.Stat(target + ".wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old write-ahead log is still there (%v)", err)
	}
	_, c := openConn(t, target)
	if n := queryInt(t, c, "SELECT count(*) FROM t"); n != 50000 {
		t.Errorf("restored t has %d rows, want 50000", n)
	}
	assertOnly(t, dir, "a.mdbk", "db.duckdb", "db.duckdb.wal")

	lone := filepath.Join(dir, "lone.duckdb")
	if err := os.WriteFile(lone+".wal", []byte("log"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, archive, lone, RestoreOptions{}); !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "lone.duckdb.wal exists") {
		t.Errorf("restore beside a stray log: got %v, want ErrExists naming the log", err)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBackupOfEmptyDatabase: an empty database backs up and restores, its
// manifest listing no tables and no views as empty lists.
func TestBackupOfEmptyDatabase(t *testing.T) {
	dir := t.TempDir()
	_, c := openConn(t, "")
	m, err := Backup(context.Background(), c.SQL, filepath.Join(dir, "e.mdbk"), BackupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.JSON(), `"tables":[],"views":[]`) {
		t.Errorf("manifest %s, want empty lists of tables and views", m.JSON())
	}
	if _, err := Restore(context.Background(), filepath.Join(dir, "e.mdbk"), filepath.Join(dir, "e.duckdb"), RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, "e.duckdb")); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("restored file: %v, %v; want mode 0644", st, err)
	}
}
