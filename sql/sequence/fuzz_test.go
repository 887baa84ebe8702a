package sequence

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDifferential compares Match and Count with the reference matcher on
// random small groups and random patterns, most of them valid.
func TestDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 30000
	if testing.Short() {
		n = 3000
	}
	compiled := 0
	for range n {
		conds := 1 + r.IntN(4)
		units := []int64{1, 1, 2, 1000}[r.IntN(4)]
		pattern := randomPattern(r, conds)
		events := randomEvents(r, conds, units)
		if checkAgainstReference(t, pattern, conds, units, events) {
			compiled++
		}
		if t.Failed() {
			return
		}
	}
	if compiled < n/2 {
		t.Errorf("only %d of %d random patterns compiled", compiled, n)
	}
}

// checkAgainstReference checks Compile, Match and Count against the
// reference for one case, and the properties that tie them together. It
// reports whether the pattern compiled.
func checkAgainstReference(t *testing.T, pattern string, conds int, units int64, events []Event) bool {
	t.Helper()
	p, err := Compile(pattern, conds, units)
	elems, refOK := refParse(pattern, conds)
	if (err == nil) != refOK {
		t.Fatalf("Compile(%q, %d) error %v, but the reference accepts it: %v", pattern, conds, err, refOK)
	}
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Compile(%q, %d): %v is not a *SyntaxError", pattern, conds, err)
		}
		checkSyntaxError(t, pattern, se)
		return false
	}
	match := p.Match(slices.Clone(events))
	count := p.Count(slices.Clone(events))
	refM, refC := refMatch(elems, events, conds, units), refCount(elems, events, conds, units)
	if match != refM || count != refC {
		t.Fatalf("pattern %q conds=%d units=%d events %s:\n got match=%v count=%d\nwant match=%v count=%d",
			pattern, conds, units, formatEvents(events), match, count, refM, refC)
	}
	visible := len(refVisible(events, conds))
	if !(p.allSkippable && visible == 0) && match != (count > 0) {
		t.Fatalf("pattern %q events %s: match=%v but count=%d", pattern, formatEvents(events), match, count)
	}
	sorted := slices.Clone(events)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].TS < sorted[j].TS })
	if p.Match(sorted) != match || p.Count(sorted) != count {
		t.Fatalf("pattern %q events %s: sorting the input first changes the result", pattern, formatEvents(events))
	}
	return true
}

// randomPattern builds a pattern from the grammar's pieces, now and then
// an invalid one (a condition out of range, two time conditions in a row,
// a stray character).
func randomPattern(r *rand.Rand, conds int) string {
	var b strings.Builder
	for range 1 + r.IntN(7) {
		switch r.IntN(10) {
		case 0, 1, 2:
			fmt.Fprintf(&b, "(?%d)", 1+r.IntN(conds))
		case 3:
			b.WriteString(".")
		case 4, 5:
			b.WriteString(".*")
		case 6, 7, 8:
			op := []string{"<", "<=", ">", ">=", "=="}[r.IntN(5)]
			secs := []string{"0", "1", "2", "3", "5", "0", "1", "99999999999", "18446744073709551615"}[r.IntN(9)]
			fmt.Fprintf(&b, "(?t%s%s)", op, secs)
		default:
			b.WriteString([]string{"(?0)", fmt.Sprintf("(?%d)", conds+1), "x", "(?1", "(?t>)", "(?+2)"}[r.IntN(6)])
		}
	}
	return b.String()
}

// randomEvents builds up to ten events with timestamps from a small range
// (so that ties and exact distances are common), masks that may include a
// bit past the conditions given, and rows that match nothing.
func randomEvents(r *rand.Rand, conds int, units int64) []Event {
	evs := make([]Event, r.IntN(11))
	for i := range evs {
		ts := int64(r.IntN(9)-2) * units
		if units > 1 && r.IntN(3) == 0 {
			ts += int64(r.IntN(3)) - 1
		}
		evs[i] = Event{TS: ts, Mask: uint32(r.IntN(1 << (conds + 1)))}
	}
	return evs
}

func formatEvents(evs []Event) string {
	parts := make([]string, len(evs))
	for i, e := range evs {
		parts[i] = fmt.Sprintf("%d:%b", e.TS, e.Mask)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// FuzzCompile checks that Compile never panics, that its errors are
// SyntaxErrors positioned inside the pattern, that it accepts exactly what
// the reference reader accepts, and that a compiled pattern can run.
func FuzzCompile(f *testing.F) {
	for _, seed := range []string{
		"(?1)(?2)", "(?1).*(?t>1800)(?2)", ".", ".*", "(?t<=+0)", "(?01)", "",
		"(?1", "(?0)", "(?33)", "(?t>)", "(?t~5)", "(?1)x", "é\xff", "(?1)(?t>1)(?t<2)",
		strings.Repeat("(?1).*", 63),
	} {
		f.Add(seed, 3, int64(1))
	}
	f.Fuzz(func(t *testing.T, pattern string, conds int, units int64) {
		p, err := Compile(pattern, conds, units)
		if conds < 1 || conds > MaxConditions || units < 1 {
			var se *SyntaxError
			if err == nil || errors.As(err, &se) {
				t.Fatalf("Compile(%q, %d, %d) = %v, want an argument error", pattern, conds, units, err)
			}
			return
		}
		_, refOK := refParse(pattern, conds)
		if (err == nil) != refOK {
			t.Fatalf("Compile(%q, %d): error %v, reference accepts: %v", pattern, conds, err, refOK)
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Compile(%q): %v is not a *SyntaxError", pattern, err)
			}
			checkSyntaxError(t, pattern, se)
			if !utf8.ValidString(se.Error()) {
				t.Fatalf("Compile(%q): message %q is not valid UTF-8", pattern, se.Error())
			}
			return
		}
		if p.String() != pattern {
			t.Fatalf("String() = %q, want %q", p.String(), pattern)
		}
		events := []Event{{5, 3}, {1, 1}, {1, 6}, {9, 0}, {2, 1 << 31}}
		if p.Match(events) != (p.Count(events) > 0) && !p.allSkippable {
			t.Fatalf("%q: Match and Count disagree", pattern)
		}
	})
}

// FuzzMatch checks Match and Count against the reference matcher. The
// bytes of data give the events, two a piece: a timestamp from a small
// range and a mask.
func FuzzMatch(f *testing.F) {
	f.Add("(?1)(?t>1)(?2)", byte(1), byte(0), []byte{0, 1, 3, 2, 1, 4, 7, 2})
	f.Add("(?1).*(?2)", byte(2), byte(1), []byte{0, 1, 0, 2, 1, 0, 2, 2, 3, 4})
	f.Add(".(?t==2).*(?3)", byte(3), byte(2), []byte{1, 7, 3, 4, 3, 1, 5, 4})
	f.Add("(?1)(?t<0)", byte(0), byte(0), []byte{0, 1, 0, 1})
	f.Add("(?t<=1)", byte(1), byte(0), []byte{})
	f.Fuzz(func(t *testing.T, pattern string, conds, units byte, data []byte) {
		c := 1 + int(conds)%4
		u := []int64{1, 2, 1000}[int(units)%3]
		elems, ok := refParse(pattern, c)
		if ok && len(elems) > 8 {
			return // the reference is exponential
		}
		if len(data) > 20 {
			data = data[:20]
		}
		events := make([]Event, 0, len(data)/2)
		for i := 0; i+1 < len(data); i += 2 {
			ts := (int64(data[i]%16) - 4) * u
			if u > 1 {
				ts += int64(data[i]/16%3) - 1
			}
			events = append(events, Event{TS: ts, Mask: uint32(data[i+1])})
		}
		checkAgainstReference(t, pattern, c, u, events)
	})
}

// TestCompileLongPatterns is the regression test for FuzzCompile's one
// finding: Compile kept every element of a long pattern, so a run of half
// a million ".*" (which compiles to a single step) cost a quarter second
// and tens of megabytes. It now builds at most 63 steps, whatever the
// length of the text; the allocations must not grow with it.
func TestCompileLongPatterns(t *testing.T) {
	if _, err := Compile(strings.Repeat(".*", 500_000), 3, 1); err != nil {
		t.Errorf("half a million \".*\": %v", err)
	}
	if raceEnabled {
		t.Skip("the race detector adds allocations of its own")
	}
	allocs := func(pattern string) float64 {
		return testing.AllocsPerRun(5, func() { Compile(pattern, 3, 1) })
	}
	for _, unit := range []string{".*", "(?1).*", "(?9"} {
		short, long := allocs(strings.Repeat(unit, 100)), allocs(strings.Repeat(unit, 100_000))
		if long > short {
			t.Errorf("%q repeated: %v allocations for 100, %v for 100000", unit, short, long)
		}
	}
}
