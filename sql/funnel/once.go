package funnel

import "math/bits"

// The strict_once pass.
//
// ClickHouse keeps, per step, every chain reaching it together with the
// rows it used, and extends each chain whose rows do not include the
// event's row. Their number can grow combinatorially when many rows share
// a timestamp. This pass computes the same result from less:
//
//   - What a chain ending before the current timestamp can still do
//     depends only on its deadline: the rows it used all have earlier
//     timestamps, and a row's events all share its timestamp, so none of
//     them comes again; with strict_increase such a chain is also the only
//     kind that can be extended. Per step the pass keeps the latest
//     deadline of those chains.
//   - A chain ending at the current timestamp T came from an older chain
//     (or a step-1 row at T) followed by distinct rows at T, one per step,
//     each meeting its step's condition. Events at T are sorted by
//     condition, so when an event for step s arrives every such chain
//     for step s-1 exists. Whether one avoids the event's row is a
//     question of assigning distinct rows to steps, which rowSet answers
//     by bipartite matching. An assignment exists exactly when ClickHouse
//     built the chain: each of its rows' events came after the chain it
//     extends existed, so that event did extend it (or the scan stopped
//     first, and nothing later matters).
//
// Which steps hold a chain (all the modes look at) is tracked exactly.

// onceScan is the state of the strict_once pass. Steps are 0-based here:
// step i is condition i+1.
type onceScan struct {
	window int64
	steps  int
	mode   Mode
	set    uint32 // steps holding at least one chain
	old    uint32 // steps holding a chain that ends before the current timestamp
	cur    uint32 // steps holding a chain that ends at the current timestamp
	// oldDeadline and curDeadline are, per step, the latest deadline of
	// the chains in old and cur.
	oldDeadline [MaxSteps]int64
	curDeadline [MaxSteps]int64
	group       []Event // the events at the current timestamp
	shared      bool    // group holds events of more than one row
	rows        rowSet  // the rows of group, once built
	rowsBuilt   bool
}

// scanOnce is the pass over sorted events in strict_once mode.
func scanOnce(events []Event, window int64, steps int, m Mode) int {
	s := onceScan{window: window, steps: steps, mode: m}
	for start := 0; start < len(events); {
		end, shared := groupAt(events, start)
		s.beginGroup(events[start:end], shared)
		for i := start; i < end; i++ {
			if level, stop := s.step(&events[i]); stop {
				return level
			}
		}
		s.endGroup()
		start = end
	}
	return highest(s.set)
}

// groupAt returns the end of the run of events sharing the timestamp of
// events[start], and whether that run holds events of more than one row.
func groupAt(events []Event, start int) (end int, shared bool) {
	ts, row := events[start].TS, events[start].Row
	end = start + 1
	for end < len(events) && events[end].TS == ts {
		shared = shared || events[end].Row != row
		end++
	}
	return end, shared
}

// beginGroup starts the events of a new timestamp.
func (s *onceScan) beginGroup(group []Event, shared bool) {
	s.group, s.shared, s.rowsBuilt = group, shared, false
}

// endGroup ages the chains that end at the timestamp just done.
func (s *onceScan) endGroup() {
	for c := s.cur; c != 0; c &= c - 1 {
		i := bits.TrailingZeros32(c)
		if s.old&(1<<i) == 0 || s.curDeadline[i] > s.oldDeadline[i] {
			s.oldDeadline[i] = s.curDeadline[i]
		}
	}
	s.old |= s.cur
	s.cur = 0
}

// step applies one event. stop reports that the scan ends with level.
func (s *onceScan) step(e *Event) (level int, stop bool) {
	k := int(e.Cond)
	switch {
	case k == 0:
		return highest(s.set), s.mode.StrictOrder && s.set&1 != 0
	case k > s.steps:
		return 0, false
	case k == 1:
		s.add(0, deadline(e.TS, s.window))
		return 0, false
	}
	bit := uint32(1) << (k - 1)
	if s.mode.StrictDeduplication && s.set&bit != 0 {
		return highest(s.set), true
	}
	if s.set&(bit>>1) == 0 {
		if s.mode.StrictOrder && s.set&1 != 0 && !s.mode.AllowReentry {
			return firstUnset(s.set), true
		}
		return 0, false
	}
	d, ok := s.extend(k-1, e)
	if !ok {
		return 0, false
	}
	s.add(k-1, d)
	return k, k == s.steps
}

// add records a chain reaching step i, ending at the current timestamp,
// with deadline d.
func (s *onceScan) add(i int, d int64) {
	bit := uint32(1) << i
	if s.cur&bit == 0 || d > s.curDeadline[i] {
		s.curDeadline[i] = d
	}
	s.cur |= bit
	s.set |= bit
}

// extend looks for the chains of step i-1 that e (an event for step i)
// extends, and returns the latest deadline among them.
func (s *onceScan) extend(i int, e *Event) (best int64, ok bool) {
	best, ok = s.oldChain(i-1, e.TS)
	if s.mode.StrictIncrease || !s.shared || s.cur&(1<<(i-1)) == 0 {
		return best, ok
	}
	// Chains ending at this timestamp: one whose rows at this timestamp
	// fill steps j..i-1 starts from an older chain of step j-1, or from a
	// step-1 row here when j is 0. Steps are added from i-1 down, so
	// once no rows can be found, none can for a lower j either.
	rows := s.groupRows()
	rows.start(rows.index(e.Row))
	for j := i - 1; j >= 0 && rows.assign(j); j-- {
		d, valid := deadline(e.TS, s.window), true
		if j > 0 {
			d, valid = s.oldChain(j-1, e.TS)
		}
		if valid && (!ok || d > best) {
			best, ok = d, true
		}
	}
	return best, ok
}

// oldChain returns the latest deadline among the chains of step i that
// end before the current timestamp, if ts is within it.
func (s *onceScan) oldChain(i int, ts int64) (int64, bool) {
	if s.old&(1<<i) == 0 || ts > s.oldDeadline[i] {
		return 0, false
	}
	return s.oldDeadline[i], true
}

// groupRows returns the rows of the current timestamp, building them on
// first use.
func (s *onceScan) groupRows() *rowSet {
	if !s.rowsBuilt {
		s.rows.build(s.group, s.steps)
		s.rowsBuilt = true
	}
	return &s.rows
}
