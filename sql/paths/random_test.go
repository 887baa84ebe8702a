package paths

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// randomEvents is a small log with many equal times, repeats and gaps
// around the usual 30 minutes.
func randomEvents(r *rand.Rand) []event {
	names := []string{"a", "b", "c", "d"}
	var evs []event
	for range r.IntN(60) {
		evs = append(evs, event{user: 1 + r.IntN(5), min: r.IntN(240), name: names[r.IntN(len(names))]})
	}
	return evs
}

// randomOpts picks options, start and end among the names or none.
func randomOpts(r *rand.Rand) pathOpts {
	names := []string{"", "a", "b", "c", "d"}
	return pathOpts{
		start:      names[r.IntN(len(names))],
		end:        names[r.IntN(len(names))],
		steps:      2 + r.IntN(9),
		gapMinutes: r.IntN(45),
		collapse:   r.IntN(2) == 0,
	}
}

// TestPathsRandom compares paths with the naive reference of
// reference_test.go on random logs and options.
func TestPathsRandom(t *testing.T) {
	conn := sqltest.Open(t, Family)
	r := rand.New(rand.NewPCG(7, 11))
	for i := range 300 {
		evs, o := randomEvents(r), randomOpts(r)
		loadEvents(t, conn, evs)
		q := "SELECT * FROM " + callPaths(o)
		got := formatPaths(queryPaths(t, conn, q))
		want := formatPaths(refPaths(evs, o))
		sqltest.SameRows(t, fmt.Sprintf("case %d: %s on %v", i, q, evs), got, want)
		if t.Failed() {
			return
		}
	}
}

// randomGroup is one sequence_next_node group: conditions on the names,
// the base condition on the time, so equal (time, name) rows agree on
// both.
func randomGroup(r *rand.Rand, chain []string) []nodeEvent {
	names := []string{"a", "b", "c"}
	var evs []nodeEvent
	for range r.IntN(8) {
		e := nodeEvent{min: r.IntN(6), name: names[r.IntN(len(names))]}
		e.base = e.min%3 != 0
		for _, c := range chain {
			e.conds = append(e.conds, e.name == c)
		}
		evs = append(evs, e)
	}
	return evs
}

// TestNextNodeRandom compares sequence_next_node with the reference on
// random groups, every direction and base point.
func TestNextNodeRandom(t *testing.T) {
	conn := sqltest.Open(t, Family)
	r := rand.New(rand.NewPCG(3, 5))
	names := []string{"a", "b", "c"}
	for i := range 150 {
		var chain []string
		for range 1 + r.IntN(3) {
			chain = append(chain, names[r.IntN(len(names))])
		}
		var groups [][]nodeEvent
		sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE g(id INTEGER, m INTEGER, e VARCHAR)`)
		for id := range 6 {
			evs := randomGroup(r, chain)
			groups = append(groups, evs)
			for _, e := range evs {
				sqltest.Exec(t, conn, fmt.Sprintf(`INSERT INTO g VALUES (%d, %d, '%s')`, id, e.min, e.name))
			}
		}
		conds := ""
		for j, c := range chain {
			if j > 0 {
				conds += ", "
			}
			conds += "e = '" + c + "'"
		}
		for _, dir := range []string{"forward", "backward"} {
			for _, base := range []string{"head", "tail", "first_match", "last_match"} {
				q := fmt.Sprintf(`SELECT id, sequence_next_node('%s', '%s', m, e, m %% 3 <> 0, [%s]) FROM g GROUP BY id ORDER BY id`, dir, base, conds)
				var want []string
				for id, evs := range groups {
					if len(evs) == 0 {
						continue
					}
					v := "NULL"
					if p := refNextNode(dir, base, evs); p != nil {
						v = *p
					}
					want = append(want, fmt.Sprintf("%d|%s", id, v))
				}
				sqltest.SameRows(t, fmt.Sprintf("case %d: %s on %v", i, q, groups), sqltest.Rows(t, conn, q), want)
				if t.Failed() {
					return
				}
			}
		}
	}
}
