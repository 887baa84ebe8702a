package retention

import "github.com/martdb/martdb/sql/eventagg"

// maskAggregate is the name of the internal aggregate behind the
// retention(conds) macro.
const maskAggregate = "_martdb_retention_mask"

// maskSpec is the internal aggregate _martdb_retention_mask(ts BIGINT,
// conds BOOLEAN[]) -> BIGINT. The retention(conds) macro calls it with a
// constant timestamp: only the conditions matter.
var maskSpec = eventagg.Spec{
	Name:      maskAggregate,
	Result:    eventagg.BigInt,
	FoldMasks: true, // only the union of the masks matters
	Overloads: []eventagg.Overload{{TS: eventagg.Int64}},
	Finalize:  finalizeMask,
}

// finalizeMask packs one group's retention result into a BIGINT: bits 0 to
// 31 hold r1..rN (bit k-1 for rk) and bits 32 and up hold N, the number of
// conditions (the longest condition list of the group). The bits are the
// union of the masks of the group's rows, kept only when condition 1 holds
// on some row: rk = c1 somewhere AND ck somewhere. A group with no
// condition list at all (every list NULL, or no rows) gives NULL.
func finalizeMask(g *eventagg.Group) (int64, bool, error) {
	if g.Steps == 0 {
		return 0, false, nil
	}
	return pack(unionMask(g.Rows), g.Steps), true, nil
}

// unionMask ORs the condition masks of rows.
func unionMask(rows []eventagg.Row) uint32 {
	var m uint32
	for _, r := range rows {
		m |= r.Mask
	}
	return m
}

// pack applies the rule on condition 1 to the union mask and puts the
// number of conditions above it.
func pack(union uint32, steps int) int64 {
	if union&1 == 0 {
		union = 0
	}
	return int64(union) | int64(steps)<<32
}
