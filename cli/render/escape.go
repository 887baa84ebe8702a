package render

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// isControl reports whether r is a C0 or C1 control character or DEL:
// characters a terminal would act on instead of showing.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// hasControl reports whether s holds a control character. It looks at
// bytes: C1 controls are encoded as 0xC2 0x80..0x9F.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b == 0x7f {
			return true
		}
		if b == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f && s[i+1] >= 0x80 {
			return true
		}
	}
	return false
}

// escapeDisplay makes s safe to show on one line of a terminal: newline,
// tab and carriage return become \n, \t and \r, other control characters
// \xNN (or \u00NN for C1 controls). Everything else, backslashes included,
// is left alone. It is what table and line show.
func escapeDisplay(s string) string {
	if !hasControl(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	for _, r := range s {
		if !isControl(r) {
			sb.WriteRune(r)
			continue
		}
		sb.WriteString(controlEscape(r))
	}
	return sb.String()
}

// controlEscape is the backslash form of the control character r.
func controlEscape(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\t':
		return `\t`
	case '\r':
		return `\r`
	}
	hex := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	if len(hex) < 2 {
		hex = "0" + hex
	}
	if r < 0x80 {
		return `\x` + hex
	}
	return `\u00` + hex
}

// escapeTSV escapes the characters that would break a tab-separated line:
// backslash, tab, newline and carriage return.
func escapeTSV(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			sb.WriteString(`\\`)
		case '\t':
			sb.WriteString(`\t`)
		case '\n':
			sb.WriteString(`\n`)
		case '\r':
			sb.WriteString(`\r`)
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// escapeMarkdown makes s fit in one cell of a Markdown table: "|" becomes
// "\|", a line break (\n, \r\n or \r) becomes <br>, tabs stay, and other
// control characters are escaped as in table.
func escapeMarkdown(s string) string {
	if !strings.ContainsRune(s, '|') && !hasControl(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '|':
			sb.WriteString(`\|`)
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			sb.WriteString("<br>")
			size++
		case r == '\n' || r == '\r':
			sb.WriteString("<br>")
		case r == '\t':
			sb.WriteByte('\t')
		case isControl(r):
			sb.WriteString(controlEscape(r))
		default:
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String()
}
