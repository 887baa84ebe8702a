package rfm

import (
	"fmt"
	"github.com/martdb/martdb/sql/sqltest"
	"regexp"
	"strings"
	"testing"
)

// segmentRules is the published R x F map as it is usually written: regular
// expressions over the two-digit "RF" string (see doc.go), transcribed
// here independently of the macro's CASE.
var segmentRules = []struct{ pattern, segment string }{
	{`[1-2][1-2]`, "hibernating"},
	{`[1-2][3-4]`, "at_risk"},
	{`[1-2]5`, "cant_lose"},
	{`3[1-2]`, "about_to_sleep"},
	{`33`, "need_attention"},
	{`[3-4][4-5]`, "loyal_customers"},
	{`41`, "promising"},
	{`51`, "new_customers"},
	{`[4-5][2-3]`, "potential_loyalists"},
	{`5[4-5]`, "champions"},
}

// gridSegment is the segment of one (r, f) cell by the rules; it fails the
// test unless exactly one rule matches.
func gridSegment(t testing.TB, r, f int) string {
	t.Helper()
	cell := fmt.Sprintf("%d%d", r, f)
	var hits []string
	for _, rule := range segmentRules {
		if regexp.MustCompile(`^(` + rule.pattern + `)$`).MatchString(cell) {
			hits = append(hits, rule.segment)
		}
	}
	if len(hits) != 1 {
		t.Fatalf("cell %s matches %v, want exactly one rule", cell, hits)
	}
	return hits[0]
}

// gridValues is the 25 cells as a VALUES list (r, f, segment) for SQL.
func gridValues(t testing.TB) string {
	var rows []string
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			rows = append(rows, fmt.Sprintf("(%d, %d, '%s')", r, f, gridSegment(t, r, f)))
		}
	}
	return "(VALUES " + strings.Join(rows, ", ") + ")"
}

// TestSegmentGrid compares the macro's segment with the rules on all 25
// cells, and checks a few cells against the table of doc.go by hand.
func TestSegmentGrid(t *testing.T) {
	conn := sqltest.Open(t, Family)
	got := sqltest.Rows(t, conn, `SELECT r, f, _martdb_rfm_segment(r, f) FROM range(1, 6) a(r), range(1, 6) b(f) ORDER BY r, f`)
	var want []string
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			want = append(want, fmt.Sprintf("%d|%d|%s", r, f, gridSegment(t, r, f)))
		}
	}
	sqltest.SameRows(t, "segment grid", got, want)
	for _, c := range []struct {
		r, f int
		want string
	}{{5, 5, "champions"}, {5, 1, "new_customers"}, {4, 1, "promising"}, {1, 5, "cant_lose"}, {3, 3, "need_attention"},
		{2, 2, "hibernating"}, {4, 3, "potential_loyalists"}, {3, 5, "loyal_customers"}, {2, 4, "at_risk"}, {3, 2, "about_to_sleep"}} {
		if got := gridSegment(t, c.r, c.f); got != c.want {
			t.Errorf("R%d F%d: %s, want %s", c.r, c.f, got, c.want)
		}
	}
}
