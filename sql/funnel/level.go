package funnel

import (
	"fmt"
	"math"
	"math/bits"
)

// Level sorts events in place and returns the funnel level of the group
// they come from: 0 when no step-1 event was seen, else the number of
// steps of the longest chain found, at most steps. window is in the unit
// of the timestamps (a negative window admits nothing after step 1);
// steps is the number of conditions, 1..MaxSteps (a programming error
// otherwise: Level panics).
//
// The events should come from AppendRow with the same mode, one call per
// row, each row with its own number (strict_once tells rows apart by it,
// and relies on a row's events sharing its timestamp). An event whose
// Cond exceeds steps, or a Cond 0 event outside strict_order, is ignored.
func Level(events []Event, window int64, steps int, mode Mode) int {
	if steps < 1 || steps > MaxSteps {
		panic(fmt.Sprintf("funnel.Level: %d steps, want 1..%d", steps, MaxSteps))
	}
	if len(events) == 0 {
		return 0
	}
	if (steps == 1 && !mode.StrictOrder) || window < 0 {
		return oneStep(events)
	}
	sortEvents(events)
	if mode.StrictOnce {
		return scanOnce(events, window, steps, mode)
	}
	return scan(events, window, steps, mode, nil)
}

// oneStep is 1 if there is a step-1 event, else 0: the level of a
// one-step funnel outside strict_order, and of any funnel whose window is
// negative (no event can follow a step-1 event within it). No sort is
// needed.
func oneStep(events []Event) int {
	for i := range events {
		if events[i].Cond == 1 {
			return 1
		}
	}
	return 0
}

// link is what the scan keeps of the latest chain reaching a step: the
// chain's deadline (its step-1 timestamp plus the window) and the
// timestamp of its event for this step.
type link struct {
	deadline int64
	ts       int64
}

// paths records, per step, the timestamps of the chain the step holds:
// paths[i][0..i] are the timestamps of steps 1..i+1 of that chain.
type paths [MaxSteps][MaxSteps]int64

// scan is the single pass over sorted events for every mode but
// strict_once. Step i (0-based) holds at most one chain, the latest to
// reach it; set has bit i when step i holds one. When p is not nil, it
// also records each held chain's timestamps.
func scan(events []Event, window int64, steps int, m Mode, p *paths) int {
	var chain [MaxSteps]link
	var set uint32
	for i := range events {
		e := &events[i]
		k := int(e.Cond)
		if k == 0 {
			if m.StrictOrder && set&1 != 0 {
				break
			}
			continue
		}
		if k > steps {
			continue
		}
		if k == 1 {
			chain[0] = link{deadline(e.TS, window), e.TS}
			set |= 1
			if p != nil {
				p[0][0] = e.TS
			}
			continue
		}
		bit := uint32(1) << (k - 1)
		if m.StrictDeduplication && set&bit != 0 {
			return highest(set)
		}
		if set&(bit>>1) == 0 {
			if m.StrictOrder && set&1 != 0 && !m.AllowReentry {
				return firstUnset(set)
			}
			continue
		}
		prev := &chain[k-2]
		if e.TS > prev.deadline || m.StrictIncrease && prev.ts >= e.TS {
			continue
		}
		chain[k-1] = link{prev.deadline, e.TS}
		set |= bit
		if p != nil {
			copy(p[k-1][:k-1], p[k-2][:k-1])
			p[k-1][k-1] = e.TS
		}
		if k == steps {
			return steps
		}
	}
	return highest(set)
}

// deadline is ts + window for a window >= 0, saturated at MaxInt64: the
// last timestamp a chain starting at ts may use. Saturating loses
// nothing, as no timestamp lies beyond MaxInt64.
func deadline(ts, window int64) int64 {
	if d := ts + window; d >= ts {
		return d
	}
	return math.MaxInt64
}

// highest is the number of the highest step holding a chain (0 if none).
func highest(set uint32) int {
	return bits.Len32(set)
}

// firstUnset is the number of leading steps that hold a chain.
func firstUnset(set uint32) int {
	return bits.TrailingZeros32(^set)
}
