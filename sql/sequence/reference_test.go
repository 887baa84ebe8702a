package sequence

import (
	"math"
	"math/big"
	"regexp"
	"sort"
	"strconv"
)

// The reference matcher: the semantics of doc.go written as directly as
// possible, sharing no code with the package. A regular expression reads
// the pattern, nothing is merged or precomputed, time arithmetic is done
// in math/big, and matching enumerates every way to place the pattern's
// elements on the events. It is exponential and meant for inputs of a
// dozen events.

// refElem is one pattern element as the reference reads it.
type refElem struct {
	kind byte // 'c' (?N), 'a' ., 's' .*, 't' (?t op N)
	cond int  // 1-based, for 'c'
	op   string
	secs *big.Int
}

var refToken = regexp.MustCompile(`^(?:\(\?\+?([0-9]+)\)|\(\?t(<=|<|>=|>|==)\+?([0-9]+)\)|(\.\*)|(\.))`)

// refParse reads a pattern, reporting false where Compile must fail.
func refParse(pattern string, conds int) ([]refElem, bool) {
	if pattern == "" {
		return nil, false
	}
	var elems []refElem
	for rest := pattern; rest != ""; {
		if refLength(elems) > 62 {
			return nil, false
		}
		m := refToken.FindStringSubmatch(rest)
		if m == nil {
			return nil, false
		}
		rest = rest[len(m[0]):]
		switch {
		case m[1] != "":
			n, err := strconv.ParseUint(m[1], 10, 64)
			if err != nil || n < 1 || n > uint64(conds) {
				return nil, false
			}
			elems = append(elems, refElem{kind: 'c', cond: int(n)})
		case m[2] != "":
			secs, _ := new(big.Int).SetString(m[3], 10)
			if secs.Cmp(new(big.Int).SetUint64(math.MaxUint64)) > 0 {
				return nil, false
			}
			if len(elems) > 0 && elems[len(elems)-1].kind == 't' {
				return nil, false
			}
			elems = append(elems, refElem{kind: 't', op: m[2], secs: secs})
		case m[4] != "":
			elems = append(elems, refElem{kind: 's'})
		default:
			elems = append(elems, refElem{kind: 'a'})
		}
	}
	if refLength(elems) > 62 {
		return nil, false
	}
	return elems, true
}

// refLength counts elements the way the length limit does: a ".*" right
// after another ".*", or at the start, counts for nothing.
func refLength(elems []refElem) int {
	n := 0
	for i, e := range elems {
		if e.kind == 's' && (i == 0 || elems[i-1].kind == 's') {
			continue
		}
		n++
	}
	return n
}

// refVisible keeps the events with a true condition among the first conds
// and sorts them by timestamp, ties in input order.
func refVisible(events []Event, conds int) []Event {
	var out []Event
	for _, e := range events {
		if e.Mask&(1<<conds-1) != 0 {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TS < out[j].TS })
	return out
}

// refSkippable: what ClickHouse may skip when the events run out.
func refSkippable(e refElem) bool {
	return e.kind == 's' || (e.kind == 't' && (e.op == "<" || e.op == "<=" || (e.op == ">=" && e.secs.Sign() == 0)))
}

func refAllSkippable(elems []refElem) bool {
	for _, e := range elems {
		if !refSkippable(e) {
			return false
		}
	}
	return true
}

// refTimeHolds compares the time from anchor to ts with secs seconds.
func refTimeHolds(e refElem, anchor, ts int64, units int64) bool {
	d := new(big.Int).Sub(big.NewInt(ts), big.NewInt(anchor))
	c := d.Cmp(new(big.Int).Mul(e.secs, big.NewInt(units)))
	switch e.op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	}
	return c == 0
}

// refEnds lists the end of every way to match the pattern from event p0:
// each element in turn is placed at a position, as doc.go describes, and
// the end is the position after the last one.
func refEnds(elems []refElem, evs []Event, units int64, p0 int) []int {
	all := append([]refElem{{kind: 's'}}, elems...) // ClickHouse's implicit leading ".*"
	var ends []int
	var place func(k, pos int, anchor int64)
	place = func(k, pos int, anchor int64) {
		if k == len(all) {
			ends = append(ends, pos)
			return
		}
		if pos == len(evs) { // out of events: the rest must be skippable
			for _, e := range all[k:] {
				if !refSkippable(e) {
					return
				}
			}
			ends = append(ends, pos)
			return
		}
		e := all[k]
		switch e.kind {
		case 'c':
			if evs[pos].Mask>>(e.cond-1)&1 == 1 {
				place(k+1, pos+1, evs[pos].TS)
			}
		case 'a':
			place(k+1, pos+1, evs[pos].TS)
		case 's':
			for q := pos; q < len(evs); q++ {
				place(k+1, q, evs[q].TS)
			}
		case 't':
			for q := pos; q < len(evs); q++ {
				if refTimeHolds(e, anchor, evs[q].TS, units) {
					place(k+1, q, evs[q].TS)
				}
			}
		}
	}
	place(0, p0, 0)
	return ends
}

// refMatch is sequence_match by the reference.
func refMatch(elems []refElem, events []Event, conds int, units int64) bool {
	if refAllSkippable(elems) {
		return true
	}
	return len(refEnds(elems, refVisible(events, conds), units, 0)) > 0
}

// refCount is sequence_count by the reference: the earliest-ending match
// from the start, then again from its end, one event on if it was empty.
func refCount(elems []refElem, events []Event, conds int, units int64) int64 {
	evs := refVisible(events, conds)
	if refAllSkippable(elems) {
		for _, e := range elems {
			if e.kind == 't' && e.op == "<" && e.secs.Sign() == 0 && len(evs) > 0 {
				return 1
			}
		}
		return int64(len(evs))
	}
	var n int64
	for p := 0; p < len(evs); {
		ends := refEnds(elems, evs, units, p)
		if len(ends) == 0 {
			break
		}
		end := ends[0]
		for _, e := range ends {
			end = min(end, e)
		}
		if end == p {
			end++
		}
		n++
		p = end
	}
	return n
}
