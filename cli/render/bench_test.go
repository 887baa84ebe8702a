package render

import (
	"io"
	"math/big"
	"strconv"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

var benchColumns = []engine.Column{
	{Name: "id", Type: "BIGINT"},
	{Name: "customer", Type: "VARCHAR"},
	{Name: "revenue", Type: "DECIMAL(18,2)"},
	{Name: "ordered_at", Type: "TIMESTAMP"},
	{Name: "score", Type: "DOUBLE"},
}

// genRows makes n rows of benchColumns on the fly, storing none of them.
type genRows struct {
	cols []engine.Column
	n, i int
	vals []any
}

func (g *genRows) Columns() []engine.Column { return g.cols }
func (g *genRows) Values() []any            { return g.vals }
func (g *genRows) Err() error               { return nil }

var benchStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func (g *genRows) Next() bool {
	if g.i >= g.n {
		return false
	}
	i := g.i
	g.i++
	g.vals = append(g.vals[:0],
		int64(i),
		"customer "+strconv.Itoa(i%977),
		duckdb.Decimal{Width: 18, Scale: 2, Value: big.NewInt(int64(i) * 137)},
		benchStart.Add(time.Duration(i)*time.Minute),
		float64(i)/7,
	)
	return true
}

const benchRows = 100_000

func benchmarkFormat(b *testing.B, f Format, opt Options) {
	b.ReportAllocs()
	for b.Loop() {
		n, err := Write(io.Discard, &genRows{n: benchRows, cols: benchColumns}, f, opt)
		if err != nil || n != benchRows {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchRows), "ns/row")
}

// BenchmarkTable renders 100k rows of 5 columns: all of them (the table
// then holds every row), and the first 40 with the rest only counted.
func BenchmarkTable(b *testing.B) {
	b.Run("all", func(b *testing.B) { benchmarkFormat(b, Table, Options{Width: 120}) })
	b.Run("maxrows=40", func(b *testing.B) { benchmarkFormat(b, Table, Options{Width: 120, MaxRows: 40}) })
}

func BenchmarkCSV(b *testing.B) { benchmarkFormat(b, CSV, Options{}) }

func BenchmarkJSON(b *testing.B) { benchmarkFormat(b, JSON, Options{}) }
