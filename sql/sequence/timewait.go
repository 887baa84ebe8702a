package sequence

import "math"

// epsStep is a ".*" or time step as the matcher's inner loop reads it:
// its bit, and for a time step the comparison its operator reduces to.
type epsStep struct {
	bit        uint64
	test       timeTest
	anchorHere bool   // the anchor is the event the step is entered on
	limit      uint64 // for testBelow, testAbove and testEqual
	wait       int32  // index of the step's timeWait
}

// timeTest is what a time step checks of the distance d from an anchor.
type timeTest uint8

const (
	testStar   timeTest = iota // not a time step: ".*"
	testBelow                  // d < limit: "<" and "<="
	testAbove                  // d > limit: ">" and ">="
	testEqual                  // d == limit: "=="
	testAlways                 // any d
	testNever                  // no d
)

// timeTestOf reduces a time step's operator and duration to one test.
// Distances are uint64, so "<= N" is "< N+1" and ">= N" is "> N-1",
// except at the ends of the range, where the test is constant.
func timeTestOf(s step) epsStep {
	e := epsStep{anchorHere: s.anchorHere, limit: s.ticks}
	switch {
	case s.infinite && (s.op == opLT || s.op == opLE):
		e.test = testAlways
	case s.infinite:
		e.test = testNever
	case s.op == opLT && s.ticks == 0, s.op == opGT && s.ticks == math.MaxUint64:
		e.test = testNever
	case s.op == opLE && s.ticks == math.MaxUint64, s.op == opGE && s.ticks == 0:
		e.test = testAlways
	case s.op == opLT:
		e.test = testBelow
	case s.op == opLE:
		e.test, e.limit = testBelow, s.ticks+1
	case s.op == opGT:
		e.test = testAbove
	case s.op == opGE:
		e.test, e.limit = testAbove, s.ticks-1
	default:
		e.test = testEqual
	}
	return e
}

// timeWait is what a time step remembers during one scan: the anchors it
// was entered with (the timestamps it measures from), reduced to what its
// test needs. The step fires on any event, at or after the one it was
// entered on, whose distance from an anchor passes the test. Anchors
// arrive in non-decreasing order, because events are sorted and a step is
// entered on ever later events.
type timeWait struct {
	active bool
	// open: a testAbove step has fired; distances only grow, so it fires
	// on every later event too.
	open bool
	// For testBelow, the latest anchor, which every later event is nearest
	// to; for testAbove, the earliest, which every later event is farthest
	// from.
	anchor int64
	// For testEqual: the distinct anchors not yet left behind, ascending,
	// from queue[head]. An anchor is left behind once an event lies more
	// than limit after it: every later event does too.
	queue []int64
	head  int
}

// reset forgets every anchor, keeping the queue's memory.
func (w *timeWait) reset() {
	w.active, w.open = false, false
	w.queue = w.queue[:0]
	w.head = 0
}

// enter records that the step was entered with the given anchor.
func (w *timeWait) enter(e *epsStep, anchor int64) {
	switch e.test {
	case testBelow:
		w.anchor = anchor
	case testAbove:
		if !w.active {
			w.anchor = anchor
		}
	case testEqual:
		w.push(anchor)
	}
	w.active = true
}

// push appends a new distinct anchor for testEqual, compacting the queue
// when most of it has been left behind.
func (w *timeWait) push(anchor int64) {
	if n := len(w.queue); n > w.head && w.queue[n-1] == anchor {
		return
	}
	if w.head > 0 && w.head >= len(w.queue)/2 {
		w.queue = w.queue[:copy(w.queue, w.queue[w.head:])]
		w.head = 0
	}
	w.queue = append(w.queue, anchor)
}

// fires reports whether an event at ts passes a testEqual, testAlways or
// testNever step against one of its anchors (resolve writes out the other
// tests). ts is never before an anchor, so the distance is the unsigned
// difference, exact for any two int64 timestamps.
func (w *timeWait) fires(e *epsStep, ts int64) bool {
	switch e.test {
	case testEqual:
		for w.head < len(w.queue) && distance(w.queue[w.head], ts) > e.limit {
			w.head++
		}
		return w.head < len(w.queue) && distance(w.queue[w.head], ts) == e.limit
	case testAlways:
		return w.active
	}
	return false
}

// distance is to - from for from <= to, without overflow.
func distance(from, to int64) uint64 { return uint64(to) - uint64(from) }
