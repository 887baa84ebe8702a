package eventagg

import (
	"context"
	"testing"
)

// rowsSpec returns a group's rows as seen by the finalizer: per row its
// timestamp*100 + its mask, in arrival order (seq), so that a row lost,
// doubled or mixed up between states shows.
var rowsSpec = Spec{
	Name:      "probe_rows",
	Result:    ListBigInt,
	Overloads: []Overload{{TS: Int64}},
	FinalizeList: func(g *Group, out []int64) ([]int64, bool, error) {
		rows := append([]Row(nil), g.Rows...)
		for i := 1; i < len(rows); i++ { // insertion sort by seq: groups are small
			for j := i; j > 0 && rows[j].Seq < rows[j-1].Seq; j-- {
				rows[j], rows[j-1] = rows[j-1], rows[j]
			}
		}
		for _, r := range rows {
			out = append(out, r.TS*100+int64(r.Mask))
		}
		return out, true, nil
	},
}

// TestRowsAcrossTheInlineLimit collects groups of every size from 0 to
// 40 rows (most of them cross MD_INLINE, where a state's rows move from
// the state into C memory), spread over enough rows that DuckDB splits
// them across threads and combines partial states of any sizes. Each
// group's rows must come back exactly: the same multiset as DuckDB's own
// list() of the same rows.
func TestRowsAcrossTheInlineLimit(t *testing.T) {
	conn, raw := openRaw(t)
	ctx := context.Background()
	if err := Register(ctx, conn, raw.Handle(), rowsSpec); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `SET threads = 4`); err != nil {
		t.Fatal(err)
	}
	// 41 sizes x 1000 groups; rows are shuffled by hash so that a group's
	// rows fall in different row groups (and threads). Row r of a group
	// has ts = r and condition 1 true when r is even, condition 2 when
	// r % 3 = 0 (a row with neither is not kept).
	if _, err := conn.ExecContext(ctx, `CREATE TABLE probe AS
		SELECT g, r FROM (SELECT g, unnest(range(g % 41)) AS r FROM range(41000) t(g)) ORDER BY hash(g * 1000 + r)`); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.QueryContext(ctx, `
		WITH got AS (SELECT g, probe_rows(r, [r % 2 = 0, r % 3 = 0]) AS l FROM probe GROUP BY g),
		     want AS (SELECT g, list(r * 100 + (r % 2 = 0)::INT + 2 * (r % 3 = 0)::INT ORDER BY r)
		                  FILTER (WHERE r % 2 = 0 OR r % 3 = 0) AS l FROM probe GROUP BY g)
		SELECT count(*), count(*) FILTER (WHERE list_sort(coalesce(got.l, [])) IS DISTINCT FROM coalesce(want.l, [])),
		       any_value(g) FILTER (WHERE list_sort(coalesce(got.l, [])) IS DISTINCT FROM coalesce(want.l, []))
		FROM got FULL JOIN want USING (g)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if !rows.Next() {
		t.Fatal("no result")
	}
	var groups, bad int64
	var example *int64
	if err := rows.Scan(&groups, &bad, &example); err != nil {
		t.Fatal(err)
	}
	if groups != 41000-1000 { // size-0 groups have no rows at all
		t.Errorf("%d groups, want 40000", groups)
	}
	if bad != 0 {
		t.Errorf("%d groups came back with other rows than they were given (e.g. group %d)", bad, *example)
	}
}
