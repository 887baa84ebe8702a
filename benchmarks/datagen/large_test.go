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

// TestGenerateLarge measures one large run, into a database file under a
// temporary directory. It runs only when DATAGEN_LARGE_SCALE is set, e.g.
//
//	DATAGEN_LARGE_SCALE=100 go test -run GenerateLarge -v -timeout 1h ./benchmarks/datagen/
//
// and logs the time taken and the Go heap's high-water mark. Run the test
// binary under /usr/bin/time -v for the process's peak RSS (DuckDB's memory
// included). DATAGEN_WORKERS sets the number of generating goroutines,
// DATAGEN_MEMORY_LIMIT DuckDB's memory_limit (e.g. 1GB), and
// DATAGEN_IN_MEMORY=1 uses an in-memory database instead of a file.
func TestGenerateLarge(t *testing.T) {
	env := os.Getenv("DATAGEN_LARGE_SCALE")
	if env == "" {
		t.Skip("set DATAGEN_LARGE_SCALE to run")
	}
	scale, err := strconv.ParseFloat(env, 64)
	if err != nil {
		t.Fatalf("DATAGEN_LARGE_SCALE: %v", err)
	}
	workers := defaultWorkers()
	if w := os.Getenv("DATAGEN_WORKERS"); w != "" {
		if workers, err = strconv.Atoi(w); err != nil {
			t.Fatalf("DATAGEN_WORKERS: %v", err)
		}
	}
	path := ""
	if os.Getenv("DATAGEN_IN_MEMORY") == "" {
		path = filepath.Join(t.TempDir(), "shop.duckdb")
	}
	db, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if limit := os.Getenv("DATAGEN_MEMORY_LIMIT"); limit != "" {
		if _, err := conn.ExecContext(context.Background(), "SET memory_limit = '"+limit+"'"); err != nil {
			t.Fatal(err)
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
			t.Logf("%5.1f%%  %d events  %v", 100*float64(done)/float64(total), done, time.Since(start).Round(time.Millisecond))
		}
	}, workers)
	elapsed := time.Since(start)
	close(stop)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("scale %g, %d workers: %v in %v (%.2f M events/s); Go heap in use peaked at %.1f MiB",
		scale, workers, st, elapsed.Round(time.Millisecond), float64(st.Events)/elapsed.Seconds()/1e6, float64(peakHeap.Load())/(1<<20))
}
