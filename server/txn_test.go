package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// txStatus is the status byte of the last ReadyForQuery.
func txStatus(c *pgconn.PgConn) byte { return c.TxStatus() }

// TestTransactionStates walks a transaction block through T and E, with
// 25P02 while failed, COMMIT of a failed block answering ROLLBACK, and
// the warnings PostgreSQL gives for COMMIT and BEGIN in the wrong state.
func TestTransactionStates(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	pc := c.PgConn()
	var notices []string
	ctx := ctxT(t)
	exec := func(sql string) (string, error) {
		r, err := pc.Exec(ctx, sql).ReadAll()
		if err != nil {
			return "", err
		}
		return r[len(r)-1].CommandTag.String(), nil
	}
	pc2, err := pgconn.ParseConfig(ts.dsn("tester"))
	if err != nil {
		t.Fatal(err)
	}
	pc2.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) { notices = append(notices, n.Code+" "+n.Message) }
	raw, err := pgconn.ConnectConfig(ctx, pc2)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close(context.Background())
	if _, err := raw.Exec(ctx, "COMMIT").ReadAll(); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(ctx, "BEGIN; BEGIN").ReadAll(); err != nil {
		t.Fatal(err)
	}
	raw.Exec(ctx, "ROLLBACK").ReadAll()
	if strings.Join(notices, "|") != "25P01 there is no transaction in progress|25001 there is already a transaction in progress" {
		t.Errorf("notices %q", notices)
	}

	exec("CREATE TABLE t (i INTEGER)")
	if tag, err := exec("BEGIN"); err != nil || tag != "BEGIN" || txStatus(pc) != 'T' {
		t.Fatalf("BEGIN: %q %v status %c", tag, err, txStatus(pc))
	}
	exec("INSERT INTO t VALUES (1)")
	if _, err := exec("SELECT * FROM missing_table"); pgCode(err) != "42P01" {
		t.Fatalf("missing table: %v", err)
	}
	if txStatus(pc) != 'E' {
		t.Fatalf("status after error %c", txStatus(pc))
	}
	if _, err := exec("SELECT 1"); pgCode(err) != "25P02" {
		t.Errorf("in failed transaction: %v", err)
	}
	if tag, err := exec("COMMIT"); err != nil || tag != "ROLLBACK" || txStatus(pc) != 'I' {
		t.Errorf("COMMIT of a failed block: %q %v %c", tag, err, txStatus(pc))
	}
	var n int
	c.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n)
	if n != 0 {
		t.Errorf("the failed block's insert survived: %d rows", n)
	}

	// A committed block keeps its rows.
	exec("BEGIN")
	exec("INSERT INTO t VALUES (1), (2)")
	if tag, err := exec("COMMIT"); err != nil || tag != "COMMIT" {
		t.Errorf("COMMIT: %q %v", tag, err)
	}
	c.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&n)
	if n != 2 {
		t.Errorf("rows after commit: %d", n)
	}
}

// TestReadOnlyTransaction checks BEGIN READ ONLY and SET SESSION
// CHARACTERISTICS refuse writes with 25006.
func TestReadOnlyTransaction(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	c.Exec(ctx, "CREATE TABLE t (i INTEGER)")
	if _, err := c.PgConn().Exec(ctx, "BEGIN READ ONLY; INSERT INTO t VALUES (1)").ReadAll(); pgCode(err) != "25006" {
		t.Errorf("insert in a read-only transaction: %v", err)
	}
	c.PgConn().Exec(ctx, "ROLLBACK").ReadAll()
	if _, err := c.Exec(ctx, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, "INSERT INTO t VALUES (1)"); pgCode(err) != "25006" {
		t.Errorf("insert with read-only default: %v", err)
	}
}

// TestSavepoints accepts SAVEPOINT and RELEASE, allows ROLLBACK TO when
// nothing ran since, and refuses it honestly otherwise.
func TestSavepoints(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	pc := c.PgConn()
	if _, err := pc.Exec(ctx, "BEGIN; SAVEPOINT a; ROLLBACK TO SAVEPOINT a; SAVEPOINT b; RELEASE SAVEPOINT b").ReadAll(); err != nil {
		t.Fatalf("savepoints with nothing to undo: %v", err)
	}
	pc.Exec(ctx, "SELECT 1").ReadAll()
	if _, err := pc.Exec(ctx, "ROLLBACK TO SAVEPOINT a").ReadAll(); pgCode(err) != "0A000" {
		t.Errorf("ROLLBACK TO after a statement: %v", err)
	}
	if _, err := pc.Exec(ctx, "RELEASE SAVEPOINT nope").ReadAll(); pgCode(err) != "25P02" {
		t.Errorf("in the failed block: %v", err)
	}
	pc.Exec(ctx, "ROLLBACK").ReadAll()
	if _, err := pc.Exec(ctx, "SAVEPOINT x").ReadAll(); pgCode(err) != "25P01" {
		t.Errorf("SAVEPOINT outside a block: %v", err)
	}
}

// TestCancelRequest cancels a long query from another connection: 57014,
// and the session still works.
func TestCancelRequest(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	go func() {
		time.Sleep(300 * time.Millisecond)
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c.PgConn().CancelRequest(cctx)
	}()
	start := time.Now()
	_, err := c.Exec(ctx, "SELECT count(*) FROM range(10000000000) a")
	if pgCode(err) != "57014" {
		t.Fatalf("cancelled query: %v", err)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("cancel took %v", time.Since(start))
	}
	var one int
	if err := c.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Errorf("after cancel: %v", err)
	}
}

// TestStatementTimeout applies SET statement_timeout.
func TestStatementTimeout(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	if _, err := c.Exec(ctx, "SET statement_timeout = '200ms'"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, "SELECT count(*) FROM range(10000000000) a"); pgCode(err) != "57014" {
		t.Errorf("timeout: %v", err)
	}
	var v string
	c.QueryRow(ctx, "SHOW statement_timeout").Scan(&v)
	if v != "200ms" {
		t.Errorf("SHOW statement_timeout = %q", v)
	}
}

// TestDiscardAll resets settings and prepared statements outside a
// transaction block and refuses to run inside one.
func TestDiscardAll(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	pc := c.PgConn()
	if _, err := pc.Exec(ctx, "SET application_name = 'x'; DISCARD ALL").ReadAll(); err != nil {
		t.Fatal(err)
	}
	if got := pc.ParameterStatus("application_name"); got != "" {
		t.Errorf("application_name after DISCARD ALL: %q", got)
	}
	if _, err := pc.Exec(ctx, "BEGIN; DISCARD ALL").ReadAll(); pgCode(err) != "25001" {
		t.Errorf("DISCARD ALL in a block: %v", err)
	}
}
