package pgdialect

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"
)

var kindNames = map[Kind]string{Query: "query", Empty: "empty", Begin: "begin", Commit: "commit", Rollback: "rollback",
	Savepoint: "savepoint", Release: "release", RollbackTo: "rollback-to", SetTransaction: "set-transaction", Set: "set",
	Reset: "reset", Show: "show", Discard: "discard", Deallocate: "deallocate", DeclareCursor: "declare", Fetch: "fetch",
	Move: "move", CloseCursor: "close", Copy: "copy", Listen: "listen", Notify: "notify", Unlisten: "unlisten"}

// TestTranslate runs testdata/translate: each case is a statement and
// what Translate makes of it: the kind, the fields that are set, and for
// queries and cursors the SQL DuckDB runs.
func TestTranslate(t *testing.T) {
	datadriven.RunTest(t, "testdata/translate", func(t *testing.T, d *datadriven.TestData) string {
		st, err := Translate(d.Input)
		if err != nil {
			return "error: " + err.Error() + "\n"
		}
		return describe(st)
	})
}

func describe(st Statement) string {
	var b strings.Builder
	b.WriteString(kindNames[st.Kind])
	field := func(name string, v any, set bool) {
		if set {
			fmt.Fprintf(&b, " %s=%v", name, v)
		}
	}
	field("tag", fmt.Sprintf("%q", st.Tag), st.Tag != "")
	field("name", st.Name, st.Name != "")
	field("value", fmt.Sprintf("%q", st.Value), st.Value != "")
	field("default", st.Default, st.Default)
	field("local", st.Local, st.Local)
	field("all", st.All, st.All)
	if st.ReadOnly != nil {
		field("read-only", *st.ReadOnly, true)
	}
	field("isolation", st.Isolation, st.Isolation != "")
	field("session", st.Session, st.Session)
	field("hold", st.Hold, st.Hold)
	field("count", st.Count, st.Count != 0)
	field("direction", st.Direction, st.Direction != "" && st.Direction != "forward")
	if c := st.Copy; c != nil {
		fmt.Fprintf(&b, " table=%q columns=%v query=%q from=%v stdio=%v format=%s header=%v options=%v", c.Table, c.Columns, c.Query, c.From, c.Stdio, c.Format, c.Header, c.Options)
	}
	b.WriteString("\n")
	if st.Kind == Query || st.Kind == DeclareCursor {
		b.WriteString(st.SQL + "\n")
	}
	return b.String()
}

// TestMapPosition maps error positions in rewritten text back to what
// the client sent.
func TestMapPosition(t *testing.T) {
	text := "SELECT relname ~ 'é' FROM pg_catalog.pg_class WHERE nope"
	st, _ := Translate(text)
	// "nope" in the rewritten text maps to "nope" in the original.
	got := st.MapPosition(len([]rune(st.SQL[:strings.Index(st.SQL, "nope")])) + 1)
	if want := len([]rune(text[:strings.Index(text, "nope")])) + 1; got != want {
		t.Errorf("nope: %d, want %d (SQL %q)", got, want, st.SQL)
	}
	// A position inside a rewrite maps to where the rewrite began.
	if got := st.MapPosition(strings.Index(st.SQL, "regexp") + 3); got != 8 {
		t.Errorf("inside the rewrite: %d, want 8", got)
	}
	// Without rewrites positions are unchanged.
	plain, _ := Translate("SELECT x FROM t")
	if plain.MapPosition(8) != 8 {
		t.Errorf("unchanged: %d", plain.MapPosition(8))
	}
}
