package split

// Byte classes of the SQL scanner. Every byte of 0x80 and above counts as a
// letter, as in PostgreSQL and DuckDB, so identifiers and dollar-quote tags
// may hold any UTF-8 text (and any invalid byte, too).

// isSpace reports whether c is SQL whitespace. DuckDB's scanner does not
// count vertical tab, so neither does this package.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// isNewline reports whether c ends a line: either '\n' or '\r'.
func isNewline(c byte) bool {
	return c == '\n' || c == '\r'
}

func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// isIdentStart reports whether c may begin an identifier or a dollar-quote
// tag.
func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}

// isTagCont reports whether c may continue a dollar-quote tag.
func isTagCont(c byte) bool {
	return isIdentStart(c) || isDigit(c)
}

// isIdentCont reports whether c may continue an identifier; unlike a tag,
// an identifier may contain '$'.
func isIdentCont(c byte) bool {
	return isTagCont(c) || c == '$'
}

// lower folds an ASCII upper-case letter to lower case and returns any
// other byte unchanged.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + ('a' - 'A')
	}
	return c
}

// byteAt returns src[i], or 0 when i is past the end of src.
func byteAt(src string, i int) byte {
	if i < len(src) {
		return src[i]
	}
	return 0
}
