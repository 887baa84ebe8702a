package server

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server/auth"
)

// testServer is a server on a loopback port over a fresh engine.
type testServer struct {
	srv  *Server
	eng  *engine.Engine
	addr string
}

// startServer serves an in-memory database (or path) named "test".
func startServer(t testing.TB, path string, tweak func(*Config)) *testServer {
	t.Helper()
	opt := engine.Options{}
	opt.Path = path
	return startServerWith(t, opt, tweak)
}

// startServerWith serves an engine opened with opt.
func startServerWith(t testing.TB, opt engine.Options, tweak func(*Config)) *testServer {
	t.Helper()
	eng, err := engine.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Database: "test", Auth: auth.Authenticator{Method: auth.MethodTrust}, Version: engine.Version}
	if tweak != nil {
		tweak(&cfg)
	}
	srv := New(eng, cfg)
	if err := srv.Prepare(context.Background()); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	ts := &testServer{srv: srv, eng: eng, addr: ln.Addr().String()}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		eng.Close()
	})
	return ts
}

// dsn is a connection string for user on the test database.
func (ts *testServer) dsn(user string) string {
	host, port, _ := net.SplitHostPort(ts.addr)
	return fmt.Sprintf("host=%s port=%s user=%s dbname=test sslmode=disable connect_timeout=5", host, port, user)
}

// connect opens a pgx connection, closed at the end of the test.
func (ts *testServer) connect(t testing.TB) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, ts.dsn("tester"))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// connectErr tries to connect and returns the error.
func (ts *testServer) connectErr() (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, ts.dsn("tester"))
	if err == nil {
		c.Close(context.Background())
	}
	return c, err
}
