package sequence

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestConcurrentUse runs one Pattern from several goroutines, each on its
// own groups, and checks every answer against a sequential run. Run with
// -race to check the shared state too.
func TestConcurrentUse(t *testing.T) {
	p, err := Compile("(?1)(?t<=5)(?2).*(?t==3)(?3)", 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	groups := make([][]Event, 200)
	for i := range groups {
		groups[i] = make([]Event, 1+r.IntN(300))
		for j := range groups[i] {
			groups[i][j] = Event{TS: int64(r.IntN(200)), Mask: uint32(r.IntN(8))}
		}
	}
	type answer struct {
		match bool
		count int64
	}
	want := make([]answer, len(groups))
	for i, g := range groups {
		want[i] = answer{p.Match(slices.Clone(g)), p.Count(slices.Clone(g))}
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(groups); i += 4 {
				got := answer{p.Match(slices.Clone(groups[i])), p.Count(slices.Clone(groups[i]))}
				if got != want[i] {
					t.Errorf("group %d: concurrent answer %+v, sequential %+v", i, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// TestNoAllocations checks that matching sorted events allocates nothing
// once the pattern's pool is warm.
func TestNoAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	events := slices.Clone(benchEvents[:10_000])
	for _, pattern := range []string{"(?1).*(?2).*(?9)", "(?1)(?t<=3600)(?2).*(?t>60)(?9)", "(?1)(?t==60)(?2)"} {
		p, err := Compile(pattern, 9, 1)
		if err != nil {
			t.Fatal(err)
		}
		p.Match(events)
		p.Count(events)
		if n := testing.AllocsPerRun(20, func() { p.Match(events); p.Count(events) }); n != 0 {
			t.Errorf("%s: %v allocations per Match and Count", pattern, n)
		}
	}
}
