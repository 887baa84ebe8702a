package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// slowQuery runs for minutes unless cancelled.
const slowQuery = "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"

type sessionRow struct {
	pid              int32
	user, app, state string
	query            string
	xactStart        *time.Time
}

// sessions reads pg_stat_activity through c.
func sessions(t *testing.T, c *pgx.Conn) map[int32]sessionRow {
	t.Helper()
	rows, err := c.Query(ctxT(t), "SELECT pid, usename, application_name, state, query, xact_start FROM pg_stat_activity ORDER BY pid")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int32]sessionRow{}
	for rows.Next() {
		var r sessionRow
		if err := rows.Scan(&r.pid, &r.user, &r.app, &r.state, &r.query, &r.xactStart); err != nil {
			t.Fatal(err)
		}
		out[r.pid] = r
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func backendPID(t *testing.T, c *pgx.Conn) int32 {
	var pid int32
	if err := c.QueryRow(ctxT(t), "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if uint32(pid) != c.PgConn().PID() {
		t.Fatalf("pg_backend_pid() %d, BackendKeyData %d", pid, c.PgConn().PID())
	}
	return pid
}

// waitActive waits until pg_stat_activity shows pid running a statement
// containing text.
func waitActive(t *testing.T, c *pgx.Conn, pid int32, text string) sessionRow {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if r, ok := sessions(t, c)[pid]; ok && r.state == stateActive && strings.Contains(r.query, text) {
			return r
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("pid %d never showed as running %q: %v", pid, text, sessions(t, c))
	return sessionRow{}
}

// TestStatActivitySeesEverySession: pg_stat_activity lists every open
// session with its user, application, state and statement, and
// pg_cancel_backend cancels another session's statement.
func TestStatActivitySeesEverySession(t *testing.T) {
	ts := startServer(t, "", nil)
	a, b := ts.connect(t), ts.connect(t)
	ctx := ctxT(t)
	if _, err := a.Exec(ctx, "SET application_name = 'nightly-report'"); err != nil {
		t.Fatal(err)
	}
	pa, pb := backendPID(t, a), backendPID(t, b)
	got := sessions(t, b)
	if len(got) != 2 {
		t.Fatalf("pg_stat_activity has %d sessions, want 2: %v", len(got), got)
	}
	if r := got[pa]; r.app != "nightly-report" || r.state != stateIdle || r.user != "tester" {
		t.Errorf("the other session: %+v", r)
	}
	if r := got[pb]; r.state != stateActive || !strings.Contains(r.query, "pg_stat_activity") {
		t.Errorf("the asking session: %+v", r)
	}

	// A transaction left open shows as idle in transaction, since it began.
	if _, err := a.Exec(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Exec(ctx, "SELECT 42"); err != nil {
		t.Fatal(err)
	}
	if r := sessions(t, b)[pa]; r.state != stateIdleInTx || r.xactStart == nil || r.query != "SELECT 42" {
		t.Errorf("in a transaction: %+v", r)
	}
	if _, err := a.Exec(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}

	// Cancel a's running statement from b.
	errc := make(chan error, 1)
	go func() {
		_, err := a.Exec(context.Background(), slowQuery)
		errc <- err
	}()
	waitActive(t, b, pa, "range(100000000000)")
	var ok bool
	if err := b.QueryRow(ctx, "SELECT pg_cancel_backend($1)", pa).Scan(&ok); err != nil || !ok {
		t.Fatalf("pg_cancel_backend: %v, %v", ok, err)
	}
	select {
	case err := <-errc:
		wantCode(t, "the cancelled statement", err, "57014")
	case <-time.After(20 * time.Second):
		t.Fatal("the statement was not cancelled")
	}
	var one int
	if err := a.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Errorf("the cancelled session afterwards: %v", err)
	}
	if err := b.QueryRow(ctx, "SELECT pg_cancel_backend(2147483000)").Scan(&ok); err != nil || ok {
		t.Errorf("pg_cancel_backend of no session: %v, %v", ok, err)
	}
}

// TestTerminateBackend ends another session, which then leaves the list.
func TestTerminateBackend(t *testing.T) {
	ts := startServer(t, "", nil)
	a, b := ts.connect(t), ts.connect(t)
	pa := backendPID(t, a)
	var ok bool
	if err := b.QueryRow(ctxT(t), "SELECT pg_terminate_backend($1)", pa).Scan(&ok); err != nil || !ok {
		t.Fatalf("pg_terminate_backend: %v, %v", ok, err)
	}
	if _, err := a.Exec(ctxT(t), "SELECT 1"); err == nil {
		t.Error("the terminated session still runs statements")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, listed := sessions(t, b)[pa]; !listed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the terminated session is still in pg_stat_activity")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestReadOnlyUserActivity: a read-only user sees other users' sessions
// without their statements, and may not cancel them.
func TestReadOnlyUserActivity(t *testing.T) {
	ts := scramServer(t, 0, nil)
	alice, err := ts.login(t, "alice", "alice-pw-7731")
	if err != nil {
		t.Fatal(err)
	}
	bob, err := ts.login(t, "bob", "bob-pw-5519")
	if err != nil {
		t.Fatal(err)
	}
	pa := backendPID(t, alice)
	if _, err := alice.Exec(ctxT(t), "SELECT 'alice private text'"); err != nil {
		t.Fatal(err)
	}
	r, ok := sessions(t, bob)[pa]
	if !ok || r.query != insufficientPrivilege || r.user != "alice" {
		t.Errorf("alice's session as bob sees it: %+v (listed %v)", r, ok)
	}
	var cancelled bool
	err = bob.QueryRow(ctxT(t), "SELECT pg_cancel_backend($1)", pa).Scan(&cancelled)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || !strings.Contains(pe.Message, "read-only") {
		t.Errorf("bob cancelling alice's session: %v, %v", cancelled, err)
	}
	if r := sessions(t, alice)[pa]; r.query == insufficientPrivilege {
		t.Error("alice cannot see her own statement")
	}
}
