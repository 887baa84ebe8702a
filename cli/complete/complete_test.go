package complete

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cockroachdb/datadriven"

	"github.com/martdb/martdb/sql/library"
)

// testSchema is a small database: three tables, martdb's real function
// catalog and a few of DuckDB's functions.
type testSchema struct{}

var testColumns = map[string][]string{
	"orders":      {"order_id", "customer_id", "amount", "ordered_at"},
	"events":      {"user_id", "ts", "event", "Campaign Name"},
	"order items": {"order_id", "sku", "qty"},
}

func (testSchema) Tables() []string { return []string{"events", "orders", "Order Items"} }

func (testSchema) Columns(table string) []string { return testColumns[strings.ToLower(table)] }

var testFunctions = func() []Function {
	var out []Function
	for _, f := range library.Functions() {
		out = append(out, Function{Name: f.Name, Signature: f.Signature, Description: f.Description, Kind: string(f.Kind), Choices: f.Choices})
	}
	for _, b := range [][2]string{{"count", "aggregate"}, {"sum", "aggregate"}, {"lower", "scalar"}, {"read_csv", "table"}, {"range", "table"}, {"funnel_like_builtin", "scalar"}} {
		out = append(out, Function{Name: b[0], Kind: b[1], Description: "DuckDB " + b[1] + " function", Builtin: true})
	}
	return out
}()

func (testSchema) Functions() []Function { return testFunctions }

func testFiles(prefix string) []string {
	var out []string
	for _, p := range []string{"data/", "data/orders.csv", "data/events.parquet", "notes.sql", "out.csv"} {
		if strings.HasPrefix(p, prefix) && !strings.Contains(p[len(prefix):], "/") || strings.HasPrefix(p, prefix) && strings.HasSuffix(p, "/") && strings.Count(p[len(prefix):], "/") == 1 {
			out = append(out, p)
		}
	}
	return out
}

// TestComplete runs testdata/*: the input holds one "|" marking the
// cursor; the output is the replaced text and each candidate with its
// kind, display and description.
func TestComplete(t *testing.T) {
	datadriven.Walk(t, "testdata", func(t *testing.T, path string) {
		datadriven.RunTest(t, path, func(t *testing.T, d *datadriven.TestData) string {
			cursor := strings.Index(d.Input, "|")
			if cursor < 0 || d.Cmd != "complete" {
				t.Fatalf("want a complete command with a | in the input")
			}
			text := d.Input[:cursor] + d.Input[cursor+1:]
			cands, start := Complete(text, cursor, testSchema{}, testFiles)
			limit := len(cands)
			if d.HasArg("limit") {
				d.ScanArgs(t, "limit", &limit)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "replace %q\n", text[start:cursor])
			for i, c := range cands {
				if i == limit {
					fmt.Fprintf(&b, "... %d more\n", len(cands)-limit)
					break
				}
				fmt.Fprintf(&b, "%-8s %q", c.Kind, c.Text)
				if c.Display != c.Text {
					fmt.Fprintf(&b, " [%s]", c.Display)
				}
				if c.Description != "" {
					fmt.Fprintf(&b, " -- %s", c.Description)
				}
				b.WriteByte('\n')
			}
			return b.String()
		})
	})
}

// FuzzComplete checks that any text and cursor give candidates without a
// panic, replacing a range that ends at the cursor.
func FuzzComplete(f *testing.F) {
	f.Add("select * from funnel(events, user_id, ts, [a], mode := 'strict_o", 60)
	f.Add(".import data/o", 14)
	f.Add("select o.| from orders o; \\d ", 9)
	f.Fuzz(func(t *testing.T, text string, cursor int) {
		if cursor < 0 || cursor > len(text) {
			return
		}
		_, start := Complete(text, cursor, testSchema{}, testFiles)
		if start < 0 || start > cursor {
			t.Fatalf("start %d outside [0, %d]", start, cursor)
		}
	})
}

func BenchmarkComplete(b *testing.B) {
	text := strings.Repeat("select order_id, amount from orders where amount > 10;\n", 50) +
		"select customer_id, count(*) from orders o join events e on e.user_id = o.customer_id where o."
	b.ReportAllocs()
	for b.Loop() {
		Complete(text, len(text), testSchema{}, testFiles)
	}
}
