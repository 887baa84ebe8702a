package sessions

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

var (
	benchOnce sync.Once
	benchConn *sql.Conn
	benchErr  error
)

// shopScale10 is one demo shop at scale 10 (100,000 customers, about a
// million events, 250,000 sessions), generated once for all the
// benchmarks.
func shopScale10(b *testing.B) *sql.Conn {
	benchOnce.Do(func() {
		// Kept open for the whole run: the benchmarks share it.
		_, conn, err := registeredConn()
		if err == nil {
			_, err = datagen.Generate(context.Background(), conn, datagen.Config{Scale: 10, Seed: 1}, nil)
		}
		if err != nil {
			benchErr = err
			return
		}
		benchConn = conn
	})
	if benchConn == nil {
		b.Fatal("no demo shop: ", benchErr)
	}
	return benchConn
}

// runQuery runs q b.N times, reading every row.
func runQuery(b *testing.B, q string) {
	conn := shopScale10(b)
	b.ResetTimer()
	for b.Loop() {
		rows, err := conn.QueryContext(context.Background(), q)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
		}
		if err := rows.Err(); err != nil {
			b.Fatal(err)
		}
		rows.Close()
	}
}

// BenchmarkSessionizeEvents: every event of the shop (about a million)
// with its session, every column read.
func BenchmarkSessionizeEvents(b *testing.B) {
	runQuery(b, `SELECT * FROM sessionize(events, user_id, ts)`)
}

// BenchmarkSessionizeCount: sessionize aggregated in SQL, so the cost of
// handing a million rows to Go is left out.
func BenchmarkSessionizeCount(b *testing.B) {
	runQuery(b, `SELECT count(*), max(session_number), sum(event_in_session), max(session_start) FROM sessionize(events, user_id, ts)`)
}

// BenchmarkPlainWindowSessions: the same three columns with plain window
// functions (the numbering doc.go shows, then the start and rank by
// session), aggregated as in BenchmarkSessionizeCount, for comparison.
func BenchmarkPlainWindowSessions(b *testing.B) {
	runQuery(b, `SELECT count(*), max(session_number), sum(event_in_session), max(session_start) FROM (
		SELECT *, min(ts) OVER (PARTITION BY user_id, session_number) AS session_start,
		       rank() OVER (PARTITION BY user_id, session_number ORDER BY ts) AS event_in_session
		FROM (SELECT *, sum(new) OVER (PARTITION BY user_id ORDER BY ts) AS session_number
		      FROM (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts) <= INTERVAL 30 MINUTE
		                           THEN 0 ELSE 1 END AS new
		            FROM events)))`)
}

// BenchmarkSessionsSummary: one row per session (about 250,000).
func BenchmarkSessionsSummary(b *testing.B) {
	runQuery(b, `SELECT * FROM sessions(events, user_id, ts)`)
}

// BenchmarkSessionsExample: the sessions catalog example.
func BenchmarkSessionsExample(b *testing.B) {
	runQuery(b, functions[1].Example)
}
