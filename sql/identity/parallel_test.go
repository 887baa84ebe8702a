package identity

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestParallelChains runs unify_ids over 600,000 pairs in several row
// groups, in shuffled order, with two threads, so that the pairs are
// collected in more than one state and combined: chains of 8 ids and 7
// links (x0000000-x0000001-...-x0000007, then x0000008-...), each ending
// in a pair with a NULL side, whose key is the chain's first id.
func TestParallelChains(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn, "SET threads = 2",
		`CREATE TABLE chains AS
		 SELECT 'x' || lpad(i::VARCHAR, 7, '0') AS a,
		        CASE WHEN i % 8 = 7 THEN NULL ELSE 'x' || lpad((i + 1)::VARCHAR, 7, '0') END AS b
		 FROM range(600000) t(i) ORDER BY hash(i)`)
	if n := sqltest.Int(t, conn, "SELECT count(*) FROM unify_ids(chains, a, b)"); n != 600000 {
		t.Fatalf("%d ids, want 600000", n)
	}
	bad := sqltest.Int(t, conn, `SELECT count(*) FROM unify_ids(chains, a, b)
		WHERE customer_key <> 'x' || lpad((substr(id, 2)::BIGINT // 8 * 8)::VARCHAR, 7, '0')`)
	if bad != 0 {
		t.Errorf("%d ids with the wrong key", bad)
	}
	if n := sqltest.Int(t, conn, "SELECT count(DISTINCT customer_key) FROM unify_ids(chains, a, b)"); n != 75000 {
		t.Errorf("%d groups, want 75000", n)
	}
}
