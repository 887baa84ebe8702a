package main

import (
	"context"
	"fmt"
	"net"

	"github.com/jackc/pgx/v5"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server"
	"github.com/martdb/martdb/server/auth"
)

// wirePeer is martdb's PostgreSQL server in-process, queried through pgx
// over loopback TCP.
type wirePeer struct {
	eng  *engine.Engine
	srv  *server.Server
	ln   net.Listener
	conn *pgx.Conn
}

func (p *wirePeer) Name() string    { return "martdb-wire" }
func (p *wirePeer) Dialect() string { return dialectMartdb }

func (p *wirePeer) Open(ctx context.Context, d *dataset) error {
	eng, s, err := openMartdb(ctx, d)
	if err != nil {
		return err
	}
	s.Close()
	p.eng = eng
	p.srv = server.New(eng, server.Config{Database: "bench", Auth: auth.Authenticator{Method: auth.MethodTrust}})
	if p.ln, err = net.Listen("tcp", "127.0.0.1:0"); err != nil {
		return err
	}
	go p.srv.Serve(p.ln)
	p.conn, err = pgx.Connect(ctx, fmt.Sprintf("postgres://bench@%s/bench?sslmode=disable", p.ln.Addr()))
	return err
}

func (p *wirePeer) Run(ctx context.Context, q string) ([][]any, error) {
	return scanPgx(p.conn.Query(ctx, q))
}

// scanPgx reads every row of a pgx result.
func scanPgx(rows pgx.Rows, err error) ([][]any, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		v, err := rows.Values()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func (p *wirePeer) Close() error {
	if p.conn != nil {
		p.conn.Close(context.Background())
	}
	if p.srv != nil {
		p.srv.Shutdown(context.Background())
	}
	if p.eng != nil {
		return p.eng.Close()
	}
	return nil
}
