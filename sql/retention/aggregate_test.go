package retention

import (
	"fmt"
	"github.com/martdb/martdb/sql/sqltest"
	"slices"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/eventagg"
)

// TestClickHouseExample transcribes the example of ClickHouse's
// documentation for retention (clickhouse.com/docs, SQL reference,
// "Parametric aggregate functions", section retention): uids 0-4 visit on
// 2020-01-01, uids 0-9 on 2020-01-02 and uids 0-14 on 2020-01-03. The
// documented answers: uids 0-4 give [1,1,1], uids 5-14 [0,0,0] (they
// missed the first day), and the sums r1, r2, r3 are 5, 5, 5.
func TestClickHouseExample(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn,
		`CREATE TABLE retention_test (date DATE, uid INTEGER)`,
		`INSERT INTO retention_test SELECT DATE '2020-01-01', range FROM range(5)`,
		`INSERT INTO retention_test SELECT DATE '2020-01-02', range FROM range(10)`,
		`INSERT INTO retention_test SELECT DATE '2020-01-03', range FROM range(15)`)
	got := strings1(t, conn, `
		SELECT uid || ':' || retention([date = DATE '2020-01-01', date = DATE '2020-01-02', date = DATE '2020-01-03'])::VARCHAR
		FROM retention_test
		WHERE date IN (DATE '2020-01-01', DATE '2020-01-02', DATE '2020-01-03')
		GROUP BY uid ORDER BY uid`)
	var want []string
	for uid := range 15 {
		if uid < 5 {
			want = append(want, fmt.Sprintf("%d:[1, 1, 1]", uid))
		} else {
			want = append(want, fmt.Sprintf("%d:[0, 0, 0]", uid))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("per uid\n got %v\nwant %v", got, want)
	}
	sums := strings1(t, conn, `
		SELECT sum(r[1]) || ',' || sum(r[2]) || ',' || sum(r[3]) FROM (
			SELECT uid, retention([date = DATE '2020-01-01', date = DATE '2020-01-02', date = DATE '2020-01-03']) AS r
			FROM retention_test
			WHERE date IN (DATE '2020-01-01', DATE '2020-01-02', DATE '2020-01-03')
			GROUP BY uid)`)
	if !slices.Equal(sums, []string{"5,5,5"}) {
		t.Errorf("sums %v, want [5,5,5]", sums)
	}
}

// TestAggregateHandCases checks the rule rk = c1 somewhere AND ck
// somewhere on small groups whose answers are worked out in the comments.
func TestAggregateHandCases(t *testing.T) {
	conn := openFamily(t)
	// g, row number n, and three nullable conditions a, b, c.
	exec(t, conn, `CREATE TABLE h AS SELECT * FROM (VALUES
		(1, 1, true,  false, false),  -- g1: a on row 1, b on row 2, c nowhere
		(1, 2, false, true,  NULL),
		(2, 1, false, true,  true),   -- g2: b and c hold but a never: all zeros
		(2, 2, NULL,  true,  true),
		(3, 1, NULL,  NULL,  NULL),   -- g3: only NULLs: zeros, N = 3 from the list
		(4, 1, false, false, true),   -- g4: c on the row BEFORE a: order does not matter
		(4, 2, true,  false, false),
		(5, 1, true,  true,  true),   -- g5: one row, every condition: all ones
		(6, 1, true,  NULL,  false),  -- g6: duplicated rows (ties) change nothing
		(6, 1, true,  NULL,  false),
		(6, 1, true,  NULL,  false)
		) t(g, n, a, b, c)`)
	got := strings1(t, conn, `SELECT g || ':' || retention([a, b, c])::VARCHAR FROM h GROUP BY g ORDER BY g`)
	want := []string{"1:[1, 1, 0]", "2:[0, 0, 0]", "3:[0, 0, 0]", "4:[1, 0, 1]", "5:[1, 1, 1]", "6:[1, 0, 0]"}
	if !slices.Equal(got, want) {
		t.Errorf("three conditions\n got %v\nwant %v", got, want)
	}
	// One condition: r1 alone, 1 when a holds somewhere (g1, g4, g5, g6).
	got = strings1(t, conn, `SELECT g || ':' || retention([a])::VARCHAR FROM h GROUP BY g ORDER BY g`)
	want = []string{"1:[1]", "2:[0]", "3:[0]", "4:[1]", "5:[1]", "6:[1]"}
	if !slices.Equal(got, want) {
		t.Errorf("one condition\n got %v\nwant %v", got, want)
	}
	// The result type is INTEGER[].
	if got := strings1(t, conn, `SELECT DISTINCT typeof(retention([a, b])) FROM h GROUP BY g`); !slices.Equal(got, []string{"INTEGER[]"}) {
		t.Errorf("type %v, want INTEGER[]", got)
	}
}

// TestAggregateListEdges covers lists of unequal length, NULL lists,
// an aggregate without GROUP BY over no rows, and non-BOOLEAN lists.
func TestAggregateListEdges(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE l AS SELECT * FROM (VALUES
		(1, [true, false]),               -- g1: N is the longest list, 3; c3 on the other row
		(1, [false, false, true]),
		(2, NULL::BOOLEAN[]),             -- g2: only a NULL list: NULL
		(3, NULL::BOOLEAN[]),             -- g3: a NULL list is skipped, the other row counts
		(3, [true, true])
		) t(g, conds)`)
	got := strings1(t, conn, `SELECT g || ':' || coalesce(retention(conds)::VARCHAR, 'NULL') FROM l GROUP BY g ORDER BY g`)
	want := []string{"1:[1, 0, 1]", "2:NULL", "3:[1, 1]"}
	if !slices.Equal(got, want) {
		t.Errorf("lists\n got %v\nwant %v", got, want)
	}
	// Without GROUP BY, no rows make one empty group: NULL, like sum().
	if got := strings1(t, conn, `SELECT retention(conds) FROM l WHERE false`); !slices.Equal(got, []string{"NULL"}) {
		t.Errorf("empty input %v, want [NULL]", got)
	}
	// Integer conditions (ClickHouse's UInt8 style) are cast to BOOLEAN.
	if got := strings1(t, conn, `SELECT retention([g = 1, g = 3]::INTEGER[])::VARCHAR FROM l`); !slices.Equal(got, []string{"[1, 1]"}) {
		t.Errorf("integer conditions %v, want [[1, 1]]", got)
	}
}

// TestAggregateManyGroups compares the aggregate with the rule written in
// plain SQL (bool_or per condition) over 5,000 groups, enough to span
// several of DuckDB's finalize batches.
func TestAggregateManyGroups(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE m AS SELECT range % 5000 AS g, hash(range) % 97 AS x FROM range(60000)`)
	diff := strings1(t, conn, `
		WITH got AS (
			SELECT g, retention([x < 5, x % 7 = 0, x % 11 = 0, NULLIF(x % 13 = 0, x % 2 = 0)]) AS r FROM m GROUP BY g
		), want AS (
			SELECT g, [bool_or(x < 5)::INTEGER,
			           (bool_or(x < 5) AND bool_or(x % 7 = 0))::INTEGER,
			           (bool_or(x < 5) AND bool_or(x % 11 = 0))::INTEGER,
			           (bool_or(x < 5) AND coalesce(bool_or(NULLIF(x % 13 = 0, x % 2 = 0)), false))::INTEGER] AS r
			FROM m GROUP BY g
		)
		SELECT count(*) FROM ((SELECT * FROM got EXCEPT SELECT * FROM want) UNION ALL (SELECT * FROM want EXCEPT SELECT * FROM got))`)
	if diff[0] != "0" {
		t.Errorf("%s groups differ from plain SQL", diff[0])
	}
	// The comparison is not vacuous: groups of every kind exist.
	kinds := strings1(t, conn, `SELECT count(DISTINCT r) FROM (SELECT retention([x < 5, x % 7 = 0]) AS r FROM m GROUP BY g)`)
	if kinds[0] != "3" { // [0,0], [1,0], [1,1]
		t.Errorf("%s distinct results, want 3", kinds[0])
	}
}

// TestAggregateConditionCount: 32 conditions work, 33 and none fail with
// a message naming retention and conds, and so does a non-list argument.
func TestAggregateConditionCount(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE c AS SELECT range AS i FROM range(40)`)
	// Condition k (1-based) is "i = k-1 or i = 0": c1 holds on row 0, and
	// every ck on row k-1, so all 32 results are 1 ...
	got := strings1(t, conn, `SELECT retention(list_transform(range(32), lambda k: i = k OR i = 0))::VARCHAR FROM c`)
	want := "[" + strings.TrimSuffix(strings.Repeat("1, ", 32), ", ") + "]"
	if len(got) != 1 || got[0] != want {
		t.Errorf("32 conditions: %v, want %s", got, want)
	}
	// ... and without row 0, c1 never holds: 32 zeros.
	got = strings1(t, conn, `SELECT retention(list_transform(range(32), lambda k: i = k))::VARCHAR FROM c WHERE i > 0`)
	want = "[" + strings.TrimSuffix(strings.Repeat("0, ", 32), ", ") + "]"
	if len(got) != 1 || got[0] != want {
		t.Errorf("32 conditions without c1: %v, want %s", got, want)
	}
	// Condition 32 alone with c1: the top bit of the mask.
	got = strings1(t, conn, `SELECT retention(list_transform(range(32), lambda k: (k = 0 AND i = 0) OR (k = 31 AND i = 39)))[32] FROM c`)
	if len(got) != 1 || got[0] != "1" {
		t.Errorf("r32: %v, want 1", got)
	}
	sqltest.WantError(t, conn, `SELECT retention(list_transform(range(33), lambda k: true)) FROM c`,
		"retention: conds:", "1 to 32 conditions, got 33")
	sqltest.WantError(t, conn, `SELECT retention([]::BOOLEAN[]) FROM c`, "retention: conds:", "got 0")
	sqltest.WantError(t, conn, `SELECT retention(i = 1) FROM c`, "retention: conds:", "list", "got BOOLEAN")
}

// TestFinalizeList checks the finalizer's list directly.
func TestFinalizeList(t *testing.T) {
	rows := []eventagg.Row{{Mask: 0b0100}, {Mask: 0b0001}, {Mask: 0b1000}}
	check := func(what string, g *eventagg.Group, want []int64, wantOK bool) {
		t.Helper()
		got, ok, err := finalizeList(g, nil)
		if err != nil || ok != wantOK || !slices.Equal(got, want) {
			t.Errorf("%s: got %v, %v, %v; want %v, %v", what, got, ok, err, want, wantOK)
		}
	}
	check("c1 held", &eventagg.Group{Rows: rows, Steps: 4}, []int64{1, 0, 1, 1}, true)
	check("c1 never held", &eventagg.Group{Rows: rows[2:], Steps: 4}, []int64{0, 0, 0, 0}, true)
	check("no true condition", &eventagg.Group{Steps: 2}, []int64{0, 0}, true)
	check("no condition list", &eventagg.Group{}, nil, false)
	want := make([]int64, 32)
	want[0], want[31] = 1, 1
	check("32 conditions", &eventagg.Group{Rows: []eventagg.Row{{Mask: 1<<31 | 1}}, Steps: 32}, want, true)
}
