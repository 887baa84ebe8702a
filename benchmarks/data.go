package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// eventsPerScale is datagen's number of events at Scale 1.
const eventsPerScale = 100_000

// parseScale reads a size such as 10k, 1M, 10M or 100M (events) and
// returns datagen's scale for it.
func parseScale(s string) (float64, error) {
	mult := 1.0
	num := strings.TrimSpace(s)
	switch {
	case strings.HasSuffix(num, "k"), strings.HasSuffix(num, "K"):
		mult, num = 1e3, num[:len(num)-1]
	case strings.HasSuffix(num, "M"):
		mult, num = 1e6, num[:len(num)-1]
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("--scale: expected a number of events such as 10k, 1M or 10M, got %q", s)
	}
	scale := n * mult / eventsPerScale
	if scale > datagen.MaxScale {
		return 0, fmt.Errorf("--scale: at most %g events, got %q", datagen.MaxScale*eventsPerScale, s)
	}
	return scale, nil
}

// cacheDir is where generated data is kept between runs:
// $MARTDB_BENCH_CACHE, else the user's cache directory.
func cacheDir() (string, error) {
	if d := os.Getenv("MARTDB_BENCH_CACHE"); d != "" {
		return d, os.MkdirAll(d, 0o755)
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	d := filepath.Join(base, "martdb-bench")
	return d, os.MkdirAll(d, 0o755)
}

// dataset is the generated shop on disk.
type dataset struct {
	Label string // "1M events"
	Path  string
	Scale float64
}

// ensureData returns the cached shop for the scale, generating it first
// when it is not there. Generation writes to a temporary file renamed at
// the end, so an interrupted run leaves no half-written cache.
func ensureData(ctx context.Context, label string, scale float64, logf func(string, ...any)) (*dataset, error) {
	dir, err := cacheDir()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, fmt.Sprintf("shop-%s-seed1-%s.duckdb", strings.ReplaceAll(label, " ", ""), dataVersion))
	d := &dataset{Label: label, Path: path, Scale: scale}
	if _, err := os.Stat(path); err == nil {
		logf("data: %s from the cache (%s)", label, path)
		return d, nil
	}
	tmp := path + ".partial"
	os.Remove(tmp)
	logf("data: generating %s into %s", label, path)
	db, err := sql.Open("duckdb", tmp)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	st, err := datagen.Generate(ctx, conn, datagen.Config{Scale: scale, Seed: 1}, nil)
	if err != nil {
		return nil, err
	}
	if err := addExtraTables(ctx, conn, st.Customers, st.Events); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "CHECKPOINT"); err != nil {
		return nil, err
	}
	conn.Close()
	if err := db.Close(); err != nil {
		return nil, err
	}
	logf("data: %d customers, %d events, %d orders", st.Customers, st.Events, st.Orders)
	return d, os.Rename(tmp, path)
}
