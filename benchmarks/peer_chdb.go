package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// chdbPeer is ClickHouse in-process through chDB, driven from Node by
// chdb_runner.js: the harness exports the shop to Parquet once (cached
// beside the DuckDB file), the runner loads it into MergeTree tables, and
// each query is one request over a pipe. ClickHouse's own functions
// (windowFunnel, retention) answer the marketing questions.
type chdbPeer struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func (p *chdbPeer) Name() string    { return "chdb" }
func (p *chdbPeer) Dialect() string { return dialectClickHouse }

// chdbTables are the shop's tables and their MergeTree order.
var chdbTables = map[string]string{"events": "(user_id, ts)", "orders": "(customer_id, ts)", "customers": "customer_id"}

func (p *chdbPeer) Open(ctx context.Context, d *dataset) error {
	dir, err := cacheDir()
	if err != nil {
		return err
	}
	modules := filepath.Join(dir, "chdb", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "chdb")); err != nil {
		return unavailable{"chdb: not installed (run benchmarks/install-chdb.sh; it needs node and npm)"}
	}
	parquet, err := exportParquet(ctx, d)
	if err != nil {
		return err
	}
	_, self, _, _ := runtime.Caller(0)
	p.cmd = exec.Command("node", filepath.Join(filepath.Dir(self), "chdb_runner.js"))
	p.cmd.Env = append(os.Environ(), "NODE_PATH="+modules, "TZ=UTC")
	p.cmd.Stderr = os.Stderr
	if p.in, err = p.cmd.StdinPipe(); err != nil {
		return err
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		return err
	}
	p.out = bufio.NewReaderSize(stdout, 1<<20)
	if err := p.cmd.Start(); err != nil {
		return unavailable{"chdb: cannot start node: " + err.Error()}
	}
	_, err = p.request(map[string]any{"op": "load", "dir": parquet, "tables": chdbTables})
	return err
}

// exportParquet writes the shop's tables as Parquet files beside the
// DuckDB file, once.
func exportParquet(ctx context.Context, d *dataset) (string, error) {
	dir := d.Path + ".parquet"
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	db, err := sql.Open("duckdb", d.Path+"?access_mode=read_only")
	if err != nil {
		return "", err
	}
	defer db.Close()
	for table := range chdbTables {
		q := fmt.Sprintf("COPY %s TO '%s' (FORMAT parquet)", table, filepath.Join(dir, table+".parquet"))
		if _, err := db.ExecContext(ctx, q); err != nil {
			return "", err
		}
	}
	return dir, os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
}

// request sends one request and reads its reply.
func (p *chdbPeer) request(req map[string]any) ([][]any, error) {
	b, _ := json.Marshal(req)
	if _, err := p.in.Write(append(b, '\n')); err != nil {
		return nil, err
	}
	line, err := p.out.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("chdb runner: %w", err)
	}
	var reply struct {
		Rows  [][]any `json:"rows"`
		Error string  `json:"error"`
	}
	if err := json.Unmarshal(line, &reply); err != nil {
		return nil, err
	}
	if reply.Error != "" {
		return nil, errors.New(reply.Error)
	}
	return reply.Rows, nil
}

// Run sends the query; text cells that hold numbers or dates (ClickHouse's
// JSON quotes 64-bit integers) are read back as such.
func (p *chdbPeer) Run(ctx context.Context, q string) ([][]any, error) {
	rows, err := p.request(map[string]any{"op": "query", "sql": q})
	for _, r := range rows {
		for i, v := range r {
			if s, ok := v.(string); ok {
				r[i] = csvValue(s)
			}
		}
	}
	return rows, err
}

func (p *chdbPeer) Close() error {
	if p.cmd == nil || p.cmd.Process == nil {
		return nil
	}
	p.in.Close()
	return p.cmd.Wait()
}
