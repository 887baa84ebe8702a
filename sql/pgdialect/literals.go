package pgdialect

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// constCast rewrites a string constant cast to an array type or to bytea,
// whose text forms differ between the two systems: PostgreSQL writes an
// array '{1,2}' where DuckDB reads '[1, 2]', and a bytea '\x0102' in hex
// where DuckDB reads one escaped byte and two characters. Drivers that
// inline parameters (pgx's simple protocol, psycopg2) send exactly these
// forms. It reports whether it rewrote the constant.
func (w *rewriter) constCast(tc *pg_query.TypeCast, base string) bool {
	c := tc.GetArg().GetAConst()
	if c == nil || c.GetSval() == nil {
		return false
	}
	loc := int(c.GetLocation())
	if loc < 0 || loc >= len(w.s) {
		return false
	}
	end := tokenEnd(w.s, loc)
	val := c.GetSval().GetSval()
	switch {
	case len(tc.GetTypeName().GetArrayBounds()) > 0:
		list, ok := arrayLiteral(val)
		if !ok {
			return false
		}
		w.replace(loc, end, list)
	case base == "bytea" && strings.HasPrefix(val, `\x`):
		w.replace(loc, end, "from_hex("+quoteLiteral(val[2:])+")")
	default:
		return false
	}
	return true
}

// arrayLiteral turns PostgreSQL's array text ({a,"b c",NULL,{1,2}}) into
// a DuckDB list expression of string literals (['a', 'b c', NULL,
// ['1', '2']]), which the cast then converts element by element. It
// reports false for text it does not read as an array, which is then
// left for DuckDB to judge.
func arrayLiteral(s string) (string, bool) {
	p := arrayParser{s: s}
	p.space()
	out, ok := p.array()
	if !ok {
		return "", false
	}
	p.space()
	return out, p.i == len(p.s)
}

type arrayParser struct {
	s string
	i int
}

func (p *arrayParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n\f\v", p.s[p.i]) >= 0 {
		p.i++
	}
}

// array reads {elem, ...} at the current position.
func (p *arrayParser) array() (string, bool) {
	if p.i >= len(p.s) || p.s[p.i] != '{' {
		return "", false
	}
	p.i++
	var elems []string
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return "[]", true
	}
	for {
		p.space()
		e, ok := p.element()
		if !ok {
			return "", false
		}
		elems = append(elems, e)
		p.space()
		if p.i >= len(p.s) {
			return "", false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return "[" + strings.Join(elems, ", ") + "]", true
		default:
			return "", false
		}
	}
}

// element reads one element: a nested array, a quoted string, or an
// unquoted word (NULL when it is the bare word NULL).
func (p *arrayParser) element() (string, bool) {
	if p.i >= len(p.s) {
		return "", false
	}
	switch p.s[p.i] {
	case '{':
		return p.array()
	case '"':
		return p.quoted()
	}
	var b strings.Builder
	escaped := false
	for p.i < len(p.s) && strings.IndexByte(",}{\"", p.s[p.i]) < 0 {
		if p.s[p.i] == '\\' && p.i+1 < len(p.s) {
			p.i++
			escaped = true
		}
		b.WriteByte(p.s[p.i])
		p.i++
	}
	word := strings.TrimRight(b.String(), " \t\r\n\f\v")
	if word == "" {
		return "", false
	}
	if !escaped && strings.EqualFold(word, "null") {
		return "NULL", true
	}
	return quoteLiteral(word), true
}

// quoted reads a double-quoted element with backslash escapes.
func (p *arrayParser) quoted() (string, bool) {
	var b strings.Builder
	for p.i++; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; c {
		case '\\':
			p.i++
			if p.i >= len(p.s) {
				return "", false
			}
			b.WriteByte(p.s[p.i])
		case '"':
			p.i++
			return quoteLiteral(b.String()), true
		default:
			b.WriteByte(c)
		}
	}
	return "", false
}
