package server

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// BenchmarkFetch reads 100,000 rows (BIGINT, VARCHAR, TIMESTAMP, DOUBLE)
// through the server with pgx, in the extended protocol (binary results)
// and the simple protocol (text). Reports rows per second.
func BenchmarkFetch(b *testing.B) {
	ts := startServer(b, "", nil)
	c := ts.connect(b)
	ctx := context.Background()
	const q = "SELECT i, 'label ' || i, TIMESTAMP '2025-01-01' + INTERVAL (i) SECOND, i / 7 FROM range(100000) t(i)"
	for _, mode := range []struct {
		name string
		mode pgx.QueryExecMode
	}{{"extended-binary", pgx.QueryExecModeCacheDescribe}, {"simple-text", pgx.QueryExecModeSimpleProtocol}} {
		b.Run(mode.name, func(b *testing.B) {
			for range b.N {
				rows, err := c.Query(ctx, q, mode.mode)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
				}
				if rows.Err() != nil || n != 100000 {
					b.Fatalf("%d rows, %v", n, rows.Err())
				}
			}
			b.ReportMetric(float64(b.N)*100000/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkSelectOne is the round trip of a trivial statement in the
// extended protocol: the server's per-statement overhead.
func BenchmarkSelectOne(b *testing.B) {
	ts := startServer(b, "", nil)
	c := ts.connect(b)
	ctx := context.Background()
	var one int
	for range b.N {
		if err := c.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
			b.Fatal(err)
		}
	}
}
