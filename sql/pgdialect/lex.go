package pgdialect

import "strings"

// The small lexer the rewriter needs to find where the parser's nodes end
// (the parser reports where they start).

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentCont(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }

// skipSpace skips whitespace and comments from i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f':
			i++
		case strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return len(s)
			}
			i += j + 1
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return len(s)
			}
			i += j + 4
		default:
			return i
		}
	}
	return i
}

// tokenEnd is the end of the token starting at i: a quoted string
// (standard or E”), a quoted identifier, a dollar-quoted string, a
// parameter, a number, a word, or one other character.
func tokenEnd(s string, i int) int {
	if i >= len(s) {
		return i
	}
	c := s[i]
	switch {
	case (c == 'e' || c == 'E') && i+1 < len(s) && s[i+1] == '\'':
		return quotedEnd(s, i+1, '\'', true)
	case c == '\'':
		return quotedEnd(s, i, '\'', false)
	case c == '"':
		return quotedEnd(s, i, '"', false)
	case c == '$':
		if j := strings.IndexByte(s[i+1:], '$'); j >= 0 && isTag(s[i+1:i+1+j]) {
			delim := s[i : i+j+2]
			if k := strings.Index(s[i+len(delim):], delim); k >= 0 {
				return i + len(delim) + k + len(delim)
			}
			return len(s)
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
		j := i + 1
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' || s[j] == 'e' || s[j] == 'E' ||
			(s[j] == '+' || s[j] == '-') && (s[j-1] == 'e' || s[j-1] == 'E')) {
			j++
		}
		return j
	case isIdentStart(c):
		j := i + 1
		for j < len(s) && isIdentCont(s[j]) {
			j++
		}
		return j
	}
	return i + 1
}

func isTag(t string) bool {
	for i := 0; i < len(t); i++ {
		if !isIdentCont(t[i]) || t[i] == '$' || i == 0 && t[i] >= '0' && t[i] <= '9' {
			return false
		}
	}
	return true
}

// quotedEnd is the end of a quoted token opened at i with q; doubled
// quotes continue it, and so do backslash escapes when backslash is set.
func quotedEnd(s string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case backslash && s[j] == '\\':
			j++
		case s[j] == q:
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// groupEnd is the end of the parenthesised or bracketed group opening at
// i, or i+1 when s[i] opens none.
func groupEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
		j = skipSpace(s, tokenEnd(s, j))
	}
	return len(s)
}

// nameEnd is the end of a possibly qualified name (a.b."c") at i.
func nameEnd(s string, i int) int {
	j := tokenEnd(s, i)
	for {
		k := skipSpace(s, j)
		if k >= len(s) || s[k] != '.' {
			return j
		}
		k = skipSpace(s, k+1)
		if k >= len(s) || !(isIdentStart(s[k]) || s[k] == '"' || s[k] == '*') {
			return j
		}
		j = tokenEnd(s, k)
	}
}

// operandEnd is the end of the primary expression at i: a literal, a
// parameter, a group, or a name with optional call arguments, each
// optionally followed by subscripts and ::type casts.
func operandEnd(s string, i int) int {
	var j int
	switch {
	case i >= len(s):
		return i
	case s[i] == '(' || s[i] == '[':
		j = groupEnd(s, i)
	case isIdentStart(s[i]) || s[i] == '"':
		if (s[i] == 'e' || s[i] == 'E') && i+1 < len(s) && s[i+1] == '\'' {
			j = tokenEnd(s, i)
			break
		}
		j = nameEnd(s, i)
		if k := skipSpace(s, j); k < len(s) && s[k] == '(' {
			j = groupEnd(s, k)
		}
	default:
		j = tokenEnd(s, i)
	}
	for {
		k := skipSpace(s, j)
		switch {
		case k < len(s) && s[k] == '[':
			j = groupEnd(s, k)
		case strings.HasPrefix(s[k:], "::"):
			j = typeEnd(s, skipSpace(s, k+2))
		default:
			return j
		}
	}
}

// typeEnd is the end of a type name at i: a qualified name, optional
// (modifiers), and [] array marks; multi-word names (double precision,
// timestamp with time zone, character varying) included.
func typeEnd(s string, i int) int {
	j := nameEnd(s, i)
	for _, w := range []string{"precision", "varying", "with time zone", "without time zone"} {
		k := skipSpace(s, j)
		if hasWords(s[k:], w) {
			j = k + len(w)
		}
	}
	if k := skipSpace(s, j); k < len(s) && s[k] == '(' {
		j = groupEnd(s, k)
	}
	for {
		k := skipSpace(s, j)
		if k < len(s) && s[k] == '[' {
			j = groupEnd(s, k)
			continue
		}
		return j
	}
}

// hasWords reports whether s starts with the words w (single spaces in w
// match any whitespace), as whole words.
func hasWords(s, w string) bool {
	i := 0
	for _, word := range strings.Fields(w) {
		i = skipSpace(s, i)
		if len(s) < i+len(word) || !strings.EqualFold(s[i:i+len(word)], word) {
			return false
		}
		i += len(word)
		if i < len(s) && isIdentCont(s[i]) {
			return false
		}
	}
	return true
}

// keywordAfter finds the keyword kw as a whole token at parenthesis depth
// zero at or after from, and returns the offset just after it, or -1.
func keywordAfter(s string, from int, kw string) int {
	depth := 0
	for i := skipSpace(s, from); i < len(s); {
		j := tokenEnd(s, i)
		switch {
		case s[i] == '(':
			depth++
		case s[i] == ')':
			depth--
		case depth == 0 && strings.EqualFold(s[i:j], kw):
			return j
		}
		i = skipSpace(s, j)
	}
	return -1
}

// openingBefore extends start backwards over whitespace and the '('s that
// open parentheses left unclosed in s[start:end] (an operand whose first
// node sits inside parentheses).
func openingBefore(s string, start, end int) int {
	unclosed := 0
	for i := start; i < end; i = tokenEnd(s, i) {
		switch s[i] {
		case '(':
			unclosed--
		case ')':
			unclosed++
		}
	}
	for unclosed > 0 {
		k := start - 1
		for k >= 0 && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r') {
			k--
		}
		if k < 0 || s[k] != '(' {
			return start
		}
		start = k
		unclosed--
	}
	return start
}
