package split

import "strings"

// The functions below each find the end of one lexical construct. They take
// the input and the index where the construct's body starts, and return the
// index just past its end; those for quoted constructs and block comments
// also report whether the construct was closed before the end of input
// (when it was not, the end is len(src)). None of them looks behind its
// start, and none reads past len(src).

// lineCommentEnd returns the end of the -- comment starting at i: the index
// of the newline that ends it (the newline is not part of the comment), or
// len(src).
func lineCommentEnd(src string, i int) int {
	for i < len(src) && !isNewline(src[i]) {
		i++
	}
	return i
}

// blockCommentEnd returns the end of the /* comment whose "/*" is at i.
// Comments nest: each "/*" inside needs its own "*/".
func blockCommentEnd(src string, i int) (int, bool) {
	depth := 0
	i += len("/*")
	for i < len(src) {
		switch {
		case src[i] == '*' && byteAt(src, i+1) == '/':
			if depth == 0 {
				return i + 2, true
			}
			depth--
			i += 2
		case src[i] == '/' && byteAt(src, i+1) == '*':
			depth++
			i += 2
		default:
			i++
		}
	}
	return len(src), false
}

// stringEnd returns the end of the single-quoted string whose body starts
// at i, just past the opening quote. A doubled quote stands for one quote.
// When backslash is set (an E'...' escape string), a backslash escapes the
// byte after it, and a quote that continues the string on a later line
// (see continuation) resumes the same string, still with backslash escapes.
//
// For standard strings a continuation is not followed: closing the string
// and opening a new one at the continuing quote splits the text the same
// way, and avoids looking ahead.
func stringEnd(src string, i int, backslash bool) (int, bool) {
	for i < len(src) {
		switch src[i] {
		case '\\':
			if backslash {
				i += 2
				continue
			}
		case '\'':
			if byteAt(src, i+1) == '\'' {
				i += 2
				continue
			}
			if backslash {
				if q, ok := continuation(src, i+1); ok {
					i = q + 1
					continue
				}
			}
			return i + 1, true
		}
		i++
	}
	return len(src), false
}

// continuation reports whether the text at i, just past a string's closing
// quote, continues the string: SQL joins 'a' and 'b' into one literal when
// only whitespace and -- comments containing at least one newline separate
// them. It returns the index of the continuing quote.
func continuation(src string, i int) (int, bool) {
	newline := false
	for i < len(src) {
		c := src[i]
		switch {
		case isNewline(c):
			newline = true
			i++
		case isSpace(c):
			i++
		case c == '-' && byteAt(src, i+1) == '-':
			i = lineCommentEnd(src, i)
		case c == '\'' && newline:
			return i, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// quotedIdentEnd returns the end of the double-quoted identifier whose body
// starts at i, just past the opening quote. A doubled quote stands for one
// quote.
func quotedIdentEnd(src string, i int) (int, bool) {
	for i < len(src) {
		j := strings.IndexByte(src[i:], '"')
		if j < 0 {
			break
		}
		i += j + 1
		if byteAt(src, i) != '"' {
			return i, true
		}
		i++
	}
	return len(src), false
}

// dollarDelim returns the dollar-quote delimiter ("$$" or "$tag$") that
// starts at i, where src[i] == '$', or false when none does.
func dollarDelim(src string, i int) (string, bool) {
	j := i + 1
	if j < len(src) && isIdentStart(src[j]) {
		j++
		for j < len(src) && isTagCont(src[j]) {
			j++
		}
	}
	if byteAt(src, j) != '$' {
		return "", false
	}
	return src[i : j+1], true
}

// dollarEnd returns the end of the dollar-quoted string whose body starts
// at i, just past the opening delimiter: the end of the first copy of delim.
func dollarEnd(src string, i int, delim string) (int, bool) {
	j := strings.Index(src[i:], delim)
	if j < 0 {
		return len(src), false
	}
	return i + j + len(delim), true
}

// identEnd returns the end of the identifier starting at i. Identifiers may
// contain '$', which is why a$b$ holds no dollar quote.
func identEnd(src string, i int) int {
	i++
	for i < len(src) && isIdentCont(src[i]) {
		i++
	}
	return i
}

// integerEnd returns the end of the integer starting at the digit at i:
// digits, with single underscores allowed between them (1_000).
func integerEnd(src string, i int) int {
	i++
	for i < len(src) {
		switch {
		case isDigit(src[i]):
			i++
		case src[i] == '_' && isDigit(byteAt(src, i+1)):
			i += 2
		default:
			return i
		}
	}
	return i
}

// numberEnd returns the end of the numeric literal starting at the digit at
// i: an integer, an optional fraction, an optional exponent. The boundary
// matters because of what may follow: in 1e5$$ the exponent is part of the
// number and $$ opens a dollar quote, while in 1e'x' the "e" is not an
// exponent and starts an escape string. "1..2" is 1, "..", 2.
func numberEnd(src string, i int) int {
	i = integerEnd(src, i)
	if byteAt(src, i) == '.' && byteAt(src, i+1) != '.' {
		i++
		if isDigit(byteAt(src, i)) {
			i = integerEnd(src, i)
		}
	}
	if c := byteAt(src, i); c == 'e' || c == 'E' {
		j := i + 1
		if c := byteAt(src, j); c == '+' || c == '-' {
			j++
		}
		if isDigit(byteAt(src, j)) {
			i = integerEnd(src, j)
		}
	}
	return i
}
