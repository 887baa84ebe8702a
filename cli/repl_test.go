package cli

import (
	"context"
	"io"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/martdb/martdb/cli/meta"
	"github.com/martdb/martdb/cli/render"
	"github.com/martdb/martdb/cli/sqltok"
)

func TestInputComplete(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"   \n", true},
		{"select 1;", true},
		{"select 1", false},
		{"select 1;\nselect 2", false},
		{"select ';' ", false},
		{"select $$ ; $$;", true},
		{"select 1 -- ;", false},
		{"/* ; */ select 1;", true},
		{".tables", true},
		{"\\dt", true},
		{"select 1;\n.mode csv", true},
		{"select\n.5;", true},
		{"select 1 +\n.5", false},
		{"select 'a\n.tables", false},
	} {
		if got := inputComplete(c.in); got != c.want {
			t.Errorf("inputComplete(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestInputChunks(t *testing.T) {
	got := inputChunks("select 1;\n.mode csv\nselect 2;\nselect 3 +\n.5;\n\\x on\n")
	want := []chunk{
		{text: "select 1;\n"},
		{text: ".mode csv", meta: true},
		{text: "select 2;\nselect 3 +\n.5;\n"},
		{text: "\\x on", meta: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestHistoryEntries(t *testing.T) {
	got := historyEntries("select 1; select 2\n  from t;\n.timer on\nselect 'a;b';")
	want := []string{"select 1;", "select 2\n  from t;", ".timer on", "select 'a;b';"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestLikeMatch(t *testing.T) {
	for _, c := range []struct {
		name, pattern string
		want          bool
	}{
		{"window_funnel", "", true},
		{"window_funnel", "funnel", true},
		{"window_funnel", "window_f", true},
		{"window_funnel", "f*", false},
		{"funnel", "f*", true},
		{"rfm", "r?m", true},
		{"retention", "rfm", false},
	} {
		if got := likeMatch(c.name, c.pattern); got != c.want {
			t.Errorf("likeMatch(%q, %q) = %v", c.name, c.pattern, got)
		}
	}
}

func TestMayChangeSchema(t *testing.T) {
	for text, want := range map[string]bool{
		"create table t (i int)":        true,
		"-- c\n/* x */ DROP VIEW v":     true,
		"(select 1)":                    false,
		"select * from create_things()": false,
		"attach 'x.db'":                 true,
	} {
		if got := mayChangeSchema(text); got != want {
			t.Errorf("mayChangeSchema(%q) = %v", text, got)
		}
	}
}

// TestMetaFormatsMatchRender keeps .mode's completion and checks in step
// with the formats the renderer has.
func TestMetaFormatsMatchRender(t *testing.T) {
	var want []string
	for _, f := range render.Formats {
		want = append(want, string(f))
	}
	if !reflect.DeepEqual(meta.Formats, want) {
		t.Errorf("meta.Formats = %v, render.Formats = %v", meta.Formats, want)
	}
}

// TestKeywordsAreDuckDBs checks that every keyword the editor highlights
// and completes is one of DuckDB's.
func TestKeywordsAreDuckDBs(t *testing.T) {
	r := newScriptREPL(t, io.Discard, io.Discard, nil)
	known := map[string]bool{}
	r.schema.query(context.Background(), "SELECT upper(keyword_name) FROM duckdb_keywords()", func(v []any) {
		known[asString(v[0])] = true
	})
	if len(known) < 100 {
		t.Fatalf("duckdb_keywords() gave only %d keywords", len(known))
	}
	for _, k := range sqltok.Keywords {
		if !known[k] {
			t.Errorf("%s is not a DuckDB keyword", k)
		}
	}
}

// TestSchemaCache checks what completion learns from the database, and
// that it learns again after a statement that changes the schema.
func TestSchemaCache(t *testing.T) {
	r := newScriptREPL(t, io.Discard, io.Discard, nil)
	if got := r.schema.Columns("ORDERS"); !reflect.DeepEqual(got, []string{"order_id", "customer_id", "ts", "amount"}) {
		t.Errorf("Columns(ORDERS) = %v", got)
	}
	if !r.schema.isFunction("funnel") || !r.schema.isFunction("date_trunc") || r.schema.isFunction("orders") {
		t.Errorf("isFunction is wrong for funnel, date_trunc or orders")
	}
	var sawMartdb, sawBuiltin bool
	for _, f := range r.schema.Functions() {
		sawMartdb = sawMartdb || f.Name == "funnel" && !f.Builtin && f.Signature != ""
		sawBuiltin = sawBuiltin || f.Name == "date_trunc" && f.Builtin
	}
	if !sawMartdb || !sawBuiltin {
		t.Errorf("functions lack funnel (%v) or date_trunc (%v)", sawMartdb, sawBuiltin)
	}
	r.execInput("create table fresh (a int);")
	if got := r.schema.Columns("fresh"); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("after CREATE, Columns(fresh) = %v", got)
	}
}

// TestClip keeps candidate displays within the bytes readline allows,
// cut at a character boundary.
func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"funnel(source, user, ts)", 10, "funnel(…"},
		{"ééééé", 8, "éé…"},
		{"abc", 2, "…"},
	} {
		got := clip(c.in, c.n)
		if got != c.want || len(got) > max(c.n, len("…")) || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
	for _, cols := range []int{20, 80, 120, 300} {
		if w := maxDisplayWidth(cols); w+2 > cols/2 && cols >= 12 || w > 60 {
			t.Errorf("maxDisplayWidth(%d) = %d", cols, w)
		}
	}
}
