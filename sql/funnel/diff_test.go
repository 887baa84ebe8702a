package funnel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// A refCase is one random group: its rows, window and number of steps.
type refCase struct {
	rows   []refRow
	window int64
	steps  int
}

// validModes returns every mode ParseMode accepts: allow_reentry only with
// strict_order, 24 in all.
func validModes() []Mode {
	var modes []Mode
	for bits := range int64(1) << len(modeNames) {
		if m, err := ModeFromBits(bits); err == nil {
			modes = append(modes, m)
		}
	}
	return modes
}

// TestValidModes checks the mode list the differential tests rely on.
func TestValidModes(t *testing.T) {
	if n := len(validModes()); n != 24 {
		t.Fatalf("%d valid modes, want 24", n)
	}
}

// TestLevelMatchesReference compares Level with the reference replay on
// random small groups with many ties, in every valid mode.
func TestLevelMatchesReference(t *testing.T) {
	cases := 20000
	if testing.Short() {
		cases = 2000
	}
	rng := rand.New(rand.NewPCG(20260501, 1))
	modes := validModes()
	for range cases {
		c := randomCase(rng)
		for _, m := range modes {
			checkCase(t, rng, c, m)
		}
	}
}

// randomCase draws a group: 0 to 10 rows over a few distinct timestamps
// (sometimes at the ends of the int64 range), 1 to 6 steps, random masks
// and a window from small values to the extremes.
func randomCase(rng *rand.Rand) refCase {
	c := refCase{steps: 1 + rng.IntN(6)}
	windows := []int64{0, 1, 2, 3, 5, 8, rng.Int64N(20), math.MaxInt64, -1, 1 << 62}
	c.window = windows[rng.IntN(len(windows))]
	bases := []int64{0, 0, 0, 100, -50, math.MaxInt64 - 10, math.MinInt64}
	base := bases[rng.IntN(len(bases))]
	spread := 1 + rng.Int64N(8)
	density := 0.15 + 0.5*rng.Float64()
	n := rng.IntN(11)
	for range n {
		r := refRow{ts: base + rng.Int64N(spread), cond: make([]bool, c.steps)}
		for k := range r.cond {
			r.cond[k] = rng.Float64() < density
		}
		c.rows = append(c.rows, r)
	}
	return c
}

// checkCase compares Level, on the events of c in a random order, with the
// reference replay.
func checkCase(t *testing.T, rng *rand.Rand, c refCase, m Mode) {
	t.Helper()
	events := rowEvents(c.rows, c.steps, m)
	if rng != nil {
		rng.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
	}
	got := Level(events, c.window, c.steps, m)
	if want := refLevel(c.rows, c.window, c.steps, m); got != want {
		t.Fatalf("Level gives %d, the reference replay %d, for\n%s", got, want, formatCase(c, m, want))
	}
}

// formatCase writes c as a level command for a file in testdata, with
// the expected level want.
func formatCase(c refCase, m Mode, want int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "level window=%d steps=%d", c.window, c.steps)
	if s := m.String(); s != "" {
		fmt.Fprintf(&b, " mode=(%s)", s)
	}
	b.WriteString("\n")
	for _, r := range c.rows {
		fmt.Fprintf(&b, "%d ", r.ts)
		for _, on := range r.cond {
			if on {
				b.WriteByte('x')
			} else {
				b.WriteByte('.')
			}
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "----\n%d\n", want)
	return b.String()
}
