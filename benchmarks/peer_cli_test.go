package main

import (
	"testing"
	"time"
)

// TestJSONRowKeepsColumnOrderAndNull: the CLI peer reads martdb's JSON
// lines in column order (not a map's), NULL as nil and an empty text as
// itself, numbers and dates as the other peers' drivers give them.
func TestJSONRowKeepsColumnOrderAndNull(t *testing.T) {
	row, err := jsonRow([]byte(`{"z":"A","b":500000,"a":null,"e":"","d":"2020-01-02","f":0.25,"g":[1,2]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []any{"A", 500000.0, nil, "", time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), 0.25, "[1,2]"}
	if len(row) != len(want) {
		t.Fatalf("got %d cells %v, want %d", len(row), row, len(want))
	}
	for i := range want {
		if normalise(row[i]) != normalise(want[i]) || (want[i] == nil) != (row[i] == nil) {
			t.Errorf("cell %d: got %#v, want %#v", i, row[i], want[i])
		}
	}
	if _, err := jsonRow([]byte(`[1, 2]`)); err == nil {
		t.Error("a JSON array was read as a row")
	}
}
