package sequence

import (
	"cmp"
	"slices"
	"sync"
)

// The matcher needs events in timestamp order, ties in the order given.
// slices.SortStableFunc sorts in place without memory, but in O(n log² n)
// moves, which costs close to a microsecond an event on a million events.
// Groups usually arrive sorted, or as a few sorted runs concatenated (one
// per thread that collected them), so this is a bottom-up merge sort that
// skips merges whose halves are already in order and trims the parts of
// each merge already in place; it borrows its buffer from a pool.

// insertionRun is the length of the blocks insertion-sorted before merging.
const insertionRun = 24

// maxPooledSortBuffer is the largest buffer kept in the pool, in events
// (16 MiB); a larger group allocates its own each time.
const maxPooledSortBuffer = 1 << 20

var sortBuffers sync.Pool // of *[]Event

// sortEvents puts events in timestamp order, in place, keeping rows with
// equal timestamps in the order they were given in. Sorted input costs
// one pass.
func sortEvents(events []Event) {
	if slices.IsSortedFunc(events, compareTS) {
		return
	}
	if len(events) <= 4*insertionRun {
		insertionSort(events)
		return
	}
	bufp, _ := sortBuffers.Get().(*[]Event)
	if bufp == nil {
		bufp = new([]Event)
	}
	if cap(*bufp) < len(events) { // a left run is always shorter than the input
		*bufp = make([]Event, 0, len(events))
	}
	mergeSort(events, *bufp)
	if cap(*bufp) <= maxPooledSortBuffer {
		sortBuffers.Put(bufp)
	}
}

func compareTS(a, b Event) int { return cmp.Compare(a.TS, b.TS) }

// mergeSort sorts events stably; buf must hold len(events) events.
func mergeSort(events, buf []Event) {
	n := len(events)
	for lo := 0; lo < n; lo += insertionRun {
		insertionSort(events[lo:min(lo+insertionRun, n)])
	}
	for width := insertionRun; width < n; width *= 2 {
		for lo := 0; lo+width < n; lo += 2 * width {
			merge(events[lo:min(lo+2*width, n)], width, buf)
		}
	}
}

// merge merges the sorted runs a[:mid] and a[mid:] in place, left before
// right on ties. The left run's elements not after a[mid], and the right
// run's elements not before a[mid-1], are already where they belong; only
// the rest is moved, through buf.
func merge(a []Event, mid int, buf []Event) {
	if a[mid-1].TS <= a[mid].TS {
		return
	}
	lo := upperBound(a[:mid], a[mid].TS)
	hi := mid + lowerBound(a[mid:], a[mid-1].TS)
	left := append(buf[:0], a[lo:mid]...)
	i, j, k := 0, mid, lo
	for i < len(left) && j < hi {
		if a[j].TS < left[i].TS {
			a[k] = a[j]
			j++
		} else {
			a[k] = left[i]
			i++
		}
		k++
	}
	copy(a[k:], left[i:]) // what is left of the right run is already in place
}

// upperBound returns the first index whose timestamp is after ts.
func upperBound(a []Event, ts int64) int {
	lo, hi := 0, len(a)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a[m].TS <= ts {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// lowerBound returns the first index whose timestamp is not before ts.
func lowerBound(a []Event, ts int64) int {
	lo, hi := 0, len(a)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a[m].TS < ts {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// insertionSort sorts a short slice stably.
func insertionSort(a []Event) {
	for i := 1; i < len(a); i++ {
		e := a[i]
		j := i
		for j > 0 && a[j-1].TS > e.TS {
			a[j] = a[j-1]
			j--
		}
		a[j] = e
	}
}
