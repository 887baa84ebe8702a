package server

import (
	"context"
	"database/sql"
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

// BenchmarkPointQuery looks up one row of a 10,000-row table by key with
// a parameter, as pgbench's point script does, in each pgx mode: the
// cached prepared statement (Bind/Execute only), describe-and-execute
// per call, and the simple protocol (parameters inlined).
func BenchmarkPointQuery(b *testing.B) {
	ts := startServer(b, "", nil)
	c := ts.connect(b)
	ctx := context.Background()
	if _, err := c.Exec(ctx, "CREATE TABLE points AS SELECT i AS id, 'name ' || i AS name, i % 7 AS bucket FROM range(10000) t(i)"); err != nil {
		b.Fatal(err)
	}
	const q = "SELECT id, name, bucket FROM points WHERE id = $1"
	for _, mode := range []struct {
		name string
		mode pgx.QueryExecMode
	}{{"prepared", pgx.QueryExecModeCacheStatement}, {"describe-exec", pgx.QueryExecModeDescribeExec}, {"simple", pgx.QueryExecModeSimpleProtocol}} {
		b.Run(mode.name, func(b *testing.B) {
			var id, bucket int64
			var name string
			for i := range b.N {
				if err := c.QueryRow(ctx, q, mode.mode, int64(i%10000)).Scan(&id, &name, &bucket); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPointQueryFloor is BenchmarkPointQuery's lookup run by
// duckdb-go in the same process, with no server, no network and no
// rewriting: the floor that DuckDB's own per-statement cost sets under
// the server's throughput (compare its ns/op with the prepared mode's).
func BenchmarkPointQueryFloor(b *testing.B) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE points AS SELECT i AS id, 'name ' || i AS name, i % 7 AS bucket FROM range(10000) t(i)"); err != nil {
		b.Fatal(err)
	}
	st, err := db.Prepare("SELECT id, name, bucket FROM points WHERE id = $1")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var id, bucket int64
	var name string
	b.ResetTimer()
	for i := range b.N {
		if err := st.QueryRow(int64(i%10000)).Scan(&id, &name, &bucket); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreamTable reads a million rows of a table (BIGINT,
// TIMESTAMP, VARCHAR, BIGINT, as the harness's stream does) through the
// server with pgx, decoding every value. Reports rows per second.
func BenchmarkStreamTable(b *testing.B) {
	ts := startServer(b, "", nil)
	c := ts.connect(b)
	ctx := context.Background()
	if _, err := c.Exec(ctx, `CREATE TABLE ev AS SELECT range AS user_id, TIMESTAMP '2025-01-01' + INTERVAL (range) SECOND AS ts,
		['page_view', 'add_to_cart', 'purchase'][range % 3 + 1] AS event, range // 10 AS session_id FROM range(1000000)`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		rows, err := c.Query(ctx, "SELECT user_id, ts, event, session_id FROM ev LIMIT 1000000")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Values(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if rows.Err() != nil || n != 1000000 {
			b.Fatalf("%d rows, %v", n, rows.Err())
		}
	}
	b.ReportMetric(float64(b.N)*1000000/b.Elapsed().Seconds(), "rows/s")
}
