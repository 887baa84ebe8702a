package storage_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/rfm"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// segmentQuery is a segment as the README exports it: the at_risk
// customers of rfm(), with the columns in a chosen order.
const segmentQuery = `SELECT customer AS customer_id, segment, recency_days, frequency, monetary
FROM rfm(orders, customer_id, ts, amount, order_id := order_id)
WHERE segment = 'at_risk' ORDER BY customer_id`

// TestExportSegment exports a segment query to CSV and to JSON lines: the
// CSV starts with a header naming the columns in the SELECT list's order,
// the JSON objects have their keys in that order, and both hold every row
// of the segment, the same as the query.
func TestExportSegment(t *testing.T) {
	ctx := context.Background()
	conn, raw := sqltest.OpenRaw(t)
	if err := rfm.Family.Register(ctx, catalog.Conn{SQL: conn, Handle: raw.Handle()}); err != nil {
		t.Fatal(err)
	}
	if _, err := datagen.Generate(ctx, conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	want := sqltest.Rows(t, conn, segmentQuery)
	if len(want) < 10 {
		t.Fatalf("only %d at_risk customers in the fixture", len(want))
	}
	c := &storage.Conn{SQL: conn, Raw: raw}
	dir := t.TempDir()
	columns := []string{"customer_id", "segment", "recency_days", "frequency", "monetary"}

	csvPath := filepath.Join(dir, "at_risk.csv")
	n, err := storage.Export(ctx, c, storage.ExportOptions{Query: segmentQuery + ";", Path: csvPath})
	if err != nil {
		t.Fatal(err)
	}
	lines := readLines(t, csvPath)
	if n != int64(len(want)) || len(lines) != len(want)+1 {
		t.Fatalf("exported %d rows in %d lines, want %d rows and a header", n, len(lines), len(want))
	}
	if lines[0] != strings.Join(columns, ",") {
		t.Errorf("header %q, want %q", lines[0], strings.Join(columns, ","))
	}
	for i, line := range lines[1:] {
		if f := strings.Split(line, ","); len(f) != len(columns) || f[1] != "at_risk" || strings.Join(f, "|") != want[i] {
			t.Fatalf("line %d: %q, want the row %q", i+2, line, want[i])
		}
	}

	jsonPath := filepath.Join(dir, "at_risk.jsonl")
	if _, err := storage.Export(ctx, c, storage.ExportOptions{Query: segmentQuery, Path: jsonPath, Format: storage.JSON}); err != nil {
		t.Fatal(err)
	}
	lines = readLines(t, jsonPath)
	if len(lines) != len(want) {
		t.Fatalf("%d JSON lines, want %d", len(lines), len(want))
	}
	for i, line := range lines {
		if keys := jsonKeys(t, line); strings.Join(keys, ",") != strings.Join(columns, ",") {
			t.Fatalf("line %d: keys %v, want %v", i+1, keys, columns)
		}
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonKeys returns the keys of a JSON object in the order they appear.
func jsonKeys(t *testing.T, line string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%q is not an object", line)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
