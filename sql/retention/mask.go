package retention

import "github.com/martdb/martdb/sql/eventagg"

// listAggregate is the name of the internal aggregate behind the
// retention(conds) macro.
const listAggregate = "_martdb_retention"

// listSpec is the internal aggregate _martdb_retention(ts BIGINT, conds
// BOOLEAN[]) -> INTEGER[]. The retention(conds) macro calls it with a
// constant timestamp: only the conditions matter, and only which of them
// held somewhere in the group, so the collector folds each group's rows
// into one mask (no row is kept).
var listSpec = eventagg.Spec{
	Name:         listAggregate,
	Result:       eventagg.ListInteger,
	FoldMasks:    true,
	Overloads:    []eventagg.Overload{{TS: eventagg.Int64}},
	FinalizeList: finalizeList,
}

// finalizeList is one group's retention result [r1, ..., rN]: N is the
// number of conditions (the longest condition list of the group), and
// rk = 1 when condition 1 held on some row and condition k held on some
// row (r1: condition 1 held). A group with no condition list at all
// (every list NULL, or no rows) gives NULL.
func finalizeList(g *eventagg.Group, dst []int64) ([]int64, bool, error) {
	if g.Steps == 0 {
		return dst, false, nil
	}
	union := unionMask(g.Rows)
	if union&1 == 0 {
		union = 0
	}
	for k := 0; k < g.Steps; k++ {
		dst = append(dst, int64(union>>k&1))
	}
	return dst, true, nil
}

// unionMask ORs the condition masks of rows.
func unionMask(rows []eventagg.Row) uint32 {
	var m uint32
	for _, r := range rows {
		m |= r.Mask
	}
	return m
}
