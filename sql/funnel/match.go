package funnel

import "slices"

// rowSet holds the rows that share one timestamp and assigns distinct
// rows to funnel steps, a row only to a step whose condition it meets: a
// bipartite matching of steps (at most MaxSteps) to rows, grown one step
// at a time along augmenting paths.
type rowSet struct {
	row  []uint32 // the rows, ascending
	mask []uint32 // per row, bit i when it meets the condition of step i
	step []int8   // per row, the step it is assigned to, or -1
	seen []uint32 // per row, the search that last visited it
	mark uint32   // the current search
	skip int      // a row that may not be assigned, or -1
	// used lists the rows assigned a step, at most one per step, so that
	// start clears only those.
	used  [MaxSteps]int32
	nUsed int
}

// build fills the set from the events of one timestamp, reusing its
// memory.
func (r *rowSet) build(group []Event, steps int) {
	r.row = r.row[:0]
	for i := range group {
		r.row = append(r.row, group[i].Row)
	}
	slices.Sort(r.row)
	r.row = slices.Compact(r.row)
	n := len(r.row)
	r.mask = resize(r.mask, n)
	r.step = resize(r.step, n)
	r.seen = resize(r.seen, n)
	clear(r.mask)
	clear(r.seen)
	r.mark = 0
	for i := range r.step {
		r.step[i] = -1
	}
	r.nUsed = 0
	for i := range group {
		e := &group[i]
		if e.Cond >= 1 && int(e.Cond) <= steps {
			r.mask[r.index(e.Row)] |= 1 << (e.Cond - 1)
		}
	}
}

// resize returns s with length n, reusing its memory when it can.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// index returns the position of row in the set, or -1.
func (r *rowSet) index(row uint32) int {
	i, found := slices.BinarySearch(r.row, row)
	if !found {
		return -1
	}
	return i
}

// start begins a new assignment, in which the row at position skip may
// not take part.
func (r *rowSet) start(skip int) {
	for _, i := range r.used[:r.nUsed] {
		r.step[i] = -1
	}
	r.nUsed = 0
	r.skip = skip
}

// assign adds step to the assignment, reassigning steps already placed
// if needed. It reports false, leaving the assignment as it was, when no
// assignment gives every step so far its own row.
func (r *rowSet) assign(step int) bool {
	r.mark++
	if r.mark == 0 {
		clear(r.seen)
		r.mark = 1
	}
	return r.augment(step)
}

// augment looks for a row for step: a free one if there is one, else
// one whose step can move to another row.
func (r *rowSet) augment(step int) bool {
	bit := uint32(1) << step
	for i, m := range r.mask {
		if m&bit != 0 && i != r.skip && r.step[i] < 0 {
			r.used[r.nUsed] = int32(i)
			r.nUsed++
			r.step[i] = int8(step)
			return true
		}
	}
	for i, m := range r.mask {
		if m&bit == 0 || i == r.skip || r.seen[i] == r.mark {
			continue
		}
		r.seen[i] = r.mark
		if r.augment(int(r.step[i])) {
			r.step[i] = int8(step)
			return true
		}
	}
	return false
}
