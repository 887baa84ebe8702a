package eventagg

import (
	"context"
	"testing"
)

// foldSpec returns, per group, rows*1e6 + the mask of its one row: a
// folding aggregate must keep at most one row per group.
var foldSpec = Spec{
	Name:      "probe_fold",
	Result:    BigInt,
	FoldMasks: true,
	Overloads: []Overload{{TS: Int64}},
	Finalize: func(g *Group) (int64, bool, error) {
		var mask int64
		for _, r := range g.Rows {
			mask |= int64(r.Mask)
		}
		return int64(len(g.Rows))*1_000_000 + mask, true, nil
	},
}

// TestFoldKeepsOneRowWithTheUnion runs the folding aggregate over groups
// large enough that DuckDB splits them across threads and combines the
// partial states: every group must end with one row holding the union
// of the masks, and a group with no true condition with none.
func TestFoldKeepsOneRowWithTheUnion(t *testing.T) {
	conn, raw := openRaw(t)
	ctx := context.Background()
	if err := Register(ctx, conn, raw.Handle(), foldSpec); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `SET threads = 4`); err != nil {
		t.Fatal(err)
	}
	// Group g of 4 has condition k true on row i exactly when i % 4096 = k
	// and k < g + 1 (so group 0 has mask 1, group 3 mask 15); group 4 has
	// none true.
	rows, err := conn.QueryContext(ctx, `
		SELECT g, probe_fold(0::BIGINT, [i % 4096 = 0 AND g >= 0 AND g < 4, i % 4096 = 1 AND g BETWEEN 1 AND 3,
		                                 i % 4096 = 2 AND g BETWEEN 2 AND 3, i % 4096 = 3 AND g = 3])
		FROM (SELECT i, i % 5 AS g FROM range(2000000) t(i)) GROUP BY g ORDER BY g`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := []int64{1_000_001, 1_000_003, 1_000_007, 1_000_015, 0}
	var got []int64
	for rows.Next() {
		var g, v int64
		if err := rows.Scan(&g, &v); err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("group %d: got %d, want %d (rows*1e6 + union mask)", i, got[i], want[i])
		}
	}
}
