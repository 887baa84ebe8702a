package split

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// This file holds a second, independent splitter used as an oracle by
// FuzzSplit. Instead of hand-written scanning code it interprets the flex
// rules of DuckDB's scanner (third_party/libpg_query/scan.l, a fork of
// PostgreSQL's scan.l, whose rules psql's scanner mirrors): the rule
// patterns are written out below as regular expressions and applied with
// flex's matching discipline: in each state, the rule with the longest
// match wins, the earlier rule on a tie, and an action may give back all
// but the first n bytes of its match (yyless). It is slow and simple on
// purpose.
//
// Rules that cannot change where statements end are merged: all operators,
// punctuation and keywords are one-character "content" tokens, except that
// a multi-character operator is cut before an embedded "/*" or "--" as the
// scanner's operator action does. The error rules (invalid Unicode escapes)
// are treated as the text they match.

// Go's regexp works on UTF-8 text, while flex works on bytes: refLexer maps
// each input byte of 0x80 and above to one rune in U+0180..U+01FF (hb
// below), so that every input byte is exactly one rune.
const hb = `\x{180}-\x{1FF}`

// Pattern pieces, named as in scan.l.
const (
	rSpace       = `[ \t\n\r\f]`
	rComment     = `--[^\n\r]*`
	rWhitespace  = `(?:` + rSpace + `+|` + rComment + `)`
	rSpecialWS   = `(?:` + rSpace + `+|` + rComment + `[\n\r])`
	rHorizWS     = `(?:[ \t\f]|` + rComment + `)`
	rWSNewline   = rHorizWS + `*[\n\r]` + rSpecialWS + `*`
	rQuoteStop   = `'` + rWhitespace + `*`
	rQuoteFail   = `'` + rWhitespace + `*-`
	rQuoteCont   = `'` + rWSNewline + `'`
	rIdentStart  = `[A-Za-z` + hb + `_]`
	rIdentCont   = `[A-Za-z` + hb + `_0-9$]`
	rDolqCont    = `[A-Za-z` + hb + `_0-9]`
	rDolqDelim   = `\$(?:` + rIdentStart + rDolqCont + `*)?\$`
	rDolqFailed  = `\$` + rIdentStart + rDolqCont + `*`
	rOpChars     = "[~!@^&|`+\\-*/%<>=]"
	rInteger     = `[0-9](?:_?[0-9])*`
	rDecimal     = `(?:` + rInteger + `\.(?:` + rInteger + `)?|(?:` + rInteger + `)?\.` + rInteger + `)`
	rIntOrDec    = `(?:` + rInteger + `|` + rDecimal + `)`
	rXEInside    = `[^\\']+`
	rXEEscape    = `\\[^0-7]`
	rXEOctEsc    = `\\[0-7]{1,3}`
	rXEHexEsc    = `\\x[0-9A-Fa-f]{1,2}`
	rXEUnicode   = `\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})`
	rXEUniFail   = `\\(?:u[0-9A-Fa-f]{0,3}|U[0-9A-Fa-f]{0,7})`
	rBlockStart  = `/\*` + rOpChars + `*`
	rBlockStop   = `\*+/`
	rBlockInside = `[^*/]+`
)

// refState is a flex start condition. xb and xh behave alike, and so do
// xq and xus (and xd and xui), for splitting.
type refState int

const (
	refInitial refState = iota
	refXC               // /* comment */
	refXB               // B'...' and X'...'
	refXQ               // '...' and U&'...'
	refXE               // E'...'
	refXD               // "..." and U&"..."
	refXDolq            // $tag$...$tag$
)

// refRule is one flex rule: a pattern and the action run on its match. The
// action returns how many bytes of the match to consume (yyless), or -1
// for all of it.
type refRule struct {
	re     *regexp.Regexp
	action func(l *refLexer, match string) int
}

func rule(pattern string, action func(l *refLexer, match string) int) refRule {
	re := regexp.MustCompile(`^(?:` + pattern + `)`)
	re.Longest()
	return refRule{re, action}
}

// Token classes the rules report to the splitter.
const (
	refSpace = iota
	refContent
	refSemicolon
)

// refLexer is the state of the interpreted scanner.
type refLexer struct {
	state  refState
	depth  int    // parenthesis depth
	xc     int    // comment nesting depth in refXC
	delim  string // the dollar-quote delimiter in refXDolq (mapped runes)
	class  int    // the class of the token the last INITIAL action scanned
	enterC bool   // the last INITIAL action opened a comment
}

func stay(*refLexer, string) int { return -1 }

func begin(s refState) func(*refLexer, string) int {
	return func(l *refLexer, _ string) int { l.state = s; return -1 }
}

func giveBack(n int, s refState) func(*refLexer, string) int {
	return func(l *refLexer, m string) int { l.state = s; return n }
}

var refRules = map[refState][]refRule{
	refInitial: {
		rule(rWhitespace, func(l *refLexer, _ string) int { l.class = refSpace; return -1 }),
		rule(rBlockStart, func(l *refLexer, _ string) int {
			l.state, l.xc, l.class, l.enterC = refXC, 0, refSpace, true
			return 2
		}),
		rule(`[bB]'`, begin(refXB)),
		rule(`[xX]'`, begin(refXB)),
		rule(`[nN]'`, func(*refLexer, string) int { return 1 }),
		rule(`'`, begin(refXQ)),
		rule(`[eE]'`, begin(refXE)),
		rule(`[uU]&'`, begin(refXQ)),
		rule(rDolqDelim, func(l *refLexer, m string) int { l.state, l.delim = refXDolq, m; return -1 }),
		rule(rDolqFailed, func(*refLexer, string) int { return 1 }),
		rule(`"`, begin(refXD)),
		rule(`[uU]&"`, begin(refXD)),
		rule(`[uU]&`, func(*refLexer, string) int { return 1 }),
		rule(`[,()\[\].;:+\-*/%^<>=]`, func(l *refLexer, m string) int {
			switch m {
			case "(":
				l.depth++
			case ")":
				if l.depth > 0 {
					l.depth--
				}
			case ";":
				if l.depth == 0 {
					l.class = refSemicolon
				}
			}
			return -1
		}),
		rule(rOpChars+`+`, func(_ *refLexer, m string) int {
			cut := len(m)
			if i := strings.Index(m, "/*"); i >= 0 {
				cut = i
			}
			if i := strings.Index(m, "--"); i >= 0 && i < cut {
				cut = i
			}
			return cut
		}),
		rule(`\$`+rInteger, stay),
		rule(`\?`+rInteger, stay),
		rule(rInteger, stay),
		rule(rDecimal, stay),
		rule(`(?:`+rInteger+`)+\.\.`, func(_ *refLexer, m string) int { return len(m) - 2 }),
		rule(rIntOrDec+`[Ee][-+]?`+rInteger, stay),
		rule(rIntOrDec+`[Ee]`, func(_ *refLexer, m string) int { return len(m) - 1 }),
		rule(rIntOrDec+`[Ee][-+]`, func(_ *refLexer, m string) int { return len(m) - 2 }),
		rule(rIdentStart+rIdentCont+`*`, stay),
		rule(`.`, stay),
	},
	refXC: {
		rule(rBlockStart, func(l *refLexer, _ string) int { l.xc++; return 2 }),
		rule(rBlockStop, func(l *refLexer, _ string) int {
			if l.xc <= 0 {
				l.state = refInitial
			} else {
				l.xc--
			}
			return -1
		}),
		rule(rBlockInside, stay),
		rule(rOpChars, stay),
		rule(`\*+`, stay),
	},
	refXB: {
		rule(rQuoteStop, giveBack(1, refInitial)),
		rule(rQuoteFail, giveBack(1, refInitial)),
		rule(`[^']+`, stay),
		rule(rQuoteCont, stay),
	},
	refXQ: {
		rule(rQuoteStop, giveBack(1, refInitial)),
		rule(rQuoteFail, giveBack(1, refInitial)),
		rule(`''`, stay),
		rule(`[^']+`, stay),
		rule(rQuoteCont, stay),
	},
	refXE: {
		rule(rQuoteStop, giveBack(1, refInitial)),
		rule(rQuoteFail, giveBack(1, refInitial)),
		rule(`''`, stay),
		rule(rXEInside, stay),
		rule(rXEUnicode, stay),
		rule(rXEUniFail, stay),
		rule(rXEEscape, stay),
		rule(rXEOctEsc, stay),
		rule(rXEHexEsc, stay),
		rule(rQuoteCont, stay),
		rule(`.`, stay),
	},
	refXD: {
		rule(`"`, begin(refInitial)),
		rule(`""`, stay),
		rule(`[^"]+`, stay),
	},
	refXDolq: {
		rule(rDolqDelim, func(l *refLexer, m string) int {
			if m == l.delim {
				l.state = refInitial
				return -1
			}
			return utf8.RuneCountInString(m) - 1
		}),
		rule(`[^$]+`, stay),
		rule(rDolqFailed, stay),
		rule(`.`, stay),
	},
}

// mapBytes returns src with every byte turned into one rune, bytes of 0x80
// and above into U+0180..U+01FF.
func mapBytes(src string) []rune {
	rs := make([]rune, len(src))
	for i := 0; i < len(src); i++ {
		if src[i] < 0x80 {
			rs[i] = rune(src[i])
		} else {
			rs[i] = 0x100 + rune(src[i])
		}
	}
	return rs
}

// refSplit splits src the way the interpreted scanner tokenizes it.
func refSplit(src string) []Statement {
	runes := mapBytes(src)
	var out []Statement
	var l refLexer
	start, content := 0, false
	emit := func(end int, terminated bool, open string) {
		text := strings.TrimLeft(src[start:end], " \t\n\r\f")
		off := end - len(text)
		text = strings.TrimRight(text, " \t\n\r\f")
		out = append(out, Statement{Text: text, Offset: off, Terminated: terminated, Open: open})
	}
	for pos := 0; pos < len(runes); {
		rest := string(runes[pos:])
		var best *refRule
		bestLen := 0
		for i, r := range refRules[l.state] {
			if m := r.re.FindString(rest); len(m) > bestLen {
				best, bestLen = &refRules[l.state][i], len(m)
			}
		}
		if best == nil {
			panic("no rule matches " + rest) // the rule sets are total
		}
		match := rest[:bestLen]
		initial := l.state == refInitial
		l.class, l.enterC = refContent, false
		n := best.action(&l, match)
		if n < 0 {
			n = utf8.RuneCountInString(match)
		}
		if initial && !l.enterC {
			switch l.class {
			case refContent:
				content = true
			case refSemicolon:
				if content {
					emit(pos, true, "")
				}
				start, content = pos+1, false
			}
		}
		pos += n
	}
	var open string
	switch l.state {
	case refXC:
		open, content = "/*", true
	case refXB, refXQ, refXE:
		open = "'"
	case refXD:
		open = `"`
	case refXDolq:
		open = unmapRunes(l.delim)
	default:
		if l.depth > 0 {
			open = "("
		}
	}
	if content {
		emit(len(src), false, open)
	}
	return out
}

// unmapRunes undoes mapBytes.
func unmapRunes(s string) string {
	var b []byte
	for _, r := range s {
		if r >= 0x100 {
			r -= 0x100
		}
		b = append(b, byte(r))
	}
	return string(b)
}
