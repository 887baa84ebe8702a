package split

// Statement is one statement of the input.
type Statement struct {
	// Text is the statement without its terminating ';', with leading and
	// trailing whitespace trimmed. Comments inside or before it are part
	// of it.
	Text string
	// Offset is the byte offset of Text in the input:
	// src[Offset:Offset+len(Text)] == Text.
	Offset int
	// Terminated is true when a ';' at top level ended the statement.
	Terminated bool
	// Open is, for a last statement that is not terminated, the construct
	// still open at the end of input: "'" (a string), "\"" (a quoted
	// identifier), the dollar-quote delimiter ("$$", "$fn$"), "/*" (a
	// block comment) or "(" (a parenthesis). The innermost wins: in
	// "select ('a" it is "'". It is "" when nothing is open, and always
	// for terminated statements.
	Open string
}

// Split returns the statements of src in order.
//
// Statements holding nothing but whitespace and comments are dropped, so
// ";;" or "-- note\n;" yield nothing. A block comment left open at the end
// of input is not a comment but an unfinished construct: it is kept, with
// Open "/*", so that executing it reports the error and a shell can prompt
// for the rest. A trailing statement without ';' is returned with
// Terminated false.
func Split(src string) []Statement {
	var out []Statement
	eachStatement(src, func(st Statement) {
		out = append(out, st)
	})
	return out
}

// Complete reports whether src, as typed so far in an interactive shell,
// ends a statement: it holds at least one statement and the last one is
// terminated. Whitespace and comments after the last ';' do not matter,
// but an unclosed block comment there does: the text is not complete until
// the comment is closed.
func Complete(src string) bool {
	seen, terminated := false, false
	eachStatement(src, func(st Statement) {
		seen, terminated = true, st.Terminated
	})
	return seen && terminated
}

// eachStatement scans src once and calls emit for each statement in order.
func eachStatement(src string, emit func(Statement)) {
	s := scanner{src: src}
	start := 0       // where the current statement's text may begin
	content := false // whether it holds more than whitespace and comments
	for !s.done() {
		at := s.pos
		switch s.next() {
		case kindSemicolon:
			if content {
				emit(newStatement(src, start, at, true, ""))
			}
			start, content = s.pos, false
		case kindContent:
			content = true
		}
	}
	if content {
		emit(newStatement(src, start, len(src), false, s.openAtEnd()))
	}
}

// openAtEnd returns what is open at the end of input, innermost first.
func (s *scanner) openAtEnd() string {
	if s.open != "" {
		return s.open
	}
	if s.depth > 0 {
		return "("
	}
	return ""
}

// newStatement returns the statement spanning src[start:end], with the
// whitespace around it trimmed.
func newStatement(src string, start, end int, terminated bool, open string) Statement {
	for start < end && isSpace(src[start]) {
		start++
	}
	for end > start && isSpace(src[end-1]) {
		end--
	}
	return Statement{Text: src[start:end], Offset: start, Terminated: terminated, Open: open}
}
