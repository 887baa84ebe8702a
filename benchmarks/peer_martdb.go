package main

import (
	"context"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/storage"
)

// martdbPeer is the engine in-process.
type martdbPeer struct {
	eng *engine.Engine
	s   *engine.Session
}

func (p *martdbPeer) Name() string    { return "martdb" }
func (p *martdbPeer) Dialect() string { return dialectMartdb }

func (p *martdbPeer) Open(ctx context.Context, d *dataset) error {
	var err error
	p.eng, p.s, err = openMartdb(ctx, d)
	return err
}

// openMartdb opens the data read-only in a martdb engine.
func openMartdb(ctx context.Context, d *dataset) (*engine.Engine, *engine.Session, error) {
	eng, err := engine.Open(ctx, engine.Options{Options: storage.Options{Path: d.Path, ReadOnly: true, MemoryLimit: memoryLimit}})
	if err != nil {
		return nil, nil, err
	}
	s, err := eng.NewSession(ctx)
	if err != nil {
		eng.Close()
		return nil, nil, err
	}
	return eng, s, nil
}

func (p *martdbPeer) Run(ctx context.Context, sql string) ([][]any, error) {
	var rows [][]any
	err := p.s.Exec(ctx, sql, func(r *engine.Result) error {
		for r.Next() {
			rows = append(rows, append([]any(nil), r.Values()...))
		}
		return r.Err()
	})
	return rows, err
}

func (p *martdbPeer) Close() error {
	if p.s != nil {
		p.s.Close()
	}
	if p.eng != nil {
		return p.eng.Close()
	}
	return nil
}
