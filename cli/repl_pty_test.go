package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hinshun/vt10x"

	"github.com/martdb/martdb/engine"
)

const prompt = "martdb> "

// TestREPLTypedAndPasted types a statement byte by byte, then pastes a
// multi-line block of two statements: all three run. Lines after a
// statement's first show the continuation prompt.
func TestREPLTypedAndPasted(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly("select 40 +\r 2 as typed_answer;\r")
	s.waitFor("typed_answer", 10*time.Second)
	s.waitFor("42", 5*time.Second)
	s.waitFor("\n"+continuationPrompt+" 2 as typed_answer;", 5*time.Second)
	s.paste("select upper('first') as pasted_one;\nselect upper('second')\n  as pasted_two;\n")
	s.send("\r")
	s.waitFor("SECOND", 10*time.Second)
	if !strings.Contains(s.screen(), "FIRST") {
		t.Errorf("the first pasted statement did not run:\n%s", s.screen())
	}
	s.send("\x04")
	if code := s.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit code %d after Ctrl-D", code)
	}
	s.checkRestored()
}

// TestREPLCtrlCCancels cancels a slow query with Ctrl-C; the shell stays
// up and the next query works.
func TestREPLCtrlCCancels(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly("select count(*) from range(100000000000) t(i) where i % 7 = 3;\r")
	// The progress line (or, when DuckDB cannot tell the progress, the
	// time taken) says the statement runs.
	s.waitForOutput("\rrunning", 30*time.Second)
	s.send("\x03")
	s.waitFor("canceling statement due to user request", 10*time.Second)
	s.typeSlowly("select upper('still here') as after_cancel;\r")
	s.waitFor("STILL HERE", 10*time.Second)
	s.send("\x04")
	if code := s.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	s.checkRestored()
}

// TestREPLCtrlCClearsInput drops a half-typed statement on Ctrl-C.
func TestREPLCtrlCClearsInput(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly("select upper('never run') as dropped")
	s.send("\x03")
	s.waitForCount(prompt, 2, 10*time.Second) // a fresh prompt
	s.typeSlowly("select upper('ran') as kept;\r")
	s.waitFor("RAN", 10*time.Second)
	if strings.Contains(s.screen(), "NEVER RUN") {
		t.Errorf("the dropped input ran:\n%s", s.screen())
	}
	s.send(".quit\r")
	if code := s.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	s.checkRestored()
}

// TestREPLRestoresTerminal leaves the shell after an error and by
// SIGTERM: the terminal settings are those from before.
func TestREPLRestoresTerminal(t *testing.T) {
	for _, quit := range []string{"\x04", ".quit\r"} {
		t.Run(fmt.Sprintf("clean exit by %q", quit), func(t *testing.T) {
			s := startTerm(t)
			s.ready()
			s.typeSlowly("select 1 as one;\r")
			s.waitFor("1 row", 10*time.Second)
			s.waitForCount(prompt, 2, 10*time.Second)
			s.typeSlowly(quit)
			if code := s.wait(10 * time.Second); code != 0 {
				t.Fatalf("exit code %d", code)
			}
			s.checkRestored()
		})
	}
	t.Run("after an error", func(t *testing.T) {
		s := startTerm(t)
		s.ready()
		s.typeSlowly("select * from no_such_table;\r")
		s.waitFor("42P01", 10*time.Second)
		s.send("\x04")
		if code := s.wait(10 * time.Second); code != 0 {
			t.Fatalf("exit code %d", code)
		}
		s.checkRestored()
	})
	t.Run("SIGTERM", func(t *testing.T) {
		s := startTerm(t)
		s.ready()
		s.typeSlowly("select 1")
		s.waitFor(prompt+"select 1", 10*time.Second)
		s.cmd.Process.Signal(syscall.SIGTERM)
		if code := s.wait(10 * time.Second); code < 0 {
			t.Fatal("martdb did not exit on SIGTERM")
		}
		s.checkRestored()
	})
	t.Run("SIGTERM during a query", func(t *testing.T) {
		s := startTerm(t)
		s.ready()
		s.typeSlowly("select count(*) from range(100000000000) t(i) where i % 7 = 3;\r")
		s.waitForOutput("\rrunning", 30*time.Second)
		s.cmd.Process.Signal(syscall.SIGTERM)
		if code := s.wait(20 * time.Second); code != 128+int(syscall.SIGTERM) {
			t.Fatalf("exit code %d after SIGTERM, want %d", code, 128+int(syscall.SIGTERM))
		}
		// What the program wrote before it exited may still be on its
		// way to the emulator.
		deadline := time.Now().Add(5 * time.Second)
		for strings.Contains(s.screen(), "running") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if strings.Contains(s.screen(), "running") {
			t.Errorf("the progress line was left on the screen:\n%s", s.screen())
		}
		s.checkRestored()
	})
}

// TestREPLCompletionShowsFunctions completes a table function name and
// shows the candidates with their descriptions.
func TestREPLCompletionShowsFunctions(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly("select * from ")
	s.send("\t")
	s.waitFor("Conversion funnel report", 10*time.Second)
	s.waitFor("Retention table", 10*time.Second)
}

// TestREPLCompletionSharedDescriptions completes among candidates that
// share a description (tables, DuckDB's functions) beside a long
// signature. The editor groups such candidates and, when the widest one
// took more than half the screen, looped forever eating memory; the
// displays are now clipped to fit.
func TestREPLCompletionSharedDescriptions(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.paste("create table report_a (x int); create table report_b (x int);")
	s.send("\r")
	s.waitFor("martdb> ", 10*time.Second)
	s.typeSlowly("select * from re")
	s.send("\t")
	s.waitFor("read_parquet", 10*time.Second)
	s.waitFor("report_b", 10*time.Second)
}

// TestREPLHistoryPerStatement keeps one history entry per statement.
func TestREPLHistoryPerStatement(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.paste("select 1 as h1; select upper('two') as h2;")
	s.send("\r")
	s.waitFor("TWO", 10*time.Second)
	s.send("\x04")
	s.wait(10 * time.Second)
	hist, err := os.ReadFile(s.history)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(hist), "\n"); n != 2 || !strings.Contains(string(hist), "select upper('two') as h2;") {
		t.Errorf("history has %d entries:\n%s", n, hist)
	}
}

// TestREPLHistorySearchAcrossRuns finds, with Ctrl-R, a statement run in
// an earlier session, and runs it again.
func TestREPLHistorySearchAcrossRuns(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")
	first := startTermHistory(t, history)
	first.ready()
	// Wait for each result (not the echo of the typed line) so that
	// Ctrl-D reaches an idle, empty prompt.
	first.typeSlowly("select 'needle' as found_it;\r")
	first.waitFor("│ needle", 10*time.Second)
	first.typeSlowly("select 'haystack' as other;\r")
	first.waitFor("│ haystack", 10*time.Second)
	first.waitForCount(prompt, 3, 10*time.Second)
	first.send("\x04")
	if code := first.wait(10 * time.Second); code != 0 {
		t.Fatalf("first session exited with %d", code)
	}
	second := startTermHistory(t, history)
	second.ready()
	second.send("\x12") // Ctrl-R
	second.waitFor("(inc-search)", 10*time.Second)
	second.typeSlowly("needle")
	second.waitFor(prompt+"select 'needle' as found_it;", 10*time.Second) // found
	second.send("\r")
	second.waitFor("│ needle", 10*time.Second) // the result, not the line found
}

// TestREPLTypeAhead keeps what is typed while a statement runs: it runs
// next. (The editor's cursor-position query used to swallow it.)
func TestREPLTypeAhead(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.send("select count(*) as slow from range(300000000) t(i) where i % 7 = 3;\r")
	s.waitFor(prompt+"select count(*) as slow", 10*time.Second)
	s.send("select upper('typed ahead') as ahead;\r")
	s.waitFor("42857143", 20*time.Second)
	s.waitFor("TYPED AHEAD", 20*time.Second)
	s.send(".quit\r")
	if code := s.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	s.checkRestored()
}

// TestREPLProgressPagerExpanded: a slow query shows a progress line; a
// tall result goes through $PAGER; \x auto expands a row too wide for
// the terminal.
func TestREPLProgressPagerExpanded(t *testing.T) {
	s := startTerm(t)
	s.ready()
	// A query DuckDB runs in parallel over a table's row groups: while
	// workers take the tasks, the connection's thread reports progress.
	// (A range() scan is one task; under CPU contention the connection's
	// own thread may run it whole and report no progress at all.)
	s.typeSlowly("create table big as select i from range(50000000) t(i);\r")
	s.waitFor("martdb> create table big", 5*time.Second)
	// About three seconds on an idle machine (hashing i::varchar alone
	// took under one, too quick for the progress line to be due).
	s.typeSlowly("select count(*) as n from big where hash(i::varchar || 'salt' || i::varchar) % 7 = 3;\r")
	s.waitForOutput("running [", 30*time.Second)
	s.waitFor("7144162", 90*time.Second)
	if strings.Contains(s.screen(), "running [") {
		t.Errorf("the progress line was not cleared:\n%s", s.screen())
	}
	s.typeSlowly("select i from range(100) t(i);\r")
	s.waitFor("PAGED:100 rows (40 shown)", 10*time.Second)
	s.typeSlowly(".pager off\r")
	s.waitFor("Pager is off.", 10*time.Second)
	s.typeSlowly("select i as unpaged from range(100) t(i);\r")
	s.waitFor("\n100 rows (40 shown)", 10*time.Second) // not through the pager
	s.typeSlowly("\\x auto\r")
	s.typeSlowly("select repeat('x', 70) as wide_one, repeat('y', 70) as wide_two;\r")
	s.waitFor("wide_two = yyy", 10*time.Second)
}

// TestREPLCompletionAfterPunctuation completes where nothing is typed yet
// but the cursor follows a quote or a dot: the mode names inside
// funnel(...), a table alias's columns. (readline took the word before
// the cursor, "'" or "o.", for the prefix and offered nothing.)
func TestREPLCompletionAfterPunctuation(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly("select * from funnel(events, user_id, ts, [true], mode := '")
	s.send("\t")
	s.waitFor("strict_deduplication", 10*time.Second)
	s.send("\x03")
	s.waitForCount(prompt, 2, 10*time.Second)
	s.paste("create table shop_orders (order_id int, amount_paid double);")
	s.send("\r")
	s.waitFor("CREATE", 10*time.Second)
	s.typeSlowly("select o.")
	s.send("\t")
	s.waitFor("amount_paid", 10*time.Second)
}

// TestREPLOpen starts on a database file, named in the banner with the
// version and where to get help, then opens another one from the shell:
// it is created, and what is made in it is there.
func TestREPLOpen(t *testing.T) {
	dir := t.TempDir()
	first, db := filepath.Join(dir, "first.db"), filepath.Join(dir, "other.db")
	s := startTerm(t, first)
	s.ready()
	s.waitFor(fmt.Sprintf("martdb %s on %s; .help for help", engine.Version, first), 5*time.Second)
	s.typeSlowly(".open " + db + "\r")
	s.waitFor("opened "+db, 20*time.Second)
	s.typeSlowly("create table in_other (x int);\r")
	s.waitFor("CREATE", 10*time.Second)
	s.typeSlowly(".tables\r")
	s.waitFor("│ in_other", 10*time.Second)
	s.waitForCount(prompt, 4, 10*time.Second)
	s.send("\x04")
	if code := s.wait(10 * time.Second); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("the database file was not made: %v", err)
	}
}

// TestREPLHighlights colours the input as it is typed: keywords bold
// blue, strings green, numbers cyan, comments grey.
func TestREPLHighlights(t *testing.T) {
	s := startTerm(t)
	s.ready()
	line := prompt + "select 'x', 42 -- note"
	s.typeSlowly(line[len(prompt):])
	s.waitFor(line, 10*time.Second)
	y := s.findLine(line)
	for _, c := range []struct {
		at   string
		want vt10x.Color
	}{
		{"select", 4 + 8}, // blue, drawn bright for bold
		{"'x'", 2},
		{"42", 6},
		{"-- note", 8},
	} {
		x := strings.Index(line, c.at)
		// The last character is drawn last: when it has its colour, the
		// line's highlighting is on screen.
		deadline := time.Now().Add(10 * time.Second)
		for s.fg(x+len(c.at)-1, y) != c.want && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		for i := range len(c.at) {
			if got := s.fg(x+i, y); got != c.want {
				t.Errorf("%q: column %d has colour %d, want %d", c.at, x+i, got, c.want)
			}
		}
	}
	if got := s.fg(strings.Index(line, ","), y); got != vt10x.DefaultFG {
		t.Errorf("the comma has colour %d, want the default", got)
	}
}

// TestREPLPromptAtBottom shows the prompt below a result that filled the
// screen, and what is typed there, without drawing over the result's
// last line. (The editor cleared the bottom row at each redraw: the
// prompt vanished and the input then overwrote the footer.)
func TestREPLPromptAtBottom(t *testing.T) {
	s := startTerm(t)
	s.ready()
	s.typeSlowly(".pager off\r")
	s.waitFor("Pager is off.", 10*time.Second)
	s.typeSlowly("select i from range(60) t(i);\r")
	footer := "60 rows (40 shown)"
	s.waitForLines(footer, prompt, 10*time.Second)
	s.typeSlowly("select 'after' as typed")
	s.waitForLines(footer, prompt+"select 'after' as typed", 10*time.Second)
	s.typeSlowly(",\r")
	s.waitForLines(prompt+"select 'after' as typed,", continuationPrompt, 10*time.Second)
	s.typeSlowly("2 as two;\r")
	s.waitFor("│ after", 10*time.Second)
}
