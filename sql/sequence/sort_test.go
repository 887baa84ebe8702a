package sequence

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSortEvents compares sortEvents with sort.SliceStable on inputs of
// many shapes and sizes, around the insertion-sort and merge thresholds.
// Each event's Mask holds its input index, so ties out of input order
// show.
func TestSortEvents(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	shapes := map[string]func(i, n int) int64{
		"random":   func(i, n int) int64 { return int64(r.IntN(n + 1)) },
		"ties":     func(i, n int) int64 { return int64(r.IntN(4)) },
		"sorted":   func(i, n int) int64 { return int64(i / 3) },
		"reversed": func(i, n int) int64 { return int64(n - i/2) },
		"runs":     func(i, n int) int64 { return int64(i % (n/4 + 1)) },
		"nearly": func(i, n int) int64 {
			if r.IntN(50) == 0 {
				return int64(r.IntN(n + 1))
			}
			return int64(i)
		},
		"extremes": func(i, n int) int64 {
			return []int64{-1 << 63, 1<<63 - 1, 0, -1, 1}[r.IntN(5)]
		},
	}
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, 23, 24, 25, 95, 96, 97, 100, 1000, 4097, 50000} {
			evs := make([]Event, n)
			for i := range evs {
				evs[i] = Event{TS: shape(i, n), Mask: uint32(i)}
			}
			want := slices.Clone(evs)
			sort.SliceStable(want, func(i, j int) bool { return want[i].TS < want[j].TS })
			sortEvents(evs)
			if !slices.Equal(evs, want) {
				t.Fatalf("%s, %d events: sortEvents differs from sort.SliceStable", name, n)
			}
		}
	}
}
