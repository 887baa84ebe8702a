package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// cliPeer is the martdb binary run with -c for each query: the whole
// process (start, open, register, query, print) is what is timed.
type cliPeer struct {
	bin  string
	dir  string
	data *dataset
}

func (p *cliPeer) Name() string    { return "martdb-cli" }
func (p *cliPeer) Dialect() string { return dialectMartdb }

// Open builds the binary (load time is the build, mostly cached).
func (p *cliPeer) Open(ctx context.Context, d *dataset) error {
	dir, err := os.MkdirTemp("", "martdb-bench-cli")
	if err != nil {
		return err
	}
	p.dir, p.data = dir, d
	p.bin = filepath.Join(dir, "martdb")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", p.bin, "github.com/martdb/martdb/cli/martdb")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building martdb: %v\n%s", err, out)
	}
	return nil
}

func (p *cliPeer) Run(ctx context.Context, q string) ([][]any, error) {
	cmd := exec.CommandContext(ctx, p.bin, p.data.Path, "--read-only", "--memory-limit", memoryLimit, "--format", "csv", "-c", q)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	recs, err := csv.NewReader(&stdout).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("reading martdb's CSV: %v", err)
	}
	var rows [][]any
	for _, r := range recs[1:] {
		row := make([]any, len(r))
		for i, c := range r {
			row[i] = csvValue(c)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// csvValue reads a CSV cell back as a number or a date when it is one.
func csvValue(c string) any {
	if f, err := strconv.ParseFloat(c, 64); err == nil {
		return f
	}
	if t, err := time.Parse("2006-01-02", c); err == nil {
		return t
	}
	if t, err := time.Parse("2006-01-02 15:04:05", c); err == nil {
		return t
	}
	return c
}

func (p *cliPeer) Close() error { return os.RemoveAll(p.dir) }
