package experiment

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// shopScale10 is one demo shop at scale 10 (100,000 customers) with the
// family registered, shared by the benchmarks.
func shopScale10(b *testing.B) *sql.Conn { return benchtest.Shop(b, 10, Family) }

// BenchmarkABTestExample: the catalog example on the scale-10 shop: the
// customers joined to their orders, split by hash, and the readout with
// revenue.
func BenchmarkABTestExample(b *testing.B) {
	benchtest.RunQuery(b, shopScale10(b), functions[0].Example)
}

// BenchmarkABTestEvents: every event of the scale-10 shop (about a
// million) as a unit, split three ways by a hash of its session, a
// purchase as the conversion and the hour of day as a value.
func BenchmarkABTestEvents(b *testing.B) {
	benchtest.RunQuery(b, shopScale10(b), `SELECT * FROM ab_test(events,
		CASE hash(session_id) % 3 WHEN 0 THEN 'A' WHEN 1 THEN 'B' ELSE 'C' END,
		event = 'purchase', value := hour(ts))`)
}

var units struct {
	once sync.Once
	conn *sql.Conn
}

// units10M is a table of 10,000,000 units, each with a variant drawn by a
// hash of its id (A or B), a conversion (about 10%) and a revenue, made
// once per test binary.
func units10M(b *testing.B) *sql.Conn {
	units.once.Do(func() {
		units.conn = lastingConn(b)
		sqltest.Exec(b, units.conn, `CREATE TABLE units AS
			SELECT i AS unit_id,
			       CASE WHEN hash(i) % 2 = 0 THEN 'A' ELSE 'B' END AS variant,
			       hash(i * 7919 + 13) % 1000 < 100 + (hash(i) % 2) * 3 AS converted,
			       (hash(i * 104729 + 7) % 100000) / 100.0 AS revenue
			FROM range(10000000) t(i)`)
	})
	return units.conn
}

// lastingConn opens an in-memory database with the family registered
// that stays open for the whole run (sqltest.Open's closes when the
// first benchmark using it ends).
func lastingConn(b *testing.B) *sql.Conn {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		b.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		b.Fatal(err)
	}
	if err := Family.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		b.Fatal(err)
	}
	return conn
}

// BenchmarkABTest10M: the readout, conversions and Welch's test on
// revenue, over 10,000,000 units.
func BenchmarkABTest10M(b *testing.B) {
	benchtest.RunQuery(b, units10M(b), `SELECT * FROM ab_test(units, variant, converted, value := revenue)`)
}

// BenchmarkABTest10MConversions: the same without value.
func BenchmarkABTest10MConversions(b *testing.B) {
	benchtest.RunQuery(b, units10M(b), `SELECT * FROM ab_test(units, variant, converted)`)
}

// BenchmarkSampleSizeRows: sample_size over 100,000 rows of baselines.
func BenchmarkSampleSizeRows(b *testing.B) {
	conn := sqltest.Open(b, Family)
	benchtest.RunQuery(b, conn, `SELECT sum(sample_size(0.01 + (i % 90) / 100.0, 0.1)) FROM range(100000) t(i)`)
}

// BenchmarkStudentCDF: the t distribution at a small and at a Welch-sized
// df, in Go.
func BenchmarkStudentCDF(b *testing.B) {
	for _, df := range []float64{30, 150000} {
		b.Run(map[float64]string{30: "df30", 150000: "df150k"}[df], func(b *testing.B) {
			for b.Loop() {
				if _, err := studentCDF(-1.7, df); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPlainAggregate10M is the floor for BenchmarkABTest10M: the
// same sufficient statistics by a plain GROUP BY, with no checks and no
// tests.
func BenchmarkPlainAggregate10M(b *testing.B) {
	benchtest.RunQuery(b, units10M(b), `SELECT variant, count(*), count(*) FILTER (WHERE converted), avg(revenue), var_samp(revenue)
		FROM units GROUP BY variant`)
}
