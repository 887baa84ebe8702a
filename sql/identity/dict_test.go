package identity

import (
	"fmt"
	"testing"
)

// TestDict numbers strings in order of first appearance through several
// growths of the table, and finds each again.
func TestDict(t *testing.T) {
	const n = 5000
	var data []byte
	var offs []uint64
	var lens []uint32
	for i := range n {
		s := fmt.Sprint(i)
		offs, lens = append(offs, uint64(len(data))), append(lens, uint32(len(s)))
		data = append(data, s...)
	}
	d := newDict(data, 1)
	for i := range n {
		if k := d.number(offs[i], lens[i]); k != int32(i) {
			t.Fatalf("%d numbered %d", i, k)
		}
		if k := d.number(offs[i/2], lens[i/2]); k != int32(i/2) {
			t.Fatalf("%d found as %d", i/2, k)
		}
	}
	if d.size() != n || d.id(1234) != "1234" {
		t.Fatalf("%d ids, id 1234 = %q", d.size(), d.id(1234))
	}
	// "1" and "12" share a prefix; the first byte of "12" is "1" again.
	if d.number(offs[12], 1) != 1 {
		t.Errorf(`"1" at another offset is not found as 1`)
	}
	if k := d.number(0, 0); k != n || d.number(7, 0) != k || d.id(k) != "" {
		t.Errorf("the empty string is not numbered once")
	}
	if used := uint64(d.size()) * 2; used > d.mask+1 {
		t.Errorf("table of %d slots for %d strings", d.mask+1, d.size())
	}
}

// TestNewDictSize: a power of two of at least twice the strings asked
// for, and never empty.
func TestNewDictSize(t *testing.T) {
	for _, c := range []struct{ n, slots int }{{0, 16}, {1, 16}, {8, 16}, {9, 32}, {1000, 2048}, {1024, 2048}} {
		if d := newDict(nil, c.n); len(d.slots) != c.slots || d.mask != uint64(c.slots-1) {
			t.Errorf("newDict(%d): %d slots, mask %d; want %d", c.n, len(d.slots), d.mask, c.slots)
		}
	}
}
