package sequence

import "testing"

// TestClickHouseDFA transcribes ClickHouse's stateless test
// tests/queries/0_stateless/00823_sequence_match_dfa.sql, too large for
// testdata: one user with an A at time 0, a B at every time from 1 to
// 999999, a C at 1000000 and a D at 1e14 (eventType A..D). Its .reference
// lists ABC, ABBC and CD: the groups the HAVING clauses keep. ClickHouse's
// backtracking gave up on such groups before it added a DFA for patterns
// without time conditions; here every pattern is one pass.
func TestClickHouseDFA(t *testing.T) {
	const a, b, c, d = 1 << 0, 1 << 1, 1 << 2, 1 << 3 // eventType = 'A' ... 'D' as masks
	events := make([]Event, 0, 1_000_002)
	for n := range int64(1_000_001) {
		switch {
		case n == 0:
			events = append(events, Event{TS: n, Mask: a})
		case n < 1_000_000:
			events = append(events, Event{TS: n, Mask: b})
		default:
			events = append(events, Event{TS: n, Mask: c})
		}
	}
	events = append(events, Event{TS: 100_000_000_000_000, Mask: d})

	// remap gives each row the mask of the conditions it meets, for a
	// query whose i-th condition is eventType = want[i].
	remap := func(want ...uint32) []Event {
		out := make([]Event, len(events))
		for i, e := range events {
			out[i].TS = e.TS
			for k, w := range want {
				if e.Mask == w {
					out[i].Mask |= 1 << k
				}
			}
		}
		return out
	}
	for _, tc := range []struct {
		name, pattern string
		conds         []uint32
		want          bool
	}{
		{"ABC", "(?1).*(?2).*(?3)", []uint32{a, b, c}, true},
		{"ABA", "(?1).*(?2).*(?3)", []uint32{a, b, a}, false},
		{"ABBC", "(?1).*(?2).*(?3).*(?4)", []uint32{a, b, b, c}, true},
		{"CD", "(?1)(?t>=10000000000000)(?2)", []uint32{c, d}, true},
	} {
		p, err := Compile(tc.pattern, len(tc.conds), 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Match(remap(tc.conds...)); got != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.name, tc.pattern, got, tc.want)
		}
	}
}
