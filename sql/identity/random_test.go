package identity

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomPairs draws n pairs over k identifiers, with NULL sides, self-pairs
// and duplicates arising by chance.
func randomPairs(r *rand.Rand, n, k int) []pair {
	id := func() *string {
		if r.IntN(8) == 0 {
			return nil
		}
		return s(fmt.Sprintf("id%d", r.IntN(k)))
	}
	out := make([]pair, n)
	for i := range out {
		out[i] = pair{id(), id()}
	}
	return out
}

// TestRandomAgainstNaive compares the whole id -> key mapping of unify_ids
// with breadth-first search on random graphs from sparse (mostly
// singletons and pairs) to dense (one big group).
func TestRandomAgainstNaive(t *testing.T) {
	conn := open(t)
	r := rand.New(rand.NewPCG(8, 3))
	for i := range 200 {
		n := 1 + r.IntN(60)
		k := 1 + r.IntN(2*n)
		pairs := randomPairs(r, n, k)
		load(t, conn, "p", pairs)
		got, want := mapping(t, conn, "p"), naive(pairs)
		sameMapping(t, fmt.Sprintf("graph %d (%d pairs over %d ids)", i, n, k), got, want)
		if t.Failed() {
			t.Logf("pairs: %v", show(pairs))
			return
		}
	}
}

// TestUnifyAgainstNaive runs the Go side alone (packed pairs in, grouping
// out) on larger random graphs than the SQL test.
func TestUnifyAgainstNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		n := 1 + r.IntN(3000)
		pairs := randomPairs(r, n, 1+r.IntN(2*n))
		var data []byte
		count := 0
		for _, p := range pairs {
			a, b := p.a, p.b
			if a == nil && b == nil {
				continue
			}
			if a == nil {
				a = b
			}
			if b == nil {
				b = a
			}
			data = packPair(data, *a, *b)
			count++
		}
		g, err := unify(data, count)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for j, k := range g.keys {
			got[g.d.id(int32(j))] = g.d.id(int32(k))
		}
		if len(got) != g.d.size() {
			t.Fatalf("graph %d: %d ids, %d distinct", i, g.d.size(), len(got))
		}
		sameMapping(t, fmt.Sprintf("graph %d", i), got, naive(pairs))
	}
}

// packPair appends a pair as the C collector stores it.
func packPair(data []byte, a, b string) []byte {
	data = binary.NativeEndian.AppendUint32(data, uint32(len(a)))
	data = binary.NativeEndian.AppendUint32(data, uint32(len(b)))
	return append(append(data, a...), b...)
}

func show(pairs []pair) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = lit(p.a) + "-" + lit(p.b)
	}
	return out
}
