package funnel

import (
	"cmp"
	"math/bits"
	"slices"
)

// insertionMax is the longest slice sortEvents sorts by insertion; most
// groups are shorter.
const insertionMax = 32

// quickMin is the length under which quickSort leaves a part to
// insertion sort.
const quickMin = 12

// sortEvents orders events by timestamp, then condition, then row. The
// order is total, so no stable sort is needed: events equal under it are
// identical.
func sortEvents(ev []Event) {
	if len(ev) <= insertionMax {
		insertionSort(ev)
		return
	}
	if isSorted(ev) {
		return
	}
	quickSort(ev, 2*bits.Len(uint(len(ev))))
}

// quickSort sorts ev by quicksort with the comparison inlined, which is
// about twice as fast as slices.SortFunc here. After budget levels of
// partitioning it hands over to slices.SortFunc, which bounds the worst
// case.
func quickSort(ev []Event, budget int) {
	for len(ev) > quickMin {
		if budget == 0 {
			slices.SortFunc(ev, compareEvents)
			return
		}
		budget--
		p := partition(ev)
		if p < len(ev)-1-p {
			quickSort(ev[:p], budget)
			ev = ev[p+1:]
		} else {
			quickSort(ev[p+1:], budget)
			ev = ev[:p]
		}
	}
	insertionSort(ev)
}

// partition reorders ev around a pivot, the median of its first, middle
// and last events, and returns the pivot's final position: no event
// before it sorts after it, none after it sorts before it.
func partition(ev []Event) int {
	m := median3(ev, 0, len(ev)/2, len(ev)-1)
	ev[0], ev[m] = ev[m], ev[0]
	pivot := ev[0]
	i, j := 1, len(ev)-1
	for {
		for i <= j && before(&ev[i], &pivot) {
			i++
		}
		for i <= j && before(&pivot, &ev[j]) {
			j--
		}
		if i >= j {
			break
		}
		ev[i], ev[j] = ev[j], ev[i]
		i++
		j--
	}
	ev[0], ev[j] = ev[j], ev[0]
	return j
}

// median3 returns whichever of positions a, b and c holds the median
// event.
func median3(ev []Event, a, b, c int) int {
	if before(&ev[b], &ev[a]) {
		a, b = b, a
	}
	if !before(&ev[c], &ev[b]) {
		return b
	}
	if before(&ev[c], &ev[a]) {
		return a
	}
	return c
}

// before reports whether a sorts before b.
func before(a, b *Event) bool {
	if a.TS != b.TS {
		return a.TS < b.TS
	}
	return tieKey(a) < tieKey(b)
}

// tieKey packs the condition and the row of e into one integer that
// orders events of equal timestamps.
func tieKey(e *Event) uint64 {
	return uint64(e.Cond)<<32 | uint64(e.Row)
}

// compareEvents is before as a three-way comparison.
func compareEvents(a, b Event) int {
	if c := cmp.Compare(a.TS, b.TS); c != 0 {
		return c
	}
	return cmp.Compare(tieKey(&a), tieKey(&b))
}

// insertionSort sorts a short slice; on sorted input it costs one
// comparison per event.
func insertionSort(ev []Event) {
	for i := 1; i < len(ev); i++ {
		if !before(&ev[i], &ev[i-1]) {
			continue
		}
		x := ev[i]
		j := i
		for j > 0 && before(&x, &ev[j-1]) {
			ev[j] = ev[j-1]
			j--
		}
		ev[j] = x
	}
}

// isSorted reports whether ev is already in order.
func isSorted(ev []Event) bool {
	for i := 1; i < len(ev); i++ {
		if before(&ev[i], &ev[i-1]) {
			return false
		}
	}
	return true
}
