package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/reeflective/readline"
	"github.com/reeflective/readline/inputrc"
	"golang.org/x/term"

	"github.com/martdb/martdb/cli/complete"
	"github.com/martdb/martdb/cli/highlight"
)

// readlineEditor is the terminal editor, on reeflective/readline:
// multi-line input until a statement ends, history in a file (one entry
// per input, Ctrl-R to search), completion and highlighting.
type readlineEditor struct {
	shell *readline.Shell
}

func newReadlineEditor(schema *schemaCache, historyFile string) *readlineEditor {
	sh := readline.NewShell(inputrc.WithApp("martdb"))
	// Tab shows the candidates with their descriptions, after inserting
	// what they have in common; Tab again walks through them.
	for _, km := range []string{"emacs", "vi-insert"} {
		sh.Config.Bind(km, "\t", "menu-complete", false)
	}
	sh.Config.Set("menu-complete-display-prefix", true)
	// SQL words match in any case: "Sel" completes to SELECT.
	sh.Config.Set("completion-ignore-case", true)
	// The editor would ask the terminal where its cursor is at every
	// prompt; keys typed ahead (while a query runs) that arrive before the
	// answer are dropped. Our prompts always start a line, so the
	// question is not needed.
	sh.Config.Set("cursor-position-probe", false)
	sh.Prompt.Primary(func() string { return primaryPrompt })
	sh.AcceptMultiline = func(line []rune) bool { return inputComplete(string(line)) }
	sh.SyntaxHighlighter = func(line []rune) string {
		text := string(line)
		shown := withContinuationPrompts(highlight.Render(text, highlight.Spans(text, schema.isFunction), highlight.DefaultTheme))
		return reserveRows(text, len(primaryPrompt), terminalColumns()) + shown
	}
	sh.Completer = func(line []rune, cursor int) readline.Completions {
		return completions(string(line), cursor, schema)
	}
	if historyFile != "" && touch(historyFile) == nil {
		if file, err := readline.NewHistoryFromFile(historyFile); err == nil {
			sh.History.Delete() // the default in-memory source
			sh.History.Add("history", statementHistory{file})
		}
	}
	return &readlineEditor{shell: sh}
}

func (e *readlineEditor) Readline() (string, error) {
	line, err := e.shell.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", errInterrupt
	}
	return line, err
}

func (e *readlineEditor) Close() error { return nil }

// completions adapts the completion engine to readline: the candidates,
// with the text they replace as the prefix.
//
// Candidates are grouped under a heading per kind. readline v1.3.0 lays
// out candidates that share a description as "aliases", one row each,
// and loops forever when the widest display is over half the screen. So
// a description shared within a group ("table", "column of orders") is
// left out, which gives a compact grid, and displays are clipped to stay
// below half the screen all the same.
func completions(text string, cursor int, schema *schemaCache) readline.Completions {
	cursor = byteOffset(text, cursor)
	cands, start := complete.Complete(text, cursor, schema, listFiles)
	lead := leadingByte(text, start, cursor)
	displayWidth := maxDisplayWidth(terminalColumns())
	shared := sharedDescriptions(cands)
	vals := make([]readline.Completion, 0, len(cands))
	for _, c := range cands {
		desc := c.Description
		if shared[c.Kind+"\x00"+desc] {
			desc = "" // the group's heading says it; see above
		}
		vals = append(vals, readline.Completion{Value: lead + keptValue(c.Text, text[start:cursor]), Display: clip(c.Display, displayWidth), Description: clip(desc, 70), Tag: groupHeadings[c.Kind]})
	}
	comps := readline.CompleteRaw(vals).NoSpace()
	comps.PREFIX = lead + text[start:cursor]
	return comps
}

// keptValue is the candidate's text in a form readline keeps for the
// typed prefix, which it compares with the start of each value ignoring
// case (see completion-ignore-case): a name the user began with a double
// quote is offered quoted.
func keptValue(value, prefix string) string {
	if hasPrefixFold(value, prefix) || !strings.HasPrefix(prefix, `"`) {
		return value
	}
	if q := quoteIdent(value); hasPrefixFold(q, prefix) {
		return q
	}
	return value
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// leadingByte is the character before the cursor when the candidates
// replace nothing and it is not a blank: readline v1.3.0 takes an empty
// prefix to mean "work it out" and takes the blank-separated word before
// the cursor ("o.", "sum(", "'"), which no candidate starts with, so that
// nothing was offered after a dot, a parenthesis or a quote. With that
// character in the prefix and in front of every value, readline replaces
// it with itself. Only ASCII qualifies: readline measures the prefix in
// bytes but moves the cursor by characters.
func leadingByte(text string, start, cursor int) string {
	if start != cursor || start == 0 {
		return ""
	}
	c := text[start-1]
	if c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
		return ""
	}
	return string(c)
}

// groupHeadings name the menu's groups by candidate kind.
var groupHeadings = map[string]string{
	"table": "tables and views", "column": "columns", "function": "martdb functions",
	"builtin": "DuckDB functions", "keyword": "keywords", "option": "named options",
	"value": "values", "file": "files", "command": "meta-commands",
}

// sharedDescriptions finds the descriptions more than one candidate of a
// kind has, keyed by kind and description.
func sharedDescriptions(cands []complete.Candidate) map[string]bool {
	count := map[string]int{}
	for _, c := range cands {
		if c.Description != "" {
			count[c.Kind+"\x00"+c.Description]++
		}
	}
	shared := map[string]bool{}
	for k, n := range count {
		shared[k] = n > 1
	}
	return shared
}

// maxDisplayWidth is the widest a candidate's display may be on a screen
// of the given width, in bytes: two less than half of it, and at most 60.
func maxDisplayWidth(columns int) int {
	return max(min(columns/2-2, 60), 4)
}

// terminalColumns is the width of the terminal on stdout, 80 when unknown.
func terminalColumns() int {
	if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
		return w
	}
	return 80
}

// clip shortens s to at most n bytes, marking the cut with "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// readline measures in bytes: cut at a character boundary within n
	// bytes, the marker included.
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:max(cut, 0)] + "…"
}

// byteOffset turns readline's rune cursor into a byte offset of text.
func byteOffset(text string, runes int) int {
	for i := range text {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(text)
}

// listFiles lists the directory entries starting with prefix, for path
// completion; directories end with a slash.
func listFiles(prefix string) []string {
	dir, base := filepath.Split(prefix)
	read := dir
	if read == "" {
		read = "."
	}
	entries, err := os.ReadDir(read)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) || strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		name := dir + e.Name()
		if e.IsDir() {
			name += "/"
		}
		out = append(out, name)
	}
	return out
}

// touch creates the file if it does not exist, private to the user.
func touch(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// historyPath is where the REPL keeps its history: $MARTDB_HISTORY, else
// ~/.martdb_history ("" when there is no home directory).
func historyPath() string {
	if p := os.Getenv("MARTDB_HISTORY"); p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".martdb_history")
}
