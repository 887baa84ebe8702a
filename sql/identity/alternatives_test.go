package identity

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/eventagg"
	"github.com/martdb/martdb/sql/sqltest"
)

// The designs unify_ids did not take, kept as benchmarks so that the
// numbers in doc.go can be measured again. Each runs over the pairs of
// benchPairs.

// sqlDictRoots is the union-find of the SQL-dictionary design as an
// sql/eventagg aggregate: edges between dense node numbers packed as
// x<<32 | y in, BIGINT[] out (element k+1: the smallest node connected to
// node k).
var sqlDictRoots = eventagg.Spec{
	Name: "_bench_unify_roots", Result: eventagg.ListBigInt, KeepEmpty: true,
	Overloads: []eventagg.Overload{{TS: eventagg.Int64}},
	FinalizeList: func(g *eventagg.Group, dst []int64) ([]int64, bool, error) {
		n := int64(0)
		for _, r := range g.Rows {
			n = max(n, r.TS>>32+1, r.TS&0xffffffff+1)
		}
		f := newForest(int(n), 0)
		for _, r := range g.Rows {
			f.union(int32(r.TS>>32), int32(r.TS&0xffffffff))
		}
		least := make([]int32, n)
		for i := range least {
			least[i] = -1
		}
		for i := range int32(n) {
			r := f.find(i)
			if least[r] < 0 {
				least[r] = i
			}
			dst = append(dst, int64(least[r]))
		}
		return dst, true, nil
	},
}

// sqlDictQuery is unify_ids in the SQL-dictionary design: number the
// distinct ids with row_number(), join the pairs to the numbers twice,
// union-find over the numbers in Go, unnest the roots, join them back to
// the ids and take the smallest id per root.
const sqlDictQuery = `
WITH
_ids AS MATERIALIZED (
    SELECT _id, row_number() OVER () - 1 AS _n
    FROM (SELECT a AS _id FROM pairs UNION SELECT b FROM pairs) WHERE _id IS NOT NULL),
_edges AS (
    SELECT ia._n AS _x, ib._n AS _y
    FROM pairs p JOIN _ids ia ON p.a = ia._id JOIN _ids ib ON p.b = ib._id WHERE ia._n <> ib._n),
_roots AS (SELECT _bench_unify_roots((_x << 32) | _y, []::BOOLEAN[]) AS _r FROM _edges),
_map AS (SELECT unnest(_r) AS _k, generate_subscripts(_r, 1) - 1 AS _n FROM _roots),
_labeled AS (
    SELECT i._id, coalesce(m._k, i._n) AS _root FROM _ids i LEFT JOIN _map m ON i._n = m._n),
_keys AS (SELECT _root, min(_id) AS _key FROM _labeled GROUP BY _root)
SELECT count(*) FROM (SELECT l._id AS id, k._key AS customer_key FROM _labeled l JOIN _keys k USING (_root))`

// openAlternatives opens a database with the family, the SQL-dictionary
// aggregate and the list-taking scalar function registered, and n pairs.
func openAlternatives(b *testing.B, n int) *sql.Conn {
	conn, raw := sqltest.OpenRaw(b)
	ctx := context.Background()
	if err := Family.Register(ctx, catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		b.Fatal(err)
	}
	if err := eventagg.Register(ctx, conn, raw.Handle(), sqlDictRoots); err != nil {
		b.Fatal(err)
	}
	if err := duckdb.RegisterScalarUDF(conn, "_bench_unify_lists", listsUDF{}); err != nil {
		b.Fatal(err)
	}
	benchPairs(b, conn, n)
	return conn
}

// listsUDF is _bench_unify_lists(x BIGINT[], y BIGINT[]) -> BIGINT: the
// number of groups of the edges x[i]-y[i], by union-find in Go over the
// lists as duckdb-go hands them over ([]any of int64).
type listsUDF struct{}

func (listsUDF) Config() duckdb.ScalarFuncConfig {
	bigint, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	list, _ := duckdb.NewListInfo(bigint)
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{list, list}, ResultTypeInfo: bigint}
}

func (listsUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: func(values []driver.Value) (any, error) {
		xs, _ := values[0].([]any)
		ys, _ := values[1].([]any)
		n := int64(0)
		for i := range xs {
			n = max(n, xs[i].(int64)+1, ys[i].(int64)+1)
		}
		f := newForest(int(n), 0)
		groups := n
		for i := range xs {
			x, y := f.find(int32(xs[i].(int64))), f.find(int32(ys[i].(int64)))
			if x != y {
				f.union(x, y)
				groups--
			}
		}
		return groups, nil
	}}
}

// benchQuery times q, which returns one BIGINT, checking it.
func benchQuery(b *testing.B, conn *sql.Conn, q string, want int64) {
	for b.Loop() {
		var got int64
		if err := conn.QueryRowContext(context.Background(), q).Scan(&got); err != nil {
			b.Fatal(err)
		}
		if got != want {
			b.Fatalf("%d, want %d", got, want)
		}
	}
}

const altPairs = 10_000_000

// BenchmarkAltSQLDictionary10M: the SQL-dictionary design, whole.
func BenchmarkAltSQLDictionary10M(b *testing.B) {
	benchQuery(b, openAlternatives(b, altPairs), sqlDictQuery, 7_500_000)
}

// BenchmarkAltSQLDictionaryNumbering10M: its first step alone, numbering
// the distinct ids.
func BenchmarkAltSQLDictionaryNumbering10M(b *testing.B) {
	benchQuery(b, openAlternatives(b, altPairs),
		"SELECT count(*) FROM (SELECT _id, row_number() OVER () AS _n FROM (SELECT a AS _id FROM pairs UNION SELECT b FROM pairs))", 7_500_000)
}

// numberedEdges adds table edges(x, y) of the pairs as dense numbers.
func numberedEdges(b *testing.B, conn *sql.Conn) {
	sqltest.Exec(b, conn,
		"CREATE TABLE ids AS SELECT _id, row_number() OVER () - 1 AS _n FROM (SELECT a AS _id FROM pairs UNION SELECT b FROM pairs)",
		"CREATE TABLE edges AS SELECT ia._n AS x, ib._n AS y FROM pairs p JOIN ids ia ON p.a = ia._id JOIN ids ib ON p.b = ib._id")
}

// BenchmarkAltSQLDictionaryJoins10M: its second step alone, the two joins
// from pairs of ids to pairs of numbers.
func BenchmarkAltSQLDictionaryJoins10M(b *testing.B) {
	conn := openAlternatives(b, altPairs)
	sqltest.Exec(b, conn,
		"CREATE TABLE ids AS SELECT _id, row_number() OVER () - 1 AS _n FROM (SELECT a AS _id FROM pairs UNION SELECT b FROM pairs)")
	benchQuery(b, conn, "SELECT count(*) FROM pairs p JOIN ids ia ON p.a = ia._id JOIN ids ib ON p.b = ib._id", altPairs)
}

// BenchmarkAltListBuild10M: list() of the 10M numbered edges, both sides,
// without Go.
func BenchmarkAltListBuild10M(b *testing.B) {
	conn := openAlternatives(b, altPairs)
	numberedEdges(b, conn)
	benchQuery(b, conn, "SELECT len(list(x)) + len(list(y)) FROM edges", 2*altPairs)
}

// BenchmarkAltListToGo10M: the same lists handed to a Go scalar function
// that runs union-find over them.
func BenchmarkAltListToGo10M(b *testing.B) {
	conn := openAlternatives(b, altPairs)
	numberedEdges(b, conn)
	benchQuery(b, conn, "SELECT _bench_unify_lists(list(x), list(y)) FROM edges", 2_400_163)
}

// BenchmarkAltEventaggEdges10M: the numbered edges through the
// sql/eventagg aggregate (collected in C, union-find in Go).
func BenchmarkAltEventaggEdges10M(b *testing.B) {
	conn := openAlternatives(b, altPairs)
	numberedEdges(b, conn)
	benchQuery(b, conn, "SELECT len(_bench_unify_roots((x << 32) | y, []::BOOLEAN[])) FROM edges", 7_500_000)
}

// BenchmarkStepCollect10M: unify_ids' own aggregate without unnesting its
// result (collecting the pairs, the Go work, writing the list).
func BenchmarkStepCollect10M(b *testing.B) {
	benchQuery(b, openAlternatives(b, altPairs),
		"SELECT len(_martdb_unify(coalesce(a, b), coalesce(b, a))) FROM pairs", 7_500_000)
}

// BenchmarkStepScan10M: reading the pairs, the floor under every design.
func BenchmarkStepScan10M(b *testing.B) {
	benchQuery(b, openAlternatives(b, altPairs),
		"SELECT count(coalesce(a, b)) + count(coalesce(b, a)) FROM pairs", 2*altPairs)
}
