package sequence

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// SyntaxError reports a pattern Compile rejects: malformed text, a
// condition number out of range, a duration too large, a time condition
// in the wrong place, too many elements, or nothing at all.
type SyntaxError struct {
	Pattern string // the pattern as given
	Offset  int    // byte offset of the problem, len(Pattern) for its end
	Pos     int    // the same place as a 1-based character position
	msg     string // the whole message after "pattern: "
}

// Error returns the message, e.g.
//
//	pattern: unexpected "x" at position 5 (expected "(?N)", "(?t op N)", "." or ".*")
//
// The aggregates prefix it with their name ("sequence_match: ").
func (e *SyntaxError) Error() string { return "pattern: " + e.msg }

// maxElements bounds a pattern's length, counted after runs of ".*" are
// merged into one: the matcher keeps its state in a uint64, one bit per
// element, one for the implicit leading ".*" and one for "matched".
const maxElements = 62

// elementsHint lists what may start an element, for error messages.
const elementsHint = `"(?N)", "(?t op N)", "." or ".*"`

// timeOpsHint lists the time operators, for error messages.
const timeOpsHint = `">=", ">", "<", "<=" or "=="`

// element is one parsed pattern element, before it becomes a step.
type element struct {
	kind   stepKind
	cond   uint64 // condition number as written (1-based), for stepCond
	op     timeOp // for stepTime
	secs   uint64 // seconds, for stepTime
	offset int    // byte offset where the element starts
	end    int    // byte offset just after it
}

// parser walks a pattern once, left to right, turning elements into steps
// as it goes. ClickHouse's syntax has no whitespace, nesting or
// alternation, so each element is recognised by its first bytes.
type parser struct {
	src   string
	pos   int
	conds int
	units uint64
	steps []step // steps[0] is the implicit leading ".*"
}

// parse compiles src into steps behind the implicit leading ".*"; conds is
// the number of conditions the caller passes, units the timestamp units
// per second.
func parse(src string, conds int, units uint64) ([]step, error) {
	p := &parser{src: src, conds: conds, units: units, steps: []step{{kind: stepStar}}}
	if src == "" {
		return nil, p.errorAt(0, "empty pattern (expected %s)", elementsHint)
	}
	for p.pos < len(src) {
		el, err := p.element()
		if err != nil {
			return nil, err
		}
		if err := p.place(el); err != nil {
			return nil, err
		}
	}
	return p.steps, nil
}

// element parses the element starting at p.pos.
func (p *parser) element() (element, error) {
	start := p.pos
	switch {
	case p.consume(".*"):
		return element{kind: stepStar, offset: start, end: p.pos}, nil
	case p.consume("."):
		return element{kind: stepAny, offset: start, end: p.pos}, nil
	case p.consume("("):
		if !p.consume("?") {
			return element{}, p.unexpected(`"?" after "("`)
		}
		if p.consume("t") {
			return p.timeElement(start)
		}
		return p.condElement(start)
	}
	return element{}, p.unexpected(elementsHint)
}

// condElement parses the rest of "(?N)" after "(?".
func (p *parser) condElement(start int) (element, error) {
	n, ok, err := p.number("a condition number or \"t\"")
	if err != nil {
		return element{}, err
	}
	if err := p.closing(); err != nil {
		return element{}, err
	}
	if !ok || n < 1 || n > uint64(p.conds) {
		return element{}, p.errorAt(start, "condition %s at position %d is out of range (%s)",
			p.src[start:p.pos], p.position(start), p.condRange())
	}
	return element{kind: stepCond, cond: n, offset: start, end: p.pos}, nil
}

// timeElement parses the rest of "(?t op N)" after "(?t".
func (p *parser) timeElement(start int) (element, error) {
	op, ok := p.timeOperator()
	if !ok {
		return element{}, p.unexpected("a time operator: " + timeOpsHint)
	}
	secs, fits, err := p.number("a number of seconds")
	if err != nil {
		return element{}, err
	}
	if err := p.closing(); err != nil {
		return element{}, err
	}
	if !fits {
		return element{}, p.errorAt(start, "duration in %s at position %d is too large (at most %d seconds)",
			p.src[start:p.pos], p.position(start), uint64(math.MaxUint64))
	}
	return element{kind: stepTime, op: op, secs: secs, offset: start, end: p.pos}, nil
}

// timeOperator reads one of the five operators; the two-byte ones are
// tried first so "<=" is not read as "<" followed by "=".
func (p *parser) timeOperator() (timeOp, bool) {
	for _, o := range [...]struct {
		text string
		op   timeOp
	}{{"<=", opLE}, {"<", opLT}, {">=", opGE}, {">", opGT}, {"==", opEQ}} {
		if p.consume(o.text) {
			return o.op, true
		}
	}
	return 0, false
}

// number reads an unsigned decimal number with an optional leading "+"
// (ClickHouse's integer reader accepts one). fits is false when the digits
// overflow a uint64; the digits are consumed either way, so the caller can
// name the whole element.
func (p *parser) number(what string) (n uint64, fits bool, err error) {
	p.consume("+")
	begin := p.pos
	fits = true
	for p.pos < len(p.src) && isDigit(p.src[p.pos]) {
		d := uint64(p.src[p.pos] - '0')
		if n > (math.MaxUint64-d)/10 {
			fits = false
		}
		n = n*10 + d
		p.pos++
	}
	if p.pos == begin {
		return 0, false, p.unexpected(what)
	}
	return n, fits, nil
}

// closing consumes the ")" that ends "(?N)" and "(?t op N)".
func (p *parser) closing() error {
	if !p.consume(")") {
		return p.unexpected(`")"`)
	}
	return nil
}

// place applies the rules about where an element may stand, then appends
// its step: a time condition must follow "(?N)", "." or ".*" (or open the
// pattern, where the implicit leading ".*" stands before it), as in
// ClickHouse; a ".*" after a ".*" adds nothing (".*.*" behaves exactly as
// ".*": both let the next element start at any later event, and both may
// be skipped at the end); and the pattern may not grow past maxElements.
func (p *parser) place(el element) error {
	prev := p.steps[len(p.steps)-1].kind
	if el.kind == stepTime && prev == stepTime {
		return p.errorAt(el.offset, "%s at position %d must follow %s, not another time condition",
			p.src[el.offset:el.end], p.position(el.offset), `"(?N)", "." or ".*"`)
	}
	if el.kind == stepStar && prev == stepStar {
		return nil
	}
	if len(p.steps) > maxElements { // steps[0] is not an element
		return p.errorAt(el.offset, "too long: the element at position %d is past the limit of %d elements (runs of \".*\" count as one)",
			p.position(el.offset), maxElements)
	}
	p.steps = append(p.steps, p.step(el, prev))
	return nil
}

// step turns an element into its step; prev is the kind of the step before.
func (p *parser) step(el element, prev stepKind) step {
	switch el.kind {
	case stepCond:
		return step{kind: stepCond, cond: uint8(el.cond - 1)}
	case stepTime:
		ticks, infinite := scaleDuration(el.secs, p.units)
		return step{kind: stepTime, op: el.op, ticks: ticks, infinite: infinite, anchorHere: prev == stepStar}
	}
	return step{kind: el.kind}
}

// consume advances past s if the text at p.pos starts with it.
func (p *parser) consume(s string) bool {
	if len(p.src)-p.pos >= len(s) && p.src[p.pos:p.pos+len(s)] == s {
		p.pos += len(s)
		return true
	}
	return false
}

// unexpected reports the character at p.pos (or the end of the pattern)
// and what was expected there.
func (p *parser) unexpected(expected string) error {
	if p.pos >= len(p.src) {
		return p.errorAt(p.pos, "unexpected end at position %d (expected %s)", p.position(p.pos), expected)
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	found := string(r)
	if r == utf8.RuneError && size == 1 {
		found = p.src[p.pos : p.pos+1]
	}
	return p.errorAt(p.pos, "unexpected %q at position %d (expected %s)", found, p.position(p.pos), expected)
}

// condRange describes the valid condition numbers for messages.
func (p *parser) condRange() string {
	if p.conds == 1 {
		return "1 condition given: (?1)"
	}
	return fmt.Sprintf("%d conditions given: (?1) to (?%d)", p.conds, p.conds)
}

// position converts a byte offset to a 1-based character position; each
// byte of invalid UTF-8 counts as one character.
func (p *parser) position(offset int) int {
	return utf8.RuneCountInString(p.src[:offset]) + 1
}

// errorAt builds a SyntaxError for the byte offset.
func (p *parser) errorAt(offset int, format string, args ...any) error {
	return &SyntaxError{
		Pattern: p.src,
		Offset:  offset,
		Pos:     p.position(offset),
		msg:     fmt.Sprintf(format, args...),
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
