package sequence

import (
	"fmt"
	"math"
	"math/bits"
	"sync"
)

// MaxConditions is the most conditions a pattern can refer to, as in
// ClickHouse: an Event's Mask has one bit per condition.
const MaxConditions = 32

// stepKind is what a compiled element does.
type stepKind uint8

const (
	stepCond stepKind = iota // (?N): consume an event where condition N holds
	stepAny                  // .: consume any event
	stepStar                 // .*: let the next element start at any later event
	stepTime                 // (?t op N): the same, under a time condition
)

// timeOp is the comparison of a (?t op N) element.
type timeOp uint8

const (
	opGE timeOp = iota
	opGT
	opLT
	opLE
	opEQ
)

// step is one compiled element. steps[0] of a Pattern is the implicit
// leading ".*" ClickHouse puts before every pattern.
type step struct {
	kind stepKind
	cond uint8  // 0-based condition, for stepCond
	op   timeOp // for stepTime
	// For stepTime: the duration in timestamp units, and whether it is
	// larger than any distance between two int64 timestamps (then "<" and
	// "<=" always hold and ">", ">=" and "==" never do).
	ticks    uint64
	infinite bool
	// For stepTime: true when the anchor is the event the time condition
	// is entered on (after ".*" or at the start), false when it is the
	// event the previous "(?N)" or "." consumed.
	anchorHere bool
}

// Pattern is a compiled pattern. It is safe for concurrent use: Match and
// Count keep their working state per call.
type Pattern struct {
	src   string
	steps []step

	condMask uint32 // bits of the conditions given; other Mask bits are ignored
	final    uint64 // the bit past the last step: "the pattern has matched"
	starMask uint64 // bits of ".*" steps
	// sat[b][v] is the set of "(?N)" and "." steps an event satisfies,
	// given byte b of its mask is v; OR the four to get the whole set.
	sat [4][256]uint64
	// endMask holds the steps k from which every remaining step may be
	// skipped when the events run out (see doc.go), and the final bit.
	endMask uint64

	hasTime bool
	// eps lists the ".*" and time steps in step order, as resolve reads
	// them; waits is how many of them are time steps.
	eps   []epsStep
	waits int
	// allSkippable: every step can be skipped at the end of the events;
	// such a pattern matches any group (see doc.go).
	allSkippable bool
	// neverStep: the pattern has a time condition no event can satisfy,
	// "(?t<0)" (ClickHouse's count for an all-skippable pattern is 1).
	neverStep bool

	states sync.Pool // of *timeState, for patterns with time conditions
}

// Compile parses pattern for a call with conds conditions (1 to 32) whose
// timestamps count unitsPerSecond units per second (1 for seconds, 1000
// for milliseconds, 1e6 for microseconds). The durations in "(?t op N)"
// are seconds and are converted with that factor.
//
// A malformed pattern yields a *SyntaxError; bad conds or unitsPerSecond
// yield a plain error.
func Compile(pattern string, conds int, unitsPerSecond int64) (*Pattern, error) {
	if conds < 1 || conds > MaxConditions {
		return nil, fmt.Errorf("sequence: %d conditions given, want 1 to %d", conds, MaxConditions)
	}
	if unitsPerSecond < 1 {
		return nil, fmt.Errorf("sequence: %d timestamp units per second, want at least 1", unitsPerSecond)
	}
	steps, err := parse(pattern, conds, uint64(unitsPerSecond))
	if err != nil {
		return nil, err
	}
	p := &Pattern{src: pattern, condMask: uint32(1<<conds - 1), steps: steps}
	p.index()
	return p, nil
}

// String returns the pattern as given to Compile.
func (p *Pattern) String() string { return p.src }

// scaleDuration converts seconds to timestamp units. A product past
// MaxUint64 exceeds the distance between any two int64 timestamps, so it
// is reported as infinite rather than wrapped.
func scaleDuration(secs, units uint64) (ticks uint64, infinite bool) {
	hi, lo := bits.Mul64(secs, units)
	if hi != 0 {
		return math.MaxUint64, true
	}
	return lo, false
}

// index fills the masks and tables the matcher reads.
func (p *Pattern) index() {
	p.final = 1 << len(p.steps)
	for k, s := range p.steps {
		switch s.kind {
		case stepStar:
			p.starMask |= 1 << k
			p.eps = append(p.eps, epsStep{bit: 1 << k, test: testStar})
		case stepTime:
			p.hasTime = true
			e := timeTestOf(s)
			e.bit, e.wait = 1<<k, int32(p.waits)
			p.eps = append(p.eps, e)
			p.waits++
		}
	}
	p.indexEnd()
	p.fillSat()
}

// indexEnd records what happens when the events run out: from which steps
// every remaining step may be skipped (endMask), whether that is all of
// them (allSkippable), and whether one is "(?t<0)" (neverStep).
func (p *Pattern) indexEnd() {
	p.endMask = p.final
	p.allSkippable = true
	for k := len(p.steps) - 1; k >= 0; k-- {
		s := p.steps[k]
		if !skippableAtEnd(s) {
			p.allSkippable = false
			continue
		}
		if bit := uint64(1) << k; p.endMask&(bit<<1) != 0 {
			p.endMask |= bit
		}
		if s.kind == stepTime && s.op == opLT && s.ticks == 0 {
			p.neverStep = true
		}
	}
}

// fillSat builds the per-byte tables of satisfied "(?N)" and "." steps:
// an entry is the entry without its lowest bit, plus the steps of the
// condition that bit stands for; "." steps are in every entry of byte 0.
func (p *Pattern) fillSat() {
	var byCond [MaxConditions]uint64
	var anyMask uint64
	for k, s := range p.steps {
		switch s.kind {
		case stepCond:
			byCond[s.cond] |= 1 << k
		case stepAny:
			anyMask |= 1 << k
		}
	}
	p.sat[0][0] = anyMask
	for b := range p.sat {
		for v := 1; v < 256; v++ {
			low := bits.TrailingZeros8(uint8(v))
			p.sat[b][v] = p.sat[b][v&(v-1)] | byCond[8*b+low]
		}
	}
}

// satisfied returns the "(?N)" and "." steps an event with mask m (already
// limited to the conditions given) satisfies.
func (p *Pattern) satisfied(m uint32) uint64 {
	return p.sat[0][m&0xff] | p.sat[1][m>>8&0xff] | p.sat[2][m>>16&0xff] | p.sat[3][m>>24]
}

// skippableAtEnd reports whether ClickHouse lets a step be skipped when the
// events have run out: ".*", "(?t<N)", "(?t<=N)" and "(?t>=0)".
func skippableAtEnd(s step) bool {
	switch s.kind {
	case stepStar:
		return true
	case stepTime:
		return s.op == opLT || s.op == opLE || (s.op == opGE && s.ticks == 0)
	}
	return false
}
