package identity

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// benchPairs creates table pairs(a VARCHAR, b VARCHAR) of n rows shaped
// like orders with an email and a phone: person k = i / 4 places four
// orders, with two emails (e<k>_0 and e<k>_1) and one phone (p<k>), except
// that one order in a hundred carries another person's phone, which
// merges groups. At 10M rows: 7.5M distinct identifiers in 2.4M groups.
func benchPairs(b *testing.B, conn *sql.Conn, n int) {
	b.Helper()
	persons := max(n/4, 1)
	sqltest.Exec(b, conn, fmt.Sprintf(`CREATE OR REPLACE TABLE pairs AS
		SELECT 'e' || (i // 4) || '_' || (i %% 2) AS a,
		       'p' || CASE WHEN i %% 100 = 0 THEN (i * 31) %% %d ELSE i // 4 END AS b
		FROM range(%d) t(i)`, persons, n))
}

// benchUnify times unify_ids over n generated pairs, reading the whole
// result (its row count).
func benchUnify(b *testing.B, n int, wantIDs int64) {
	conn := open(b)
	benchPairs(b, conn, n)
	for b.Loop() {
		var ids int64
		if err := conn.QueryRowContext(context.Background(), "SELECT count(*) FROM unify_ids(pairs, a, b)").Scan(&ids); err != nil {
			b.Fatal(err)
		}
		if ids != wantIDs {
			b.Fatalf("%d ids, want %d", ids, wantIDs)
		}
	}
}

// BenchmarkUnifyIDs10M is unify_ids over 10M pairs (7.5M identifiers).
func BenchmarkUnifyIDs10M(b *testing.B) { benchUnify(b, 10_000_000, 7_500_000) }

// BenchmarkUnifyIDs100K is unify_ids over 100,000 pairs.
func BenchmarkUnifyIDs100K(b *testing.B) { benchUnify(b, 100_000, 75_000) }

// BenchmarkUnifyGo10M is the Go side alone over 10M packed pairs of the
// same shape: numbering the identifiers, union-find and picking the keys.
func BenchmarkUnifyGo10M(b *testing.B) {
	const n = 10_000_000
	var data []byte
	for i := range n {
		a := fmt.Sprintf("e%d_%d", i/4, i%2)
		p := i / 4
		if i%100 == 0 {
			p = (i * 31) % (n / 4)
		}
		data = packPair(data, a, fmt.Sprintf("p%d", p))
	}
	for b.Loop() {
		g, err := unify(data, n)
		if err != nil || len(g.keys) != 7_500_000 {
			b.Fatalf("%d ids, %v", len(g.keys), err)
		}
	}
}
