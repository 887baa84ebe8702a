package attribution

import (
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
)

// runOn runs q on the demo shop of the given scale with the family
// registered, b.N times, reading every row.
func runOn(b *testing.B, scale float64, q string) {
	benchtest.RunQuery(b, benchtest.Shop(b, scale, Family), q)
}

// example is the catalog example with another model.
func example(model string) string {
	return strings.Replace(strings.TrimSuffix(functions[0].Example, ";"), "model := 'all'", "model := '"+model+"'", 1)
}

// BenchmarkAttribution: the catalog example (every model) on the shop at
// scale 10: about 1M events, of which 250,000 session starts with a
// utm_source are the touches, and 20,000 orders.
func BenchmarkAttribution(b *testing.B) { runOn(b, 10, example("all")) }

// BenchmarkAttributionLastTouch: the same with one model.
func BenchmarkAttributionLastTouch(b *testing.B) { runOn(b, 10, example("last_touch")) }

// BenchmarkAttributionEveryEvent: every one of the million events is a
// touch (its event name the channel), so the orders meet many more
// touches.
func BenchmarkAttributionEveryEvent(b *testing.B) {
	runOn(b, 10, `SELECT * FROM attribution(events, user_id, ts, event, orders, customer_id, ts, conv_value := amount, model := 'all')`)
}

// BenchmarkAttribution10M: the catalog example on the shop at scale 100,
// about 10M events and 200,000 orders (slow to set up: the shop is
// generated first).
func BenchmarkAttribution10M(b *testing.B) { runOn(b, 100, example("all")) }
