package funnel

import "math/bits"

// MaxSteps is the largest number of conditions (funnel steps) a funnel
// may have.
const MaxSteps = 32

// Event is one (timestamp, condition) pair of a group. An input row
// contributes one Event per true condition; in strict_order mode a row
// with no true condition contributes one Event with Cond 0.
type Event struct {
	TS   int64  // the row's timestamp, in the caller's unit
	Cond uint8  // the condition's number, 1..steps; 0 for a row matching none
	Row  uint32 // the row's number in its group, distinct per row (strict_once)
}

// AppendRow appends the events of one input row to dst and returns the
// extended slice: one event per set bit of mask (bit k-1 set means
// condition k is true; the caller folds NULL into false), or, when mask
// is zero, one Cond 0 event in strict_order mode and nothing otherwise.
// row must differ between the rows of a group.
func AppendRow(dst []Event, ts int64, mask uint32, row uint32, mode Mode) []Event {
	if mask == 0 {
		if mode.StrictOrder {
			dst = append(dst, Event{TS: ts, Row: row})
		}
		return dst
	}
	for m := mask; m != 0; m &= m - 1 {
		dst = append(dst, Event{TS: ts, Cond: uint8(bits.TrailingZeros32(m)) + 1, Row: row})
	}
	return dst
}
