package sequence

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// benchEvents is one large group: a million events a few seconds to two
// minutes apart, each true for one of eight conditions or for none, in
// time order (as the aggregate collects them from an ordered scan).
var benchEvents = func() []Event {
	r := rand.New(rand.NewPCG(7, 7))
	evs := make([]Event, 1_000_000)
	ts := int64(1_700_000_000)
	for i := range evs {
		ts += int64(r.IntN(120))
		var mask uint32
		if c := r.IntN(10); c < 8 {
			mask = 1 << c
		}
		evs[i] = Event{TS: ts, Mask: mask}
	}
	return evs
}()

// BenchmarkMatch reports the cost per event of Match and Count over the
// large group, for patterns that must read every event (the last
// condition, 9, never occurs, so nothing stops the scan early).
func BenchmarkMatch(b *testing.B) {
	for _, bc := range []struct {
		name, pattern string
		count         bool
	}{
		{"plain", "(?1).*(?2).*(?3).*(?9)", false},
		{"dots", "(?1).(?2)..(?3)(?9)", false},
		{"time", "(?1)(?t<=3600)(?2).*(?t>60)(?3)(?9)", false},
		{"equal", "(?1)(?t==60)(?2)(?9)", false},
		{"count-plain", "(?1).*(?2)", true},
		{"count-time", "(?1)(?t<=600)(?2)", true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			p, err := Compile(bc.pattern, 9, 1)
			if err != nil {
				b.Fatal(err)
			}
			benchPattern(b, p, bc.count, benchEvents, nil)
		})
	}
	// Unsorted input: each iteration copies the group back in and pays for
	// the sort. "shuffled" is the worst case; "4-runs" is what parallel
	// collection hands over: four sorted runs, interleaved in time,
	// concatenated.
	for _, shape := range []struct {
		name  string
		order func([]Event) []Event
	}{
		{"shuffled", func(evs []Event) []Event {
			rand.New(rand.NewPCG(1, 1)).Shuffle(len(evs), func(i, j int) { evs[i], evs[j] = evs[j], evs[i] })
			return evs
		}},
		{"4-runs", func(evs []Event) []Event {
			out := make([]Event, 0, len(evs))
			for run := range 4 {
				for i := run; i < len(evs); i += 4 {
					out = append(out, evs[i])
				}
			}
			return out
		}},
	} {
		b.Run("unsorted-"+shape.name, func(b *testing.B) {
			p, err := Compile("(?1).*(?2).*(?3).*(?9)", 9, 1)
			if err != nil {
				b.Fatal(err)
			}
			from := shape.order(slices.Clone(benchEvents))
			benchPattern(b, p, false, make([]Event, len(from)), from)
		})
	}
	// Many small groups: per-call overhead.
	b.Run("groups-of-20", func(b *testing.B) {
		p, err := Compile("(?1)(?t<=3600)(?2).*(?3)", 9, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			for i := 0; i+20 <= 100_000; i += 20 {
				p.Match(benchEvents[i : i+20])
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/event")
	})
}

// benchPattern runs Match or Count over events; when from is set, each
// iteration first copies it into events.
func benchPattern(b *testing.B, p *Pattern, count bool, events, from []Event) {
	b.ReportAllocs()
	for b.Loop() {
		if from != nil {
			copy(events, from)
		}
		if count {
			p.Count(events)
		} else {
			p.Match(events)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(events)), "ns/event")
}

// BenchmarkCompile is the cost of compiling a typical pattern, for
// callers deciding whether to cache compiled patterns.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile("(?1).*(?2)(?t<=3600)(?3)", 3, 1_000_000); err != nil {
			b.Fatal(err)
		}
	}
}
