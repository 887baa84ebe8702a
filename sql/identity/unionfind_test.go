package identity

import "testing"

// TestForest checks union by size, path halving and the smallest-name key.
func TestForest(t *testing.T) {
	f := newForest(6, 0)
	f.union(0, 1)
	f.union(2, 3)
	f.union(3, 1)
	if f.find(0) != f.find(2) || f.find(4) == f.find(0) || f.find(4) != 4 {
		t.Fatalf("parents %v", f.parent)
	}
	if r := f.find(0); f.size[r] != 4 {
		t.Errorf("size of the merged root %d, want 4", f.size[r])
	}
	f.union(1, 0) // already together: no change
	if r := f.find(0); f.size[r] != 4 {
		t.Errorf("size after a redundant union %d, want 4", f.size[r])
	}
	names := []string{"d", "c", "b", "e", "a", "f"}
	keys := f.keys(func(k int32) string { return names[k] })
	want := []int32{2, 2, 2, 2, 4, 5}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("keys %v, want %v", keys, want)
		}
	}
}

// TestForestDepth: a long chain unioned end to end keeps finds short, as
// union by size guarantees (depth at most log2 n).
func TestForestDepth(t *testing.T) {
	const n = 1 << 16
	f := newForest(n, 0)
	for i := 1; i < n; i++ {
		f.union(int32(i-1), int32(i))
	}
	for x := range int32(n) {
		depth := 0
		for y := x; f.parent[y] != y; y = f.parent[y] {
			depth++
		}
		if depth > 16 {
			t.Fatalf("node %d at depth %d", x, depth)
		}
	}
}
