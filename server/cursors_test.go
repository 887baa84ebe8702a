package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// TestCursors declares a cursor and fetches it in pieces, as Tableau and
// ODBC drivers do; a cursor without WITH HOLD needs a transaction block
// and ends with it.
func TestCursors(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Query{String: "DECLARE c CURSOR FOR SELECT 1"})
	if got := rc.until('Z'); got != "E(25P01) ZI" {
		t.Errorf("outside a block: %s", got)
	}
	rc.send(&pgproto3.Query{String: "BEGIN; DECLARE c CURSOR FOR SELECT i FROM range(5) t(i) ORDER BY i; FETCH 2 FROM c; FETCH NEXT FROM c; MOVE 1 IN c; FETCH ALL FROM c; FETCH 3 FROM c"})
	want := "C(BEGIN) C(DECLARE CURSOR) T[i:20] D[0] D[1] C(FETCH 2) T[i:20] D[2] C(FETCH 1) C(MOVE 1) T[i:20] D[4] C(FETCH 1) T[i:20] C(FETCH 0) ZT"
	if got := rc.until('Z'); got != want {
		t.Errorf("fetches\n got %s\nwant %s", got, want)
	}
	rc.send(&pgproto3.Query{String: "FETCH BACKWARD 1 FROM c"})
	if got := rc.until('Z'); got != "E(55000) ZE" {
		t.Errorf("backward: %s", got)
	}
	rc.send(&pgproto3.Query{String: "ROLLBACK; DECLARE h CURSOR WITH HOLD FOR SELECT 7 AS x; FETCH 1 FROM h; CLOSE h; FETCH 1 FROM h"})
	want = "C(ROLLBACK) C(DECLARE CURSOR) T[x:23] D[7] C(FETCH 1) C(CLOSE CURSOR) E(34000) ZI"
	if got := rc.until('Z'); got != want {
		t.Errorf("with hold\n got %s\nwant %s", got, want)
	}
}

// TestGracefulShutdown lets a running statement finish, then closes the
// connection with 57P01 and refuses new ones.
func TestGracefulShutdown(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	done := make(chan error, 1)
	go func() {
		var n int64
		done <- c.QueryRow(context.Background(), "SELECT count(*) FROM range(300000000) t(i) WHERE i % 7 = 0").Scan(&n)
	}()
	time.Sleep(200 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := ts.srv.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := <-done; err != nil {
		t.Errorf("the running statement did not finish: %v", err)
	}
	if _, err := c.Exec(context.Background(), "SELECT 1"); err == nil {
		t.Error("the connection still works after shutdown")
	}
	_, err := ts.connectErr()
	if err == nil || !strings.Contains(err.Error(), "connect") {
		t.Errorf("new connection after shutdown: %v", err)
	}
}
