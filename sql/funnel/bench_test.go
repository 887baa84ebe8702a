package funnel

import (
	"math/rand/v2"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
)

// benchRow is one input row as martdb's aggregate collects it.
type benchRow struct {
	ts   int64
	mask uint32
}

// benchGroups draws groups like those of a shop's event log: sizes from 1
// to 200 rows, most under 32; timestamps in microseconds with gaps of
// seconds to hours; each row a page view, product view, add to cart or
// purchase (the 4 steps) in decreasing proportions, or an event meeting
// no step. With shuffled the rows arrive out of time order.
func benchGroups(n int, shuffled bool) [][]benchRow {
	rng := rand.New(rand.NewPCG(42, 42))
	groups := make([][]benchRow, n)
	for g := range groups {
		var size int
		switch p := rng.Float64(); {
		case p < 0.60:
			size = 1 + rng.IntN(8)
		case p < 0.85:
			size = 9 + rng.IntN(24)
		case p < 0.97:
			size = 33 + rng.IntN(68)
		default:
			size = 101 + rng.IntN(100)
		}
		ts := int64(1_700_000_000_000_000) + rng.Int64N(1_000_000_000_000)
		rows := make([]benchRow, size)
		for i := range rows {
			if rng.IntN(10) == 0 {
				ts += rng.Int64N(6 * 3600 * 1_000_000) // a new session
			} else {
				ts += rng.Int64N(120 * 1_000_000)
			}
			var mask uint32
			switch p := rng.Float64(); {
			case p < 0.45:
				mask = 1 // page view
			case p < 0.70:
				mask = 2 // product view
			case p < 0.80:
				mask = 4 // add to cart
			case p < 0.85:
				mask = 8 // purchase
			} // else an event meeting no step
			rows[i] = benchRow{ts, mask}
		}
		if shuffled {
			rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		}
		groups[g] = rows
	}
	return groups
}

// BenchmarkLevel measures what martdb's aggregate does per group: build
// the events with AppendRow into a reused buffer, then Level, 4 steps, a
// one-day window. It reports the cost per event.
func BenchmarkLevel(b *testing.B) {
	const day = 24 * 3600 * 1_000_000
	for _, order := range []struct {
		name     string
		shuffled bool
	}{{"ordered", false}, {"shuffled", true}} {
		groups := benchGroups(4096, order.shuffled)
		for _, mode := range []struct {
			name string
			mode Mode
		}{
			{"default", Mode{}},
			{"strict_order", Mode{StrictOrder: true}},
			{"strict_increase", Mode{StrictIncrease: true}},
			{"strict_once", Mode{StrictOnce: true}},
		} {
			b.Run(order.name+"/"+mode.name, func(b *testing.B) {
				var buf []Event
				events, sum := 0, 0
				for b.Loop() {
					for _, rows := range groups {
						buf = buf[:0]
						for i, r := range rows {
							buf = AppendRow(buf, r.ts, r.mask, uint32(i), mode.mode)
						}
						events += len(buf)
						sum += Level(buf, day, 4, mode.mode)
					}
				}
				if sum < 0 {
					b.Fatal("impossible")
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(events), "ns/event")
			})
		}
	}
}

// BenchmarkFunnelReport runs the benchmark harness's 4-step funnel (a
// 1-day window) on a demo shop of about a million events and 100,000
// users: the report end to end, aggregate and SQL around it.
func BenchmarkFunnelReport(b *testing.B) {
	conn := benchtest.Shop(b, 10, Family)
	benchtest.RunQuery(b, conn, `SELECT step, users FROM funnel(events, user_id, ts,
    [event = 'product_view', event = 'add_to_cart', event = 'checkout', event = 'purchase'],
    conversion_window := INTERVAL 1 DAY)`)
}

// BenchmarkWindowFunnel is the same funnel written with the primitive:
// window_funnel per user, then a count per level.
func BenchmarkWindowFunnel(b *testing.B) {
	conn := benchtest.Shop(b, 10, Family)
	benchtest.RunQuery(b, conn, `SELECT level, count(*) FROM (
    SELECT window_funnel(INTERVAL 1 DAY, ts, [event = 'product_view', event = 'add_to_cart', event = 'checkout', event = 'purchase']) AS level
    FROM events GROUP BY user_id) GROUP BY level`)
}
