package server

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/auth"
)

// TestTooManyConnections refuses a client beyond MaxConnections with
// 53300, and admits one again after another leaves.
func TestTooManyConnections(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.MaxConnections = 2 })
	a := ts.connect(t)
	ts.connect(t)
	_, err := pgx.Connect(ctxT(t), ts.dsn("third"))
	if pgCode(err) != "53300" {
		t.Fatalf("third connection: %v", err)
	}
	a.Close(context.Background())
	deadline := time.Now().Add(5 * time.Second)
	for ts.srv.ActiveConnections() > 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	c, err := pgx.Connect(ctxT(t), ts.dsn("again"))
	if err != nil {
		t.Fatalf("after one left: %v", err)
	}
	c.Close(context.Background())
}

// TestWrongDatabase refuses a database the server does not serve.
func TestWrongDatabase(t *testing.T) {
	ts := startServer(t, "", nil)
	_, err := pgx.Connect(ctxT(t), ts.dsn("x")+" dbname=other")
	if pgCode(err) != "3D000" {
		t.Errorf("wrong database: %v", err)
	}
}

// TestDisconnectMidResult drops a client while a large result streams to
// it: its connection ends, and the server goes on serving others.
func TestDisconnectMidResult(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Query{String: "SELECT i, repeat('x', 200) FROM range(2000000) t(i)"})
	// Read a little, then hang up.
	for i := 0; i < 10; i++ {
		if _, err := rc.fe.Receive(); err != nil {
			t.Fatal(err)
		}
	}
	rc.nc.Close()
	deadline := time.Now().Add(20 * time.Second)
	for ts.srv.ActiveConnections() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := ts.srv.ActiveConnections(); n != 0 {
		t.Errorf("%d connections still active after the client left", n)
	}
	c := ts.connect(t)
	var one int
	if err := c.QueryRow(ctxT(t), "SELECT 1").Scan(&one); err != nil {
		t.Errorf("serving after a client left mid-result: %v", err)
	}
}

// TestReadOnlyDatabase serves a file opened read-only: reads work, writes
// fail with 25006, and the session goes on.
func TestReadOnlyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	opt := engine.Options{}
	opt.Path = path
	eng, err := engine.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := eng.NewSession(context.Background())
	if err := s.Exec(context.Background(), "CREATE TABLE t AS SELECT 1 AS i", func(*engine.Result) error { return nil }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	eng.Close()

	opt.ReadOnly = true
	ro, err := engine.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	srv := New(ro, Config{Database: "ro", Auth: auth.Authenticator{Method: auth.MethodTrust}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	c, err := pgx.Connect(ctxT(t), "host="+host+" port="+port+" dbname=ro user=reader sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctxT(t), "INSERT INTO t VALUES (2)"); pgCode(err) != "25006" {
		t.Errorf("insert into a read-only database: %v", err)
	}
	var n int
	if err := c.QueryRow(ctxT(t), "SELECT count(*) FROM t").Scan(&n); err != nil || n != 1 {
		t.Errorf("read after the refused write: %d, %v", n, err)
	}
}

// TestDisconnectMidQuery hangs up while a long statement runs: the
// server notices, interrupts the statement and frees the connection
// long before the statement could have finished.
func TestDisconnectMidQuery(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Query{String: "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3"})
	time.Sleep(300 * time.Millisecond)
	rc.nc.Close()
	deadline := time.Now().Add(15 * time.Second)
	for ts.srv.ActiveConnections() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := ts.srv.ActiveConnections(); n != 0 {
		t.Errorf("%d connections still busy 15 s after their client left mid-query", n)
	}
}
