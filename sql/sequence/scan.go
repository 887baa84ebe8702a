package sequence

// The matcher simulates the pattern as a nondeterministic automaton over
// the sorted events, one pass, keeping the set of steps "entered" at the
// current event as a bit set (bit k for steps[k], p.final for "matched"):
//
//   - "(?N)" and "." entered at an event consume it if it qualifies, and
//     enter the next step at the following event;
//   - ".*" stays entered from then on, and enters the next step at every
//     event (the next step may start on any later event);
//   - "(?t op N)" records its anchor in a timeWait and enters the next step
//     at every event, from the one it was entered on, that is far enough
//     from (or near enough to) an anchor.
//
// ".*" and time steps do not consume, so they are resolved in step order
// within one event before the consuming steps look at it. The first event
// at which p.final is entered ends the earliest-ending match; doc.go
// explains why that is the match ClickHouse's backtracking finds.

// timeState is the per-scan memory of a pattern's time steps, one
// timeWait each; Match and Count take one from the pattern's pool.
type timeState struct {
	waits []timeWait
}

// maxPooledQueue is the largest "==" anchor queue kept in the pool.
const maxPooledQueue = 1 << 16

// getState returns working memory for a pattern with time steps, nil for
// one without.
func (p *Pattern) getState() *timeState {
	if !p.hasTime {
		return nil
	}
	if st, ok := p.states.Get().(*timeState); ok {
		return st
	}
	return &timeState{waits: make([]timeWait, p.waits)}
}

// putState returns working memory to the pool, dropping unusually large
// "==" queues rather than keeping them alive.
func (p *Pattern) putState(st *timeState) {
	if st == nil {
		return
	}
	for i := range st.waits {
		if cap(st.waits[i].queue) > maxPooledQueue {
			st.waits[i].queue = nil
		}
	}
	p.states.Put(st)
}

// scan finds the earliest-ending match of the pattern that starts at or
// after events[start], in sorted events. It returns the index just past
// the match (the first event the match does not consume) and whether
// there is a match. st is nil exactly when the pattern has no time steps.
func (p *Pattern) scan(events []Event, start int, st *timeState) (end int, ok bool) {
	if st == nil {
		return p.scanPlain(events, start)
	}
	for i := range st.waits {
		st.waits[i].reset()
	}
	return p.scanTimed(events, start, st)
}

// scanPlain is scan for patterns without time steps: pure bit operations,
// because ".*" steps are never adjacent (Compile merges them) and so one
// shift resolves them.
func (p *Pattern) scanPlain(events []Event, start int) (int, bool) {
	active := uint64(1) // the implicit leading ".*"
	arrived := active   // steps entered by consuming the last visible event
	for i := start; i < len(events); i++ {
		m := events[i].Mask & p.condMask
		if m == 0 {
			continue
		}
		active |= (active & p.starMask) << 1
		if active&p.final != 0 {
			return i, true
		}
		arrived = (active & p.satisfied(m)) << 1
		if arrived&p.final != 0 {
			return i + 1, true
		}
		active = arrived | active&p.starMask
	}
	return len(events), arrived&p.endMask != 0
}

// scanTimed is scan for patterns with time steps.
func (p *Pattern) scanTimed(events []Event, start int, st *timeState) (int, bool) {
	active := uint64(1)
	arrived := active
	var consumedTS int64 // timestamp of the last visible event, once consumed
	for i := start; i < len(events); i++ {
		m := events[i].Mask & p.condMask
		if m == 0 {
			continue
		}
		ts := events[i].TS
		active = p.resolve(active, ts, consumedTS, st)
		if active&p.final != 0 {
			return i, true
		}
		arrived = (active & p.satisfied(m)) << 1
		if arrived&p.final != 0 {
			return i + 1, true
		}
		active = arrived | active&p.starMask
		consumedTS = ts
	}
	return len(events), arrived&p.endMask != 0
}

// resolve enters the steps that ".*" and time steps lead to at an event
// with timestamp ts, in step order so that chains (".*" then a time step,
// a time step then ".*") resolve in one pass. consumedTS is the anchor of
// a time step entered by consuming the previous event. The common tests
// are written out here rather than called, for speed; timeWait has the
// rest.
func (p *Pattern) resolve(active uint64, ts, consumedTS int64, st *timeState) uint64 {
	for i := range p.eps {
		e := &p.eps[i]
		if e.test == testStar {
			active |= (active & e.bit) << 1
			continue
		}
		w := &st.waits[e.wait]
		if active&e.bit != 0 {
			anchor := consumedTS
			if e.anchorHere {
				anchor = ts
			}
			w.enter(e, anchor)
		}
		if !w.active {
			continue
		}
		var fire bool
		switch e.test {
		case testBelow: // "<" and "<=": near enough to the latest anchor
			fire = distance(w.anchor, ts) < e.limit
		case testAbove: // ">" and ">=": far enough from the earliest, for good
			if !w.open {
				w.open = distance(w.anchor, ts) > e.limit
			}
			fire = w.open
		default:
			fire = w.fires(e, ts)
		}
		if fire {
			active |= e.bit << 1
		}
	}
	return active
}
