package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// The wire benchmarks (--wire): pgbench scripts in each query mode and
// client count against martdb's server and against PostgreSQL, and a
// large result streamed to pgx.

// wireResult is one pgbench run.
type wireResult struct {
	Target  string  `json:"target"`
	Script  string  `json:"script"`
	Mode    string  `json:"mode"`
	Clients int     `json:"clients"`
	TPS     float64 `json:"tps"`
	Error   string  `json:"error,omitempty"`
}

// streamResult is a large result read through pgx.
type streamResult struct {
	Target     string  `json:"target"`
	Rows       int64   `json:"rows"`
	Seconds    float64 `json:"seconds"`
	RowsPerSec float64 `json:"rows_per_second"`
}

// wireTarget is a server the wire benchmarks connect to.
type wireTarget struct {
	name    string
	connstr string // libpq key=value, for pgbench and pgx
	dialect string
}

// pgbenchScripts are the scripts, by name and dialect; :id is a random
// customer.
func pgbenchScripts(dialect string, customers int64) map[string]string {
	set := fmt.Sprintf("\\set id random(1, %d)\n", customers)
	funnel, _ := queries[0].sqlFor(dialect)
	return map[string]string{
		"point":     set + "SELECT customer_id, country, channel FROM customers WHERE customer_id = :id;\n",
		"aggregate": set + "SELECT count(*), sum(amount) FROM orders WHERE customer_id = :id;\n",
		"funnel":    regexp.MustCompile(`\s+`).ReplaceAllString(funnel, " ") + ";\n",
	}
}

// findPgbench finds pgbench on PATH or beside PostgreSQL's binaries.
func findPgbench() (string, error) {
	if p, err := exec.LookPath("pgbench"); err == nil {
		return p, nil
	}
	if dir, err := findPostgres(); err == nil {
		if p := filepath.Join(dir, "pgbench"); fileExists(p) {
			return p, nil
		}
	}
	return "", unavailable{"wire: pgbench not found (apt-get install postgresql-client)"}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

var tpsRE = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

// runPgbench runs one script for a few seconds and returns its rate.
func runPgbench(ctx context.Context, bin, connstr, script, mode string, clients int, seconds int) (float64, error) {
	f, err := os.CreateTemp("", "martdb-bench-*.sql")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	f.WriteString(script)
	f.Close()
	cmd := exec.CommandContext(ctx, bin, "-n", "-f", f.Name(), "-M", mode, "-c", strconv.Itoa(clients),
		"-j", strconv.Itoa(min(clients, 4)), "-T", strconv.Itoa(seconds), connstr)
	out, err := cmd.CombinedOutput()
	if err == nil && strings.Contains(string(out), "actually processed: 0\n") {
		return 0, nil // no transaction finished in the time (connecting took it)
	}
	m := tpsRE.FindSubmatch(out)
	if err != nil || m == nil {
		return 0, fmt.Errorf("pgbench: %v: %s", err, lastLines(string(out), 3))
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

// streamRows reads a large result through pgx and times it.
func streamRows(ctx context.Context, t wireTarget, limit int) (streamResult, error) {
	conn, err := pgx.Connect(ctx, t.connstr)
	if err != nil {
		return streamResult{}, err
	}
	defer conn.Close(ctx)
	start := time.Now()
	rows, err := conn.Query(ctx, fmt.Sprintf("SELECT user_id, ts, event, session_id FROM events LIMIT %d", limit))
	if err != nil {
		return streamResult{}, err
	}
	var n int64
	for rows.Next() {
		if _, err := rows.Values(); err != nil {
			return streamResult{}, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return streamResult{}, err
	}
	secs := time.Since(start).Seconds()
	return streamResult{Target: t.name, Rows: n, Seconds: secs, RowsPerSec: float64(n) / secs}, nil
}

func lastLines(s string, n int) string {
	lines := regexp.MustCompile(`\n+`).Split(s, -1)
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return fmt.Sprint(lines)
}
