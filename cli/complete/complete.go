package complete

import (
	"strings"

	"github.com/martdb/martdb/cli/meta"
	"github.com/martdb/martdb/sql/split"
)

// Function is a function completion knows.
type Function struct {
	Name string
	// Signature is the call with its argument names and named options
	// ("funnel(source, user, ts, steps BOOLEAN[], mode := '') -> TABLE(...)");
	// empty for DuckDB's own functions.
	Signature   string
	Description string
	// Kind is "scalar", "aggregate", "table", "macro" or "table_macro".
	Kind string
	// Choices lists the strings a named option accepts.
	Choices map[string][]string
	// Builtin marks DuckDB's own functions, offered after martdb's and
	// only once a prefix is typed.
	Builtin bool
}

// isTable reports whether the function is used in FROM.
func (f *Function) isTable() bool { return f.Kind == "table" || f.Kind == "table_macro" }

// Schema is what completion needs to know about the database.
type Schema interface {
	Tables() []string              // tables and views
	Columns(table string) []string // a table's columns, any case of its name
	Functions() []Function
}

// Candidate is one proposal.
type Candidate struct {
	Text        string // what replaces the text from start to the cursor
	Display     string // what the menu shows
	Description string // shown beside Display
	Kind        string // keyword, table, column, function (martdb's), builtin (DuckDB's), option, value, file, command
}

// FileLister lists the paths that start with prefix; directories end with
// a slash.
type FileLister func(prefix string) []string

// Complete returns the candidates for the cursor (a byte offset of text)
// and the offset where the text they replace starts.
func Complete(text string, cursor int, s Schema, files FileLister) ([]Candidate, int) {
	cursor = max(0, min(cursor, len(text)))
	lineStart := strings.LastIndexByte(text[:cursor], '\n') + 1
	if meta.IsMeta(text[lineStart:cursor]) && !statementOpen(text[:lineStart]) {
		return completeMeta(text[lineStart:cursor], lineStart, s, files)
	}
	stmtStart := statementStart(text, cursor)
	stmt := statementText(text, stmtStart, cursor)
	cands, start := completeSQL(stmt, cursor-stmtStart, s, files)
	return cands, start + stmtStart
}

// statementOpen reports whether src ends inside a statement.
func statementOpen(src string) bool {
	st := split.Split(src)
	return len(st) > 0 && !st[len(st)-1].Terminated
}

// statementStart is the offset where the statement holding the cursor
// starts: after the last ';' before it, or after the last meta-command
// line when that comes later.
func statementStart(text string, cursor int) int {
	st := split.Split(text[:cursor])
	start := 0
	if n := len(st); n > 0 {
		last := st[n-1]
		if last.Terminated {
			start = last.Offset + len(last.Text)
			start += strings.IndexByte(text[start:cursor], ';') + 1
		} else {
			start = last.Offset
		}
	}
	// Meta-command lines before the statement are not part of it.
	for {
		nl := strings.IndexByte(text[start:cursor], '\n')
		if nl < 0 || !meta.IsMeta(text[start:start+nl]) {
			return start
		}
		start += nl + 1
	}
}

// statementText is the statement from start to its ';' (or the end),
// which may lie after the cursor.
func statementText(text string, start, cursor int) string {
	for _, st := range split.Split(text[start:]) {
		end := start + st.Offset + len(st.Text)
		if end >= cursor {
			return text[start:end]
		}
	}
	return text[start:]
}
