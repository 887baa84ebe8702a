package highlight

import (
	"strings"

	"github.com/martdb/martdb/cli/sqltok"
)

// Class is what a span of text is.
type Class uint8

// The classes Spans assigns.
const (
	Plain Class = iota
	Keyword
	String
	Number
	Comment
	Function
	Param
)

// Span is a run of text of one class: text[Start:End].
type Span struct {
	Start, End int
	Class      Class
}

// Theme maps classes to the ANSI escape sequence that starts them; a class
// without one is left plain.
type Theme map[Class]string

// DefaultTheme reads on dark and light terminals alike, using only the
// basic 16 colours so that the terminal's palette decides the shades.
var DefaultTheme = Theme{
	Keyword:  "\x1b[1;34m", // bold blue
	String:   "\x1b[32m",   // green
	Number:   "\x1b[36m",   // cyan
	Comment:  "\x1b[90m",   // grey
	Function: "\x1b[35m",   // magenta
	Param:    "\x1b[33m",   // yellow
}

const reset = "\x1b[0m"

// Spans classifies text. A word is a function when isFunction knows it and
// an opening parenthesis follows; otherwise a keyword when it is one. Only
// classified spans are returned, in order.
func Spans(text string, isFunction func(string) bool) []Span {
	toks := sqltok.Tokens(text)
	var out []Span
	for i, t := range toks {
		c := classOf(text, toks, i, isFunction)
		if c != Plain {
			out = append(out, Span{Start: t.Start, End: t.End, Class: c})
		}
	}
	return out
}

// classOf is the class of token i.
func classOf(text string, toks []sqltok.Token, i int, isFunction func(string) bool) Class {
	t := toks[i]
	switch t.Kind {
	case sqltok.String:
		return String
	case sqltok.Number:
		return Number
	case sqltok.Comment:
		return Comment
	case sqltok.Param:
		return Param
	case sqltok.Word:
		word := t.Text(text)
		if followedByParen(text, toks, i) && isFunction != nil && isFunction(word) {
			return Function
		}
		if sqltok.IsKeyword(word) && !afterDot(text, toks, i) {
			return Keyword
		}
	}
	return Plain
}

// followedByParen reports whether the next token after i that is not a
// blank is "(".
func followedByParen(text string, toks []sqltok.Token, i int) bool {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].Kind != sqltok.Space {
			return toks[j].Kind == sqltok.Punct && text[toks[j].Start] == '('
		}
	}
	return false
}

// afterDot reports whether token i directly follows a ".", as a qualified
// column name (o.order) does.
func afterDot(text string, toks []sqltok.Token, i int) bool {
	return i > 0 && toks[i-1].Kind == sqltok.Punct && text[toks[i-1].Start] == '.'
}

// Render returns text with each span wrapped in its theme colour. Spans
// must be in order and not overlap, as Spans returns them.
func Render(text string, spans []Span, theme Theme) string {
	if len(spans) == 0 || len(theme) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(spans)*10)
	pos := 0
	for _, s := range spans {
		if s.Start < pos || s.End > len(text) || s.End < s.Start {
			continue
		}
		code, ok := theme[s.Class]
		if !ok {
			continue
		}
		b.WriteString(text[pos:s.Start])
		b.WriteString(code)
		b.WriteString(text[s.Start:s.End])
		b.WriteString(reset)
		pos = s.End
	}
	b.WriteString(text[pos:])
	return b.String()
}
