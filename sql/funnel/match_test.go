package funnel

import (
	"math"
	"testing"
)

// TestRowSet checks the assignment of rows to steps on three rows at one
// timestamp: row 10 meets steps 0 and 1, row 11 step 1, row 12 steps 1
// and 2 (0-based).
func TestRowSet(t *testing.T) {
	group := AppendRow(nil, 5, 0b011, 10, Mode{})
	group = AppendRow(group, 5, 0b010, 11, Mode{})
	group = AppendRow(group, 5, 0b110, 12, Mode{})
	sortEvents(group)
	var r rowSet
	r.build(group, 3)
	for _, tc := range []struct {
		name  string
		skip  uint32
		steps []int
		want  []bool
	}{
		{"all three", 99, []int{2, 1, 0}, []bool{true, true, true}},
		{"without 12, nobody for step 2", 12, []int{2}, []bool{false}},
		{"without 11, step 1 moves from 10 to 12", 11, []int{1, 0}, []bool{true, true}},
		{"without 11, step 2 then 1 then 0", 11, []int{2, 1, 0}, []bool{true, true, false}},
		{"without 10, nobody for step 0", 10, []int{1, 0}, []bool{true, false}},
		{"the search mark wraps", 99, []int{0, 1, 2}, []bool{true, true, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "the search mark wraps" {
				r.mark = math.MaxUint32 - 1
				for i := range r.seen {
					r.seen[i] = math.MaxUint32
				}
			}
			r.start(r.index(tc.skip))
			placed := 0
			for i, step := range tc.steps {
				if got := r.assign(step); got != tc.want[i] {
					t.Fatalf("assign(%d) = %v, want %v", step, got, tc.want[i])
				}
				if tc.want[i] {
					placed++
				}
			}
			checkAssignment(t, &r, placed)
		})
	}
}

// checkAssignment checks that placed rows hold a step each, one they
// meet, that no two hold the same step and that the skipped row holds
// none.
func checkAssignment(t *testing.T, r *rowSet, placed int) {
	t.Helper()
	held := map[int8]bool{}
	for i, s := range r.step {
		if s < 0 {
			continue
		}
		if i == r.skip {
			t.Errorf("the skipped row %d holds step %d", r.row[i], s)
		}
		if r.mask[i]&(1<<s) == 0 {
			t.Errorf("row %d holds step %d, which it does not meet", r.row[i], s)
		}
		if held[s] {
			t.Errorf("step %d held twice", s)
		}
		held[s] = true
	}
	if len(held) != placed {
		t.Errorf("%d steps held, want %d", len(held), placed)
	}
}
