package main

import (
	"context"
	"fmt"
	"io"
	"net"

	"github.com/martdb/martdb/server"
	"github.com/martdb/martdb/server/auth"
)

// wirePlan is what --wire runs.
var (
	wireModes   = []string{"simple", "extended", "prepared"}
	wireClients = []int{1, 4, 16}
)

// runWireBenchmarks measures martdb's server and PostgreSQL (when
// installed) with pgbench and a streamed result.
func runWireBenchmarks(ctx context.Context, d *dataset, seconds int, logf func(string, ...any)) ([]wireResult, []streamResult, error) {
	bin, err := findPgbench()
	if err != nil {
		logf("skip %v", err)
		return nil, nil, nil
	}
	var targets []wireTarget
	// PostgreSQL first: its loader reads the DuckDB file with a
	// configuration of its own, which DuckDB refuses while martdb's engine
	// has the file open; the loader closes it when done.
	pg := &postgresPeer{}
	pgErr := pg.Open(ctx, d)
	if pgErr == nil {
		defer pg.Close()
	}
	eng, _, err := openMartdb(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	defer eng.Close()
	srv := server.New(eng, server.Config{Database: "bench", Auth: auth.Authenticator{Method: auth.MethodTrust}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	addr := ln.Addr().(*net.TCPAddr)
	targets = append(targets, wireTarget{"martdb", fmt.Sprintf("host=127.0.0.1 port=%d user=bench dbname=bench sslmode=disable", addr.Port), dialectMartdb})
	if pgErr != nil {
		logf("skip wire postgres: %v", pgErr)
	} else {
		targets = append(targets, wireTarget{"postgres", fmt.Sprintf("host=127.0.0.1 port=%d user=postgres dbname=postgres sslmode=disable", pg.port), dialectPostgres})
	}
	customers := int64(d.Scale * 10_000)
	var results []wireResult
	for _, script := range []string{"point", "aggregate", "funnel"} {
		for _, t := range targets {
			text := pgbenchScripts(t.dialect, customers)[script]
			for _, mode := range wireModes {
				for _, c := range wireClients {
					if script == "funnel" && c == 16 {
						continue // 16 concurrent funnels only queue on 2 cores
					}
					tps, err := runPgbench(ctx, bin, t.connstr, text, mode, c, seconds)
					r := wireResult{Target: t.name, Script: script, Mode: mode, Clients: c, TPS: tps}
					if err != nil {
						r.Error = err.Error()
					}
					logf("wire %s %s %s %d clients: %.1f tps %s", t.name, script, mode, c, tps, r.Error)
					results = append(results, r)
				}
			}
		}
	}
	var streams []streamResult
	for _, t := range targets {
		s, err := streamRows(ctx, t, 1_000_000)
		if err != nil {
			logf("stream %s: %v", t.name, err)
			continue
		}
		logf("stream %s: %d rows in %.2f s, %.0f rows/s", t.name, s.Rows, s.Seconds, s.RowsPerSec)
		streams = append(streams, s)
	}
	return results, streams, nil
}

// writeWire prints the wire results: per script and mode, tps by client
// count for each target.
func writeWire(w io.Writer, results []wireResult, streams []streamResult, markdown bool) {
	if len(results) == 0 && len(streams) == 0 {
		return
	}
	if markdown {
		fmt.Fprintf(w, "\n## Wire: pgbench transactions per second\n\n| script | mode | clients | martdb | postgres | martdb / postgres |\n|---|---|---:|---:|---:|---:|\n")
	} else {
		fmt.Fprintf(w, "\nwire: pgbench transactions per second\n  %-10s %-9s %7s %10s %10s %8s\n", "script", "mode", "clients", "martdb", "postgres", "ratio")
	}
	type key struct {
		script, mode string
		clients      int
	}
	byKey := map[key]map[string]float64{}
	var order []key
	for _, r := range results {
		k := key{r.Script, r.Mode, r.Clients}
		if byKey[k] == nil {
			byKey[k] = map[string]float64{}
			order = append(order, k)
		}
		byKey[k][r.Target] = r.TPS
	}
	for _, k := range order {
		m := byKey[k]["martdb"]
		p, ran := byKey[k]["postgres"]
		ratio, pgText := "", "—" // a peer that did not run shows no number, never 0
		if ran {
			pgText = fmt.Sprintf("%.1f", p)
			if p > 0 {
				ratio = fmt.Sprintf("%.2f×", m/p)
			}
		}
		if markdown {
			fmt.Fprintf(w, "| %s | %s | %d | %.1f | %s | %s |\n", k.script, k.mode, k.clients, m, pgText, ratio)
		} else {
			fmt.Fprintf(w, "  %-10s %-9s %7d %10.1f %10s %8s\n", k.script, k.mode, k.clients, m, pgText, ratio)
		}
	}
	for _, s := range streams {
		fmt.Fprintf(w, "\nstreaming %d rows to pgx from %s: %.2f s, %.0f rows/s\n", s.Rows, s.Target, s.Seconds, s.RowsPerSec)
	}
}
