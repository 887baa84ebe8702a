package render

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestPlanLayoutExamples(t *testing.T) {
	cases := []struct {
		natural []int
		limit   int
		cols    []int
		widths  []int
	}{
		{[]int{3, 10}, 0, []int{0, 1}, []int{3, 10}},
		{[]int{3, 10}, 20, []int{0, 1}, []int{3, 10}},
		// 5 too many: the widest column gives them up.
		{[]int{3, 10}, 15, []int{0, 1}, []int{3, 5}},
		// Two wide columns shrink evenly; a column left over goes to
		// the leftmost.
		{[]int{20, 20, 2}, 30, []int{0, 1, 2}, []int{9, 9, 2}},
		{[]int{20, 20, 2}, 29, []int{0, 1, 2}, []int{9, 8, 2}},
		// Not all fit at 5: keep the ends, drop the middle, and share
		// the room that frees among the kept columns.
		{[]int{9, 9, 9, 9, 9}, 25, []int{0, gapColumn, 4}, []int{7, 1, 7}},
		{[]int{9, 9, 9, 9, 9}, 33, []int{0, 1, gapColumn, 4}, []int{7, 6, 1, 6}},
		// Columns narrower than the minimum cost less; keeping stops at
		// the first column that does not fit.
		{[]int{9, 1, 1, 9, 9}, 30, []int{0, 1, gapColumn, 4}, []int{8, 1, 1, 7}},
		// One column, too wide: cut below the minimum, no gap.
		{[]int{30}, 7, []int{0}, []int{3}},
		// One column kept of several, squeezed next to the gap...
		{[]int{30, 30}, 11, []int{0, gapColumn}, []int{3, 1}},
		// ...or alone when even the gap does not fit.
		{[]int{30, 30}, 8, []int{0}, []int{4}},
	}
	for _, c := range cases {
		l := planLayout(c.natural, c.limit)
		if !reflect.DeepEqual(l.cols, c.cols) || !reflect.DeepEqual(l.widths, c.widths) {
			t.Errorf("planLayout(%v, %d) = %v %v, want %v %v", c.natural, c.limit, l.cols, l.widths, c.cols, c.widths)
		}
	}
}

// TestPlanLayoutProperties checks random layouts: they fit, keep column
// order, shrink the widest columns first and only add a gap when columns
// were left out.
func TestPlanLayoutProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		natural := make([]int, 1+rng.IntN(12))
		for i := range natural {
			natural[i] = 1 + rng.IntN(40)
		}
		limit := 5 + rng.IntN(200)
		l := planLayout(natural, limit)

		if w := gridWidth(sum(l.widths), len(l.widths)); w > limit {
			t.Fatalf("planLayout(%v, %d): grid %d wide (%v)", natural, limit, w, l.widths)
		}
		gaps, prev := 0, -1
		for i, c := range l.cols {
			if c == gapColumn {
				gaps++
				continue
			}
			if c <= prev {
				t.Fatalf("planLayout(%v, %d): columns out of order %v", natural, limit, l.cols)
			}
			prev = c
			if l.widths[i] > natural[c] {
				t.Fatalf("planLayout(%v, %d): column %d widened", natural, limit, c)
			}
			if l.widths[i] < min(natural[c], minColumnWidth) && l.shown() > 1 {
				t.Fatalf("planLayout(%v, %d): column %d below minimum: %v", natural, limit, c, l.widths)
			}
		}
		dropped := l.shown() < len(natural)
		if gaps > 1 || gaps == 1 && !dropped || dropped && gaps == 0 && limit >= gridWidth(1+gapWidth, 2) {
			t.Fatalf("planLayout(%v, %d): %d gaps, %d of %d shown", natural, limit, gaps, l.shown(), len(natural))
		}
		if l.shown() < 1 {
			t.Fatalf("planLayout(%v, %d): no column shown", natural, limit)
		}
		// Widest first: a narrowed column is at least as wide as every
		// other column, give or take the one left over.
		for i, c := range l.cols {
			if c == gapColumn || l.widths[i] == natural[c] || l.shown() == 1 {
				continue
			}
			for j, d := range l.cols {
				if d != gapColumn && l.widths[j] > l.widths[i]+1 {
					t.Fatalf("planLayout(%v, %d): %v: column %d narrowed while %d is wider", natural, limit, l.widths, c, d)
				}
			}
		}
		// Dropping happens only when all columns at their minimum do
		// not fit.
		if l.shown() < len(natural) && gridWidth(floorSum(natural), len(natural)) <= limit {
			t.Fatalf("planLayout(%v, %d): dropped columns that would fit", natural, limit)
		}
	}
}
