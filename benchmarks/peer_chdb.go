package main

import (
	"context"
	"os"
	"path/filepath"
)

// chdbPeer is ClickHouse in-process through chDB, driven from Node.
type chdbPeer struct{}

func (p *chdbPeer) Name() string    { return "chdb" }
func (p *chdbPeer) Dialect() string { return "clickhouse" }

func (p *chdbPeer) Open(ctx context.Context, d *dataset) error {
	dir, err := cacheDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "chdb", "node_modules", "chdb")); err != nil {
		return unavailable{"chdb: not installed (run benchmarks/install-chdb.sh)"}
	}
	return unavailable{"chdb: installed, but the harness has no chDB driver yet"}
}

func (p *chdbPeer) Run(ctx context.Context, q string) ([][]any, error) { return nil, nil }
func (p *chdbPeer) Close() error                                       { return nil }
