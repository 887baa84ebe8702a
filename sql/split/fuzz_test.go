package split

import (
	"slices"
	"strings"
	"testing"
)

// FuzzSplit checks the invariants every split must satisfy, on any input.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"select 1; select 2",
		"select 'a;b', E'c\\';d', \"e;f\"; select $t$;$t$, $1, a$b$;",
		"select /* a /* b; */ c; */ (1; 2) -- x;\n;",
		"select E'a'\n'\\';';",
		"select 1 -- c\n;",
		"select 'é\xff;",
		"$$;$a$;$$;",
		");(;",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		stmts := Split(src)
		checkStatements(t, src, stmts)
		checkComplete(t, src, stmts)
		checkRejoin(t, stmts)
		checkTrailingSpace(t, src, stmts)
		checkPrefixes(t, src, stmts)
		checkReference(t, src, stmts)
	})
}

// checkStatements checks each statement on its own and against its
// neighbours: it is where its Offset says, non-empty and trimmed; the
// statements are in order without overlap; every one but the last is
// terminated, by a ';' after it; only the last may have something open.
func checkStatements(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	prevEnd := -1
	for i, st := range stmts {
		end := st.Offset + len(st.Text)
		if st.Offset < 0 || end > len(src) || src[st.Offset:end] != st.Text {
			t.Fatalf("statement %d %q is not at offset %d", i, st.Text, st.Offset)
		}
		if st.Text == "" {
			t.Fatalf("statement %d is empty", i)
		}
		if isSpace(st.Text[0]) || isSpace(st.Text[len(st.Text)-1]) {
			t.Fatalf("statement %d %q is not trimmed", i, st.Text)
		}
		if st.Offset <= prevEnd {
			t.Fatalf("statement %d at %d starts before the end %d of the one before", i, st.Offset, prevEnd)
		}
		last := i == len(stmts)-1
		if !last && !st.Terminated {
			t.Fatalf("statement %d %q is not the last but is not terminated", i, st.Text)
		}
		if st.Terminated {
			if _, ok := semicolonAfter(src, st); !ok {
				t.Fatalf("statement %d %q is terminated but no ';' follows it", i, st.Text)
			}
			if st.Open != "" {
				t.Fatalf("terminated statement %d %q has Open %q", i, st.Text, st.Open)
			}
		}
		if !validOpen(st.Open) {
			t.Fatalf("statement %d %q has invalid Open %q", i, st.Text, st.Open)
		}
		prevEnd = end
	}
}

// semicolonAfter returns the index of the ';' that terminates st: the first
// byte after its text that is not whitespace.
func semicolonAfter(src string, st Statement) (int, bool) {
	i := st.Offset + len(st.Text)
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i, i < len(src) && src[i] == ';'
}

// validOpen reports whether open is one of the values Statement.Open may
// hold, a dollar-quote delimiter being any "$tag$".
func validOpen(open string) bool {
	switch open {
	case "", "'", `"`, "/*", "(":
		return true
	}
	if len(open) < 2 || open[0] != '$' || open[len(open)-1] != '$' {
		return false
	}
	d, ok := dollarDelim(open, 0)
	return ok && d == open
}

// checkComplete checks that Complete agrees with Split.
func checkComplete(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	want := len(stmts) > 0 && stmts[len(stmts)-1].Terminated
	if got := Complete(src); got != want {
		t.Fatalf("Complete = %v, want %v for statements %+v", got, want, stmts)
	}
}

// checkRejoin checks idempotence: the statements written back one after
// the other, each terminated one followed by its separator, split into the
// same statements (same Text, Terminated and Open).
//
// The separator is ";\n", except after a text that ends inside a -- line
// comment. That happens when the original had a newline between the
// comment and the ';' (select 1 -- c<newline>;): trimming removes the
// newline, and writing ";" right after the text would put it inside the
// comment. Such a text takes "\n;\n" instead. The exception cannot hide
// anything else: a text must really end in a line comment to get it, which
// the test checks independently of the scanner by finding "--" on its last
// line.
func checkRejoin(t *testing.T, stmts []Statement) {
	t.Helper()
	var b strings.Builder
	for _, st := range stmts {
		b.WriteString(st.Text)
		if !st.Terminated {
			continue
		}
		if endsInLineComment(st.Text) {
			lastLine := st.Text[strings.LastIndexAny(st.Text, "\r\n")+1:]
			if !strings.Contains(lastLine, "--") {
				t.Fatalf("%q said to end in a line comment but its last line has no --", st.Text)
			}
			b.WriteString("\n;\n")
		} else {
			b.WriteString(";\n")
		}
	}
	joined := b.String()
	again := Split(joined)
	if !sameStatements(stmts, again) {
		t.Fatalf("splitting the rejoined text %q gives\n%+v\nnot\n%+v", joined, again, stmts)
	}
}

// endsInLineComment reports whether text, scanned on its own, ends inside a
// -- comment.
func endsInLineComment(text string) bool {
	s := scanner{src: text}
	last := 0
	for !s.done() {
		last = s.pos
		s.next()
	}
	return strings.HasPrefix(text[last:], "--")
}

// sameStatements reports whether a and b hold the same statements, ignoring
// offsets.
func sameStatements(a, b []Statement) bool {
	return slices.EqualFunc(a, b, func(x, y Statement) bool {
		return x.Text == y.Text && x.Terminated == y.Terminated && x.Open == y.Open
	})
}

// checkTrailingSpace checks that whitespace at the end of the input changes
// nothing: it may close a line comment, but no statement's text or state.
func checkTrailingSpace(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	for _, tail := range []string{" ", "\n", "\r\n\t"} {
		if got := Split(src + tail); !slices.Equal(got, stmts) {
			t.Fatalf("appending %q changes the statements to\n%+v\nfrom\n%+v", tail, got, stmts)
		}
	}
}

// checkPrefixes checks that a statement, once its ';' is read, is final:
// the input cut just after that ';' splits into the same statements up to
// it. A shell relies on this when it runs what the user has typed so far.
func checkPrefixes(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	if len(src) > 1<<12 {
		return // quadratic; the fuzzer's inputs are almost always shorter
	}
	for i, st := range stmts {
		if !st.Terminated {
			break
		}
		semi, _ := semicolonAfter(src, st)
		if got := Split(src[:semi+1]); !slices.Equal(got, stmts[:i+1]) {
			t.Fatalf("the input cut after statement %d splits into\n%+v\nnot\n%+v", i, got, stmts[:i+1])
		}
		if !Complete(src[:semi+1]) {
			t.Fatalf("the input cut after statement %d is not complete", i)
		}
	}
}

// checkReference compares the split with the one of the reference
// splitter (reference_test.go), which interprets DuckDB's flex rules.
func checkReference(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	if len(src) > 1<<10 {
		return // the reference is quadratic
	}
	if want := refSplit(src); !slices.Equal(stmts, want) {
		t.Fatalf("Split gives\n%+v\nthe reference splitter\n%+v", stmts, want)
	}
}
