package pgtypes

import (
	"strings"

	"github.com/martdb/martdb/sql/pgoid"
)

// parseArray reads PostgreSQL's array text ({1,2,NULL}, {{1,2},{3,4}},
// {"a b","c\"d"}, optionally after dimensions such as [0:1]=) as
// array_in does, each element read as type elem.
func parseArray(s string, elem uint32) (pgArray, error) {
	p := &arrayParser{input: s, s: s, elem: elem}
	p.skipSpace()
	if strings.HasPrefix(p.s, "[") {
		// Explicit bounds are dropped: DuckDB lists always start at 1.
		eq := strings.IndexByte(p.s, '=')
		if eq < 0 {
			return pgArray{}, p.malformed()
		}
		p.s = p.s[eq+1:]
		p.skipSpace()
	}
	items, err := p.array()
	if err != nil {
		return pgArray{}, err
	}
	p.skipSpace()
	if p.s != "" {
		return pgArray{}, p.malformed()
	}
	return pgArray{items: items, json: isJSONType(elem)}, nil
}

// isJSONType reports whether oid is json or jsonb.
func isJSONType(oid uint32) bool { return oid == pgoid.JSON || oid == pgoid.JSONB }

type arrayParser struct {
	input string // the whole literal, for messages
	s     string // what is left to read
	elem  uint32
}

func (p *arrayParser) malformed() *ParamError {
	return paramErrorf(codeInvalidText, "malformed array literal: %q", p.input)
}

func (p *arrayParser) skipSpace() {
	for len(p.s) > 0 && isSpace(p.s[0]) {
		p.s = p.s[1:]
	}
}

// array reads {element, ...}, elements being sub-arrays or values.
func (p *arrayParser) array() ([]any, error) {
	if !strings.HasPrefix(p.s, "{") {
		return nil, p.malformed()
	}
	p.s = p.s[1:]
	items := []any{}
	p.skipSpace()
	if strings.HasPrefix(p.s, "}") {
		p.s = p.s[1:]
		return items, nil
	}
	for {
		p.skipSpace()
		var item any
		var err error
		if strings.HasPrefix(p.s, "{") {
			item, err = p.array()
		} else {
			item, err = p.element()
		}
		if err != nil {
			return nil, err
		}
		items = append(items, item)
		p.skipSpace()
		switch {
		case strings.HasPrefix(p.s, ","):
			p.s = p.s[1:]
		case strings.HasPrefix(p.s, "}"):
			p.s = p.s[1:]
			return items, nil
		default:
			return nil, p.malformed()
		}
	}
}

// element reads one value: in double quotes, or bare up to the next
// comma or brace with white space around trimmed; a backslash takes the
// next character literally in both. A bare NULL (any case) is NULL.
func (p *arrayParser) element() (any, error) {
	var b strings.Builder
	quoted := strings.HasPrefix(p.s, `"`)
	if quoted {
		p.s = p.s[1:]
	}
	escaped := false
	trailing := 0 // unescaped white space at the end of a bare element
	i := 0
	for ; i < len(p.s); i++ {
		c := p.s[i]
		if c == '\\' {
			if i+1 >= len(p.s) {
				return nil, p.malformed()
			}
			i++
			b.WriteByte(p.s[i])
			escaped, trailing = true, 0
			continue
		}
		if quoted {
			if c == '"' {
				break
			}
		} else {
			if c == ',' || c == '}' {
				break
			}
			if c == '"' || c == '{' {
				return nil, p.malformed()
			}
			if isSpace(c) {
				trailing++
			} else {
				trailing = 0
			}
		}
		b.WriteByte(c)
	}
	if i >= len(p.s) {
		return nil, p.malformed()
	}
	text := b.String()
	if quoted {
		p.s = p.s[i+1:]
	} else {
		p.s = p.s[i:]
		text = text[:len(text)-trailing]
		if text == "" {
			return nil, p.malformed()
		}
		if !escaped && strings.EqualFold(text, "NULL") {
			return nil, nil
		}
	}
	return decodeText(text, p.elem)
}
