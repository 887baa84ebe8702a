package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
)

// memoryLimit caps DuckDB's memory in every DuckDB-based peer.
const memoryLimit = "8GB"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchmarks:", err)
		os.Exit(1)
	}
}

// errMismatch is a run in which some engine gave a different answer.
var errMismatch = errors.New("engines disagree; the timings above are void")

// allPeers are the peers in report order; martdb first, as the reference.
var allPeers = []string{"martdb", "martdb-wire", "martdb-cli", "duckdb", "postgres", "chdb"}

func newPeer(name string) peer {
	switch name {
	case "martdb":
		return &martdbPeer{}
	case "martdb-wire", "wire":
		return &wirePeer{}
	case "martdb-cli", "cli":
		return &cliPeer{}
	case "duckdb":
		return &duckdbPeer{}
	case "postgres":
		return &postgresPeer{}
	case "chdb":
		return &chdbPeer{}
	}
	return nil
}

// run is the whole command; it returns errMismatch when answers differ.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("benchmarks", flag.ContinueOnError)
	fs.SetOutput(stderr)
	scaleFlag := fs.String("scale", "1M", "events to generate: 10k, 1M, 10M, 100M")
	queryFlag := fs.String("queries", "", "comma-separated queries (default all): "+queryNames())
	peerFlag := fs.String("peers", "", "comma-separated peers besides martdb (default all): "+strings.Join(allPeers[1:], ","))
	runs := fs.Int("runs", 5, "timed runs per query, after one warm-up")
	out := fs.String("out", "", "also write the results as Markdown to this file and JSON beside it")
	wire := fs.Int("wire", 0, "also run the wire benchmarks (pgbench, streaming), each pgbench run this many seconds")
	if err := fs.Parse(args); err != nil {
		return err
	}
	scale, err := parseScale(*scaleFlag)
	if err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("--runs must be at least 1")
	}
	qs, err := selectQueries(*queryFlag)
	if err != nil {
		return err
	}
	peers, err := selectPeers(*peerFlag)
	if err != nil {
		return err
	}
	logf := func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) }
	d, err := ensureData(ctx, *scaleFlag+" events", scale, logf)
	if err != nil {
		return err
	}
	rep := &report{Command: "go run ./benchmarks " + strings.Join(args, " "), Date: today(), Machine: machine(),
		Data: "demo shop (benchmarks/datagen, seed 1), " + d.Label, Runs: *runs}
	byQuery := map[string]*queryResult{}
	for _, q := range qs {
		byQuery[q.Name] = &queryResult{Query: q.Name, Title: q.Title}
		rep.Queries = append(rep.Queries, byQuery[q.Name])
	}
	for _, name := range peers {
		lr, ms := runPeer(ctx, newPeer(name), d, qs, *runs, logf)
		rep.Loads = append(rep.Loads, lr)
		for _, q := range qs {
			byQuery[q.Name].Measurements = append(byQuery[q.Name].Measurements, ms[q.Name])
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if *wire > 0 {
		if rep.Wire, rep.Streams, err = runWireBenchmarks(ctx, d, *wire, logf); err != nil {
			return err
		}
	}
	mismatch := false
	for _, r := range rep.Queries {
		compare(r)
		for _, m := range r.Mismatch {
			fmt.Fprintln(stderr, "MISMATCH", r.Query+":", m)
			mismatch = true
		}
	}
	rep.writeText(stdout)
	if *out != "" {
		if err := rep.writeFiles(*out); err != nil {
			return err
		}
	}
	if mismatch {
		return errMismatch
	}
	return nil
}

func queryNames() string {
	var names []string
	for _, q := range queries {
		names = append(names, q.Name)
	}
	return strings.Join(names, ",")
}

func selectQueries(list string) ([]*query, error) {
	if list == "" {
		return queries, nil
	}
	var out []*query
	for _, name := range strings.Split(list, ",") {
		found := false
		for _, q := range queries {
			if q.Name == strings.TrimSpace(name) {
				out, found = append(out, q), true
			}
		}
		if !found {
			return nil, fmt.Errorf("--queries: unknown query %q (known: %s)", name, queryNames())
		}
	}
	return out, nil
}

// selectPeers always starts with martdb, the reference.
func selectPeers(list string) ([]string, error) {
	if list == "" {
		return allPeers, nil
	}
	out := []string{"martdb"}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		p := newPeer(name)
		if p == nil {
			return nil, fmt.Errorf("--peers: unknown peer %q (known: %s)", name, strings.Join(allPeers[1:], ","))
		}
		if p.Name() != "martdb" {
			out = append(out, p.Name())
		}
	}
	return out, nil
}
