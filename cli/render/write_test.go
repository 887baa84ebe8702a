package render

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/martdb/martdb/engine"
)

func TestParseFormat(t *testing.T) {
	for _, f := range Formats {
		got, err := ParseFormat(string(f))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if got, err := ParseFormat(" JSONL "); err != nil || got != JSONL {
		t.Errorf(`ParseFormat(" JSONL ") = %q, %v`, got, err)
	}
	for _, bad := range []string{"", "xml", "jsonlines", "box", "table,csv"} {
		_, err := ParseFormat(bad)
		if err == nil {
			t.Errorf("ParseFormat(%q): no error", bad)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, `"`+bad+`"`) {
			t.Errorf("ParseFormat(%q): error %q does not quote the name", bad, msg)
		}
		for _, f := range Formats {
			if !strings.Contains(msg, string(f)) {
				t.Errorf("ParseFormat(%q): error %q does not name %s", bad, msg, f)
			}
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var out bytes.Buffer
	_, err := Write(&out, newSliceRows(nil, nil), Format("TABLE"), Options{})
	if err == nil || out.Len() != 0 {
		t.Errorf("Write with format TABLE: err %v, output %q", err, out.String())
	}
}

var twoCols = []engine.Column{{Name: "n", Type: "INTEGER"}, {Name: "s", Type: "VARCHAR"}}

func fiveRows() [][]any {
	var data [][]any
	for i := range 5 {
		data = append(data, []any{int32(i), strings.Repeat("x", i)})
	}
	return data
}

func TestWriteCountsAllRows(t *testing.T) {
	for _, f := range Formats {
		for _, maxRows := range []int{0, 1, 5, 10} {
			var out bytes.Buffer
			n, err := Write(&out, newSliceRows(twoCols, fiveRows()), f, Options{MaxRows: maxRows, Width: 20})
			if err != nil || n != 5 {
				t.Errorf("%s maxrows=%d: n=%d err=%v", f, maxRows, n, err)
			}
		}
	}
}

func TestMaxRowsOnlyCutsTable(t *testing.T) {
	for _, f := range Formats {
		var full, cut bytes.Buffer
		Write(&full, newSliceRows(twoCols, fiveRows()), f, Options{})
		Write(&cut, newSliceRows(twoCols, fiveRows()), f, Options{MaxRows: 2})
		if same := full.String() == cut.String(); same != (f != Table) {
			t.Errorf("%s: output with maxrows=2 equal to full output: %v", f, same)
		}
	}
}

func TestZeroColumnsPrintNothing(t *testing.T) {
	for _, f := range Formats {
		var out bytes.Buffer
		rows := newSliceRows(nil, [][]any{{}, {}})
		n, err := Write(&out, rows, f, Options{})
		if err != nil || n != 2 || out.Len() != 0 {
			t.Errorf("%s: n=%d err=%v output %q", f, n, err, out.String())
		}
	}
}

func TestRowsError(t *testing.T) {
	boom := errors.New("boom")
	for _, f := range Formats {
		var out bytes.Buffer
		rows := newSliceRows(twoCols, fiveRows())
		rows.err, rows.fail = boom, 3
		n, err := Write(&out, rows, f, Options{})
		if !errors.Is(err, boom) || n != 3 {
			t.Errorf("%s: n=%d err=%v", f, n, err)
		}
		if f == Table && out.Len() != 0 {
			t.Errorf("table wrote %q for a failed result", out.String())
		}
		if f == JSON && strings.HasSuffix(out.String(), "]\n") {
			t.Errorf("json closed the array of a failed result: %q", out.String())
		}
	}
	// An error before any column is known still comes back.
	rows := newSliceRows(nil, nil)
	rows.err = boom
	if _, err := Write(&bytes.Buffer{}, rows, Table, Options{}); !errors.Is(err, boom) {
		t.Errorf("zero columns: err %v", err)
	}
}

func TestRowWidthMismatch(t *testing.T) {
	for _, f := range Formats {
		rows := newSliceRows(twoCols, [][]any{{int32(1)}})
		if _, err := Write(&bytes.Buffer{}, rows, f, Options{}); err == nil {
			t.Errorf("%s: a row of 1 value for 2 columns gave no error", f)
		}
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

var errWrite = errors.New("write failed")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteErrorStopsReading(t *testing.T) {
	const total = 100_000
	for _, f := range Formats {
		rows := &genRows{n: total, cols: benchColumns}
		_, err := Write(&failWriter{n: 10}, rows, f, Options{MaxRows: 10})
		if !errors.Is(err, errWrite) {
			t.Errorf("%s: err %v, want the write error", f, err)
		}
		if f != Table && rows.i == total {
			t.Errorf("%s: kept reading all rows after the write failed", f)
		}
	}
}

func TestNullOption(t *testing.T) {
	cols := []engine.Column{{Name: "v", Type: "VARCHAR"}}
	for f, want := range map[Format]string{
		Table:    "│ -       │",
		Markdown: "| - |",
		Line:     "v = -",
		CSV:      "v\n\n",
		TSV:      "v\n\n",
		JSONL:    `{"v":null}`,
	} {
		var out bytes.Buffer
		Write(&out, newSliceRows(cols, [][]any{{nil}}), f, Options{Null: "-"})
		if !strings.Contains(out.String(), want) {
			t.Errorf("%s: %q does not contain %q", f, out.String(), want)
		}
	}
}

func TestTableMemoryIsBounded(t *testing.T) {
	rows := &genRows{n: 50_000, cols: benchColumns}
	d, err := collectTable(rows, benchColumns, Options{MaxRows: 40})
	if err != nil {
		t.Fatal(err)
	}
	if d.total != 50_000 || d.shown != 40 || len(d.chunks) != 1 || cap(d.chunks[0]) != 40*len(benchColumns) {
		t.Errorf("total %d, shown %d, %d chunks, capacity %d", d.total, d.shown, len(d.chunks), cap(d.chunks[0]))
	}
}

func TestTableManyRows(t *testing.T) {
	for _, maxRows := range []int{0, 1500, 2500} {
		var out bytes.Buffer
		rows := &genRows{n: 2500, cols: benchColumns}
		if _, err := Write(&out, rows, Table, Options{MaxRows: maxRows}); err != nil {
			t.Fatal(err)
		}
		shown := 2500
		if maxRows > 0 {
			shown = min(maxRows, 2500)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		// top, names, types, rule, rows, bottom, footer
		if len(lines) != shown+6 {
			t.Fatalf("maxrows=%d: %d lines, want %d", maxRows, len(lines), shown+6)
		}
		for _, r := range []int{0, 1023, 1024, shown - 1} {
			want := fmt.Sprintf("│ %6d │ customer %d ", r, r%977)
			if !strings.HasPrefix(lines[4+r], want) {
				t.Errorf("maxrows=%d: row %d is %q, want prefix %q", maxRows, r, lines[4+r], want)
			}
		}
	}
}
