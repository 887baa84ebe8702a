package server

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
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
