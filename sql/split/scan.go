package split

// kind classifies a token for the splitter, which only needs to know what
// ends a statement and what makes one non-empty.
type kind uint8

const (
	kindSpace     kind = iota // a run of whitespace
	kindComment               // a -- comment or a closed /* comment */
	kindSemicolon             // a ';' at top level, outside parentheses
	kindContent               // anything else: words, literals, operators
)

// scanner walks src one token at a time. It keeps only what crosses token
// boundaries: the position and the parenthesis depth. Each quoted construct
// or comment is consumed whole by one call to next, so no other state is
// needed.
type scanner struct {
	src   string
	pos   int
	depth int // open parentheses, never negative

	// open is the construct the last token left open at the end of the
	// input ("'", "\"", "$tag$", "/*"); "" while none is.
	open string
}

// done reports whether the whole input has been scanned.
func (s *scanner) done() bool {
	return s.pos >= len(s.src)
}

// next scans the token at s.pos, advances past it and returns its kind. It
// must not be called when done.
func (s *scanner) next() kind {
	src, i := s.src, s.pos
	c := src[i]
	switch {
	case isSpace(c):
		for i++; i < len(src) && isSpace(src[i]); i++ {
		}
		s.pos = i
		return kindSpace
	case c == '-' && byteAt(src, i+1) == '-':
		s.pos = lineCommentEnd(src, i)
		return kindComment
	case c == '/' && byteAt(src, i+1) == '*':
		end, closed := blockCommentEnd(src, i)
		s.end(end, closed, "/*")
		if !closed {
			// An unclosed comment is not a comment but an error to
			// report (and a prompt to show): it counts as content.
			return kindContent
		}
		return kindComment
	case c == '\'':
		s.quotedString(i+1, false)
	case c == '"':
		s.quotedIdent(i + 1)
	case c == '$':
		s.dollar(i)
	case c == '(':
		s.depth++
		s.pos = i + 1
	case c == ')':
		if s.depth > 0 {
			s.depth--
		}
		s.pos = i + 1
	case c == ';':
		s.pos = i + 1
		if s.depth == 0 {
			return kindSemicolon
		}
	case isDigit(c):
		s.pos = numberEnd(src, i)
	case isIdentStart(c):
		s.word(i)
	default:
		s.pos = i + 1
	}
	return kindContent
}

// end moves past a construct ending at end, recording open as what is left
// open when the construct ran unclosed to the end of input.
func (s *scanner) end(end int, closed bool, open string) {
	s.pos = end
	if !closed {
		s.open = open
	}
}

// quotedString scans a single-quoted string whose body starts at body.
func (s *scanner) quotedString(body int, backslash bool) {
	end, closed := stringEnd(s.src, body, backslash)
	s.end(end, closed, "'")
}

// quotedIdent scans a double-quoted identifier whose body starts at body.
func (s *scanner) quotedIdent(body int) {
	end, closed := quotedIdentEnd(s.src, body)
	s.end(end, closed, `"`)
}

// dollar scans what starts with the '$' at i: a dollar-quoted string, a
// positional parameter ($1), or a lone '$'.
func (s *scanner) dollar(i int) {
	src := s.src
	if delim, ok := dollarDelim(src, i); ok {
		end, closed := dollarEnd(src, i+len(delim), delim)
		s.end(end, closed, delim)
		return
	}
	if isDigit(byteAt(src, i+1)) {
		s.pos = integerEnd(src, i+1)
		return
	}
	s.pos = i + 1
}

// word scans what starts with the letter at i: an escape string when that
// letter is E or e and a quote follows it, else an identifier or keyword.
// A prefix counts only at the start of a word, so in abe'x' the string is
// a standard one.
//
// The other prefixes need no case of their own: B'1', X'f', N'x' and
// U&'x' are standard strings, and U&"x" a quoted identifier, so scanning
// the prefix as a word and the rest as a plain literal ends in the same
// place.
func (s *scanner) word(i int) {
	if lower(s.src[i]) == 'e' && byteAt(s.src, i+1) == '\'' {
		s.quotedString(i+2, true)
		return
	}
	s.pos = identEnd(s.src, i)
}
