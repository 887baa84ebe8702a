package sqltok

import "strings"

// Tokens cuts src into tokens. It accepts any input.
func Tokens(src string) []Token {
	var out []Token
	for i := 0; i < len(src); {
		t := next(src, i)
		out = append(out, t)
		i = t.End
	}
	return out
}

// next scans the token starting at i.
func next(src string, i int) Token {
	c := src[i]
	switch {
	case isSpace(c):
		j := i + 1
		for j < len(src) && isSpace(src[j]) {
			j++
		}
		return Token{Kind: Space, Start: i, End: j}
	case c == '-' && at(src, i+1) == '-':
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 { // a newline would still end it: open
			return Token{Kind: Comment, Start: i, End: len(src), Open: true}
		}
		return Token{Kind: Comment, Start: i, End: i + j}
	case c == '/' && at(src, i+1) == '*':
		return blockComment(src, i)
	case c == '\'':
		return quoted(src, i, i+1, String, '\'', false)
	case (c == 'e' || c == 'E') && at(src, i+1) == '\'':
		return quoted(src, i, i+2, String, '\'', true)
	case c == '"':
		return quoted(src, i, i+1, Ident, '"', false)
	case c == '$':
		return dollar(src, i)
	case c == '?':
		return Token{Kind: Param, Start: i, End: i + 1}
	case isDigit(c) || c == '.' && isDigit(at(src, i+1)):
		return Token{Kind: Number, Start: i, End: numberEnd(src, i)}
	case isIdentStart(c):
		j := i + 1
		for j < len(src) && isIdentCont(src[j]) {
			j++
		}
		return Token{Kind: Word, Start: i, End: j}
	case strings.IndexByte("()[]{},;.", c) >= 0:
		return Token{Kind: Punct, Start: i, End: i + 1}
	case strings.IndexByte(operatorChars, c) >= 0:
		j := i + 1
		for j < len(src) && strings.IndexByte(operatorChars, src[j]) >= 0 &&
			!(src[j] == '-' && at(src, j+1) == '-') && !(src[j] == '/' && at(src, j+1) == '*') {
			j++
		}
		return Token{Kind: Operator, Start: i, End: j}
	}
	return Token{Kind: Operator, Start: i, End: i + 1}
}

const operatorChars = "+-*/<>=!|&~^%:@#"

// blockComment scans a /* */ comment, which may nest.
func blockComment(src string, i int) Token {
	depth := 0
	for j := i; j < len(src)-1; j++ {
		switch {
		case src[j] == '/' && src[j+1] == '*':
			depth++
			j++
		case src[j] == '*' && src[j+1] == '/':
			depth--
			j++
			if depth == 0 {
				return Token{Kind: Comment, Start: i, End: j + 1}
			}
		}
	}
	return Token{Kind: Comment, Start: i, End: len(src), Open: true}
}

// quoted scans a quoted string or identifier whose body starts at body; a
// doubled quote stands for one, and with backslash a backslash escapes
// the next byte.
func quoted(src string, start, body int, kind Kind, q byte, backslash bool) Token {
	for j := body; j < len(src); j++ {
		switch {
		case backslash && src[j] == '\\':
			j++
		case src[j] == q && at(src, j+1) == q:
			j++
		case src[j] == q:
			return Token{Kind: kind, Start: start, End: j + 1}
		}
	}
	return Token{Kind: kind, Start: start, End: len(src), Open: true}
}

// dollar scans $1 (a parameter), $tag$...$tag$ (a string) or a lone $.
func dollar(src string, i int) Token {
	if isDigit(at(src, i+1)) {
		j := i + 1
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		return Token{Kind: Param, Start: i, End: j}
	}
	j := i + 1
	for j < len(src) && isIdentStart(src[j]) || j < len(src) && j > i+1 && isDigit(src[j]) {
		j++
	}
	if at(src, j) != '$' {
		return Token{Kind: Operator, Start: i, End: i + 1}
	}
	delim := src[i : j+1]
	end := strings.Index(src[j+1:], delim)
	if end < 0 {
		return Token{Kind: String, Start: i, End: len(src), Open: true}
	}
	return Token{Kind: String, Start: i, End: j + 1 + end + len(delim)}
}

// numberEnd finds the end of a numeric literal starting at i.
func numberEnd(src string, i int) int {
	if src[i] == '0' && (at(src, i+1) == 'x' || at(src, i+1) == 'X') && isHex(at(src, i+2)) {
		j := i + 2
		for j < len(src) && (isHex(src[j]) || src[j] == '_') {
			j++
		}
		return j
	}
	j := i
	for j < len(src) && (isDigit(src[j]) || src[j] == '_') {
		j++
	}
	if at(src, j) == '.' && at(src, j+1) != '.' {
		j++
		for j < len(src) && (isDigit(src[j]) || src[j] == '_') {
			j++
		}
	}
	if e := at(src, j); e == 'e' || e == 'E' {
		k := j + 1
		if s := at(src, k); s == '+' || s == '-' {
			k++
		}
		if isDigit(at(src, k)) {
			for k < len(src) && isDigit(src[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

func at(src string, i int) byte {
	if i < len(src) {
		return src[i]
	}
	return 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

func isIdentCont(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }
