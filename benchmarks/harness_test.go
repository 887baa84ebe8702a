package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmoke runs the harness on a tiny shop with the in-process peers (and
// PostgreSQL when installed), so that CI keeps it from rotting: every
// query runs, every answer agrees, and the files are written.
func TestSmoke(t *testing.T) {
	t.Setenv("MARTDB_BENCH_CACHE", t.TempDir())
	out := filepath.Join(t.TempDir(), "results.md")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"--scale", "10k", "--runs", "1", "--peers", "duckdb,wire,postgres", "--out", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, q := range queries {
		if !strings.Contains(stdout.String(), q.Name+": "+q.Title) {
			t.Errorf("the report lacks %s", q.Name)
		}
	}
	if strings.Contains(stdout.String(), "error") {
		t.Errorf("a query failed:\n%s", stdout.String())
	}
	md, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(md), "## funnel: ") {
		t.Fatalf("results.md: %v\n%s", err, md)
	}
	var rep report
	js, err := os.ReadFile(strings.TrimSuffix(out, ".md") + ".json")
	if err != nil || json.Unmarshal(js, &rep) != nil || len(rep.Queries) != len(queries) {
		t.Fatalf("results.json: %v\n%s", err, js)
	}
	for _, q := range rep.Queries {
		for _, m := range q.Measurements {
			if m.Peer == "martdb" && m.Median <= 0 {
				t.Errorf("%s: martdb has no median", q.Query)
			}
			if (m.Peer == "duckdb" || m.Peer == "martdb-wire") && m.Skipped == "" && m.Ratio <= 0 {
				t.Errorf("%s: %s has no ratio", q.Query, m.Peer)
			}
		}
	}
}

// TestWrongAnswerFails checks that a peer answering differently voids the
// run, loudly.
func TestWrongAnswerFails(t *testing.T) {
	t.Setenv("MARTDB_BENCH_CACHE", t.TempDir())
	saved := queries
	defer func() { queries = saved }()
	queries = []*query{{Name: "wrong", Title: "a formulation that disagrees", SQL: map[string]string{
		dialectMartdb:   "SELECT count(*) AS n FROM orders",
		dialectPortable: "SELECT count(*) + 1 AS n FROM orders",
	}}}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"--scale", "10k", "--runs", "1", "--peers", "duckdb"}, &stdout, &stderr)
	if !errors.Is(err, errMismatch) {
		t.Fatalf("run = %v, want errMismatch", err)
	}
	if !strings.Contains(stderr.String(), "MISMATCH wrong: duckdb disagrees with martdb") || !strings.Contains(stdout.String(), "WRONG ANSWER") {
		t.Errorf("the mismatch is not reported:\n%s\n%s", stdout.String(), stderr.String())
	}
}

func TestParseScale(t *testing.T) {
	for in, want := range map[string]float64{"1M": 10, "10M": 100, "100M": 1000, "10k": 0.1, "250000": 2.5} {
		if got, err := parseScale(in); err != nil || got != want {
			t.Errorf("parseScale(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "x", "-1M", "0"} {
		if _, err := parseScale(bad); err == nil {
			t.Errorf("parseScale(%q) succeeded", bad)
		}
	}
}

func TestNormalise(t *testing.T) {
	a := newAnswer([][]any{{int64(2), 1.0 / 3}, {float64(1), "x"}})
	if got := a[0][0] + "|" + a[0][1] + "|" + a[1][0] + "|" + a[1][1]; got != "1|x|2|0.333333" {
		t.Errorf("normalised = %s", got)
	}
}

// TestWireSmoke runs the wire benchmarks for two seconds each on a tiny shop:
// pgbench drives martdb's server in every mode, and a result streams to
// pgx.
func TestWireSmoke(t *testing.T) {
	if _, err := findPgbench(); err != nil {
		t.Skip(err)
	}
	t.Setenv("MARTDB_BENCH_CACHE", t.TempDir())
	out := filepath.Join(t.TempDir(), "results.md")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"--scale", "10k", "--runs", "1", "--queries", "point", "--peers", "duckdb", "--wire", "2", "--out", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	var rep report
	js, err := os.ReadFile(strings.TrimSuffix(out, ".md") + ".json")
	if err != nil || json.Unmarshal(js, &rep) != nil {
		t.Fatalf("results.json: %v", err)
	}
	seen := map[string]bool{}
	for _, r := range rep.Wire {
		if r.Target == "martdb" {
			// 16 new sessions may take the whole run to connect.
			if r.Error != "" || r.Clients <= 4 && r.TPS <= 0 {
				t.Errorf("%s %s %d clients: %.1f tps, %s", r.Script, r.Mode, r.Clients, r.TPS, r.Error)
			}
			seen[r.Script+" "+r.Mode] = true
		}
	}
	if len(seen) != 9 {
		t.Errorf("martdb ran %d of 9 script and mode pairs: %v", len(seen), seen)
	}
	if len(rep.Streams) == 0 || rep.Streams[0].Rows < 9000 {
		t.Errorf("streams = %+v", rep.Streams)
	}
	if !strings.Contains(stdout.String(), "pgbench transactions per second") {
		t.Errorf("the text report lacks the wire table:\n%s", stdout.String())
	}
}

// TestWireReportWithoutPostgres: a peer that did not run shows no number
// (a 0.0 would read as a measurement).
func TestWireReportWithoutPostgres(t *testing.T) {
	var b bytes.Buffer
	writeWire(&b, []wireResult{{Target: "martdb", Script: "point", Mode: "simple", Clients: 1, TPS: 900}}, nil, true)
	if !strings.Contains(b.String(), "| point | simple | 1 | 900.0 | — |  |") {
		t.Errorf("report:\n%s", b.String())
	}
	writeWire(&b, []wireResult{{Target: "martdb", Script: "point", Mode: "simple", Clients: 1, TPS: 900},
		{Target: "postgres", Script: "point", Mode: "simple", Clients: 1, TPS: 1800}}, nil, true)
	if !strings.Contains(b.String(), "| point | simple | 1 | 900.0 | 1800.0 | 0.50× |") {
		t.Errorf("report:\n%s", b.String())
	}
}
