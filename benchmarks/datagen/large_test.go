package datagen

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkGenerateLarge measures one large run per iteration, into a
// database file under a temporary directory: scale 10 unless
// DATAGEN_LARGE_SCALE says otherwise, e.g.
//
//	DATAGEN_LARGE_SCALE=100 go test -run XXX -bench GenerateLarge -benchtime 1x -timeout 1h ./benchmarks/datagen/
//
// It reports events/s and the Go heap's high-water mark. Run the test
// binary under /usr/bin/time -v for the process's peak RSS (DuckDB's memory
// included). DATAGEN_WORKERS sets the number of generating goroutines,
// DATAGEN_MEMORY_LIMIT DuckDB's memory_limit (e.g. 1GB), and
// DATAGEN_IN_MEMORY=1 uses an in-memory database instead of a file.
func BenchmarkGenerateLarge(b *testing.B) {
	scale := 10.0
	if env := os.Getenv("DATAGEN_LARGE_SCALE"); env != "" {
		var err error
		if scale, err = strconv.ParseFloat(env, 64); err != nil {
			b.Fatalf("DATAGEN_LARGE_SCALE: %v", err)
		}
	}
	for b.Loop() {
		generateLarge(b, scale)
	}
}

// generateLarge is one measured run of BenchmarkGenerateLarge.
func generateLarge(b *testing.B, scale float64) {
	var err error
	workers := defaultWorkers()
	if w := os.Getenv("DATAGEN_WORKERS"); w != "" {
		if workers, err = strconv.Atoi(w); err != nil {
			b.Fatalf("DATAGEN_WORKERS: %v", err)
		}
	}
	path := ""
	if os.Getenv("DATAGEN_IN_MEMORY") == "" {
		path = filepath.Join(b.TempDir(), "shop.duckdb")
	}
	db, err := sql.Open("duckdb", path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if limit := os.Getenv("DATAGEN_MEMORY_LIMIT"); limit != "" {
		if _, err := conn.ExecContext(context.Background(), "SET memory_limit = '"+limit+"'"); err != nil {
			b.Fatal(err)
		}
	}

	var peakHeap atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peakHeap.Load() {
				peakHeap.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	st, err := generate(context.Background(), conn, Config{Scale: scale, Seed: 1}, func(done, total int64) {
		if done == total || done%(total/10+1) < total/200+1 {
			b.Logf("%5.1f%%  %d events  %v", 100*float64(done)/float64(total), done, time.Since(start).Round(time.Millisecond))
		}
	}, workers)
	elapsed := time.Since(start)
	close(stop)
	<-sampled
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("scale %g, %d workers: %v in %v", scale, workers, st, elapsed.Round(time.Millisecond))
	b.ReportMetric(float64(st.Events)/elapsed.Seconds()/1e6, "Mevents/s")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "MiB-peak-heap")
}
