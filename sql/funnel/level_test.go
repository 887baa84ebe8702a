package funnel

import (
	"slices"
	"testing"
)

func TestAppendRow(t *testing.T) {
	for _, tc := range []struct {
		name string
		mask uint32
		mode Mode
		want []Event
	}{
		{"none", 0, Mode{}, nil},
		{"none, strict_order", 0, Mode{StrictOrder: true}, []Event{{TS: 7, Cond: 0, Row: 3}}},
		{"one", 1 << 2, Mode{}, []Event{{TS: 7, Cond: 3, Row: 3}}},
		{"several, ascending", 0b1011, Mode{StrictOrder: true}, []Event{{7, 1, 3}, {7, 2, 3}, {7, 4, 3}}},
		{"condition 32", 1 << 31, Mode{}, []Event{{7, 32, 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prefix := []Event{{TS: 1, Cond: 1, Row: 0}}
			got := AppendRow(slices.Clone(prefix), 7, tc.mask, 3, tc.mode)
			if want := append(slices.Clone(prefix), tc.want...); !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// TestLevelSorts checks that Level leaves the events sorted and keeps
// every one of them, on inputs long enough for each sort path.
func TestLevelSorts(t *testing.T) {
	for _, n := range []int{0, 1, 5, insertionMax, insertionMax + 1, 300} {
		var events []Event
		for i := range n {
			events = AppendRow(events, int64((i*7919)%13), uint32(i*2654435761)%16, uint32(i), Mode{StrictOrder: true})
		}
		want := slices.Clone(events)
		slices.SortFunc(want, compareEvents)
		Level(events, 5, 4, Mode{StrictOrder: true})
		if !slices.Equal(events, want) {
			t.Errorf("%d rows: events not sorted in place", n)
		}
		Level(events, 5, 4, Mode{StrictOrder: true})
		if !slices.Equal(events, want) {
			t.Errorf("%d rows: sorted events reordered", n)
		}
	}
}

// TestLevelIgnoresBadEvents checks that events outside the contract
// (Cond above steps, Cond 0 outside strict_order) neither panic nor
// count.
func TestLevelIgnoresBadEvents(t *testing.T) {
	events := []Event{{0, 1, 0}, {1, 0, 1}, {2, 9, 2}, {3, 200, 3}, {4, 2, 4}}
	for _, m := range validModes() {
		got := Level(slices.Clone(events), 10, 2, m)
		want := 2
		if m.StrictOrder {
			want = 1 // the Cond 0 event stops the scan
		}
		if got != want {
			t.Errorf("%v: got %d, want %d", m, got, want)
		}
	}
	if got := Level([]Event{{0, 2, 0}}, 10, 1, Mode{}); got != 0 {
		t.Errorf("one step, only a Cond 2 event: got %d, want 0", got)
	}
}

func TestLevelPanicsOnBadSteps(t *testing.T) {
	for _, steps := range []int{0, -1, MaxSteps + 1} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d steps: no panic", steps)
				}
			}()
			Level([]Event{{0, 1, 0}}, 1, steps, Mode{})
		}()
	}
}

// TestLevelAllocations checks that Level allocates nothing, except in
// strict_once mode when several rows share a timestamp.
func TestLevelAllocations(t *testing.T) {
	var events []Event
	for i := range 200 {
		events = AppendRow(events, int64(200-i), 1<<(i%4), uint32(i), Mode{StrictOrder: true})
	}
	work := make([]Event, len(events))
	for _, m := range validModes() {
		allocs := testing.AllocsPerRun(20, func() {
			copy(work, events)
			Level(work, 50, 4, m)
		})
		if allocs != 0 {
			t.Errorf("%v: %v allocations per call", m, allocs)
		}
	}
}
