package main

import (
	"bytes"
	"context"
	"encoding/json"
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
	cmd := exec.CommandContext(ctx, p.bin, p.data.Path, "--read-only", "--memory-limit", memoryLimit, "--format", "jsonl", "-c", q)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	var rows [][]any
	for _, line := range bytes.Split(bytes.TrimSpace(stdout.Bytes()), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		row, err := jsonRow(line)
		if err != nil {
			return nil, fmt.Errorf("reading martdb's JSON lines: %v: %s", err, line)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// jsonRow reads one JSON-lines object as the row's cells in column order
// (JSON null is NULL, which CSV could not tell from an empty text).
func jsonRow(line []byte) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not an object")
	}
	var row []any
	for dec.More() {
		if _, err := dec.Token(); err != nil { // the key
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		switch x := v.(type) {
		case nil:
			row = append(row, nil)
		case string:
			row = append(row, csvValue(x))
		case json.Number:
			row = append(row, csvValue(x.String()))
		case bool:
			row = append(row, x)
		default: // a list or a struct: its JSON text
			b, _ := json.Marshal(x)
			row = append(row, string(b))
		}
	}
	return row, nil
}

// csvValue reads a text cell back as a number or a date when it is one.
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
