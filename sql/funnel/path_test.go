package funnel

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestLevelPathTimestamps(t *testing.T) {
	rows := func(pairs ...int64) []Event { // (ts, cond) pairs, one row each
		var ev []Event
		for i := 0; i+1 < len(pairs); i += 2 {
			ev = AppendRow(ev, pairs[i], 1<<(pairs[i+1]-1), uint32(i), Mode{})
		}
		return ev
	}
	cases := []struct {
		name   string
		events []Event
		window int64
		steps  int
		level  int
		path   []int64
	}{
		{"whole chain", rows(10, 1, 20, 2, 30, 3), 100, 3, 3, []int64{10, 20, 30}},
		{"later start takes over step 1 only", rows(10, 1, 20, 2, 50, 1, 60, 3), 100, 3, 3, []int64{10, 20, 60}},
		{"window cuts step 3", rows(10, 1, 20, 2, 200, 3), 100, 3, 2, []int64{10, 20}},
		{"one step", rows(40, 1, 30, 1), 100, 1, 1, []int64{30}},
		{"nothing", rows(5, 2), 100, 2, 0, nil},
	}
	for _, c := range cases {
		level, path, ok := LevelPath(slices.Clone(c.events), c.window, c.steps, Mode{}, nil)
		if !ok || level != c.level || !slices.Equal(path, c.path) {
			t.Errorf("%s: level %d path %v ok %v, want %d %v", c.name, level, path, ok, c.level, c.path)
		}
	}
}

// TestLevelPathAgreesWithLevel checks, on random groups in every mode but
// strict_once, that LevelPath's level is Level's and that its path is a
// real chain: one timestamp per step, non-decreasing, within the window
// of its first step, each at an event of that step.
func TestLevelPathAgreesWithLevel(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		steps := 1 + r.IntN(5)
		window := int64(r.IntN(30))
		mode := Mode{StrictDeduplication: r.IntN(2) == 0, StrictOrder: r.IntN(2) == 0, StrictIncrease: r.IntN(2) == 0}
		var ev []Event
		for row := 0; row < r.IntN(12); row++ {
			ev = AppendRow(ev, int64(r.IntN(40)), uint32(r.IntN(1<<steps)), uint32(row), mode)
		}
		want := Level(slices.Clone(ev), window, steps, mode)
		level, path, ok := LevelPath(slices.Clone(ev), window, steps, mode, nil)
		if !ok || level != want || len(path) != level {
			t.Fatalf("case %d: level %d path %v, Level says %d (mode %v)", i, level, path, want, mode)
		}
		for k, ts := range path {
			if k > 0 && (ts < path[k-1] || ts > path[0]+window) {
				t.Fatalf("case %d: path %v breaks order or window %d", i, path, window)
			}
			if !slices.ContainsFunc(ev, func(e Event) bool { return e.TS == ts && int(e.Cond) == k+1 }) {
				t.Fatalf("case %d: no step-%d event at %d", i, k+1, ts)
			}
		}
	}
}
