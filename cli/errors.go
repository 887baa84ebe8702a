package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/martdb/martdb/engine"
)

// printError writes err the way psql does: an ERROR line with the SQLSTATE,
// then the offending line with a caret under the position, DETAIL and HINT.
// src is the text the statement came from ("" when none).
func printError(w io.Writer, err error, src string) {
	var e *engine.Error
	if !errors.As(err, &e) {
		fmt.Fprintf(w, "ERROR: %v\n", err)
		return
	}
	fmt.Fprintf(w, "ERROR: %s (SQLSTATE %s)\n", e.Message, e.Code)
	if e.Position > 0 && src != "" {
		writeCaret(w, src, e.Position)
	}
	if e.Detail != "" {
		fmt.Fprintf(w, "DETAIL: %s\n", e.Detail)
	}
	if e.Hint != "" {
		fmt.Fprintf(w, "HINT: %s\n", e.Hint)
	}
}

// writeCaret shows the line holding the 1-based character position pos of
// src, and a caret under that character.
func writeCaret(w io.Writer, src string, pos int) {
	line, col := 1, 0
	start := 0
	i := 0
	for off, r := range src {
		if i == pos-1 {
			col = utf8.RuneCountInString(src[start:off])
			break
		}
		if r == '\n' {
			line++
			start = off + 1
		}
		i++
	}
	end := strings.IndexByte(src[start:], '\n')
	text := src[start:]
	if end >= 0 {
		text = src[start : start+end]
	}
	text = strings.TrimRight(text, "\r")
	prefix := fmt.Sprintf("LINE %d: ", line)
	fmt.Fprintf(w, "%s%s\n", prefix, text)
	fmt.Fprintf(w, "%s^\n", strings.Repeat(" ", utf8.RuneCountInString(prefix)+col))
}
