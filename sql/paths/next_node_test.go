package paths

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// The flows of ClickHouse's sequenceNextNode documentation: three users'
// page views, one a second.
const testFlow = `CREATE TABLE test_flow AS SELECT * FROM (VALUES
	(1, 1, 'Home'), (2, 1, 'Gift'), (3, 1, 'Exit'),
	(1, 2, 'Home'), (2, 2, 'Home'), (3, 2, 'Gift'), (4, 2, 'Basket'),
	(1, 3, 'Gift'), (2, 3, 'Home'), (3, 3, 'Gift'), (4, 3, 'Basket')) v(dt, id, page)`

// TestNextNodeClickHouseFlows: every example of ClickHouse's documentation
// for the four base points, with its documented answers.
func TestNextNodeClickHouseFlows(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, testFlow)
	for _, c := range []struct {
		call string
		want []string
	}{
		{`'forward', 'head', dt, page, page = 'Home', [page = 'Home', page = 'Gift']`, []string{"1|Exit", "2|NULL", "3|NULL"}},
		{`'backward', 'tail', dt, page, page = 'Basket', [page = 'Basket', page = 'Gift']`, []string{"1|NULL", "2|Home", "3|Home"}},
		{`'forward', 'first_match', dt, page, page = 'Gift', [page = 'Gift']`, []string{"1|Exit", "2|Basket", "3|Home"}},
		{`'forward', 'first_match', dt, page, page = 'Gift', [page = 'Gift', page = 'Home']`, []string{"1|NULL", "2|NULL", "3|Gift"}},
		{`'backward', 'last_match', dt, page, page = 'Gift', [page = 'Gift']`, []string{"1|Home", "2|Home", "3|Home"}},
		{`'backward', 'last_match', dt, page, page = 'Gift', [page = 'Gift', page = 'Home']`, []string{"1|NULL", "2|Home", "3|Gift"}},
	} {
		q := `SELECT id, sequence_next_node(` + c.call + `) FROM test_flow GROUP BY id ORDER BY id`
		sqltest.SameRows(t, q, sqltest.Rows(t, conn, q), c.want)
	}
	// The first example: the page after A then B is C.
	sqltest.Exec(t, conn, `CREATE TABLE abc AS SELECT * FROM (VALUES (1, 1, 'A'), (2, 1, 'B'), (3, 1, 'C'), (4, 1, 'D'), (5, 1, 'E')) v(dt, id, page)`)
	q := `SELECT id, sequence_next_node('forward', 'head', dt, page, page = 'A', [page = 'A', page = 'B']) FROM abc GROUP BY id`
	sqltest.SameRows(t, q, sqltest.Rows(t, conn, q), []string{"1|C"})
}

// TestNextNodeBaseCondition: ClickHouse's base_condition examples, where
// the base point must also satisfy base_condition.
func TestNextNodeBaseCondition(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE bc AS SELECT * FROM (VALUES
		(1, 1, 'A', 'ref4'), (2, 1, 'A', 'ref3'), (3, 1, 'B', 'ref2'), (4, 1, 'B', 'ref1')) v(dt, id, page, ref)`)
	for _, c := range []struct{ call, want string }{
		{`'forward', 'head', dt, page, ref = 'ref1', [page = 'A']`, "NULL"},
		{`'backward', 'tail', dt, page, ref = 'ref4', [page = 'B']`, "NULL"},
		{`'forward', 'first_match', dt, page, ref = 'ref3', [page = 'A']`, "B"},
		{`'backward', 'last_match', dt, page, ref = 'ref2', [page = 'B']`, "A"},
		{`'forward', 'head', dt, page, ref = 'ref4', [page = 'A']`, "A"},
		{`'forward', 'head', dt, page, NULL, [page = 'A']`, "NULL"},
	} {
		q := `SELECT sequence_next_node(` + c.call + `) FROM bc`
		sqltest.SameRows(t, q, sqltest.Rows(t, conn, q), []string{c.want})
	}
}

// TestNextNodeEdges: the result keeps the event column's type; NULL when
// the chain runs off either end, on an empty group, and when a condition is
// NULL; rows with a NULL ts are left out; equal timestamps are ordered by
// the event value.
func TestNextNodeEdges(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE n AS SELECT * FROM (VALUES (1, 10), (2, 20), (2, 5), (NULL, 99), (3, 30)) v(t, e)`)
	for _, c := range []struct{ q, want string }{
		{`SELECT typeof(sequence_next_node('forward', 'head', t, e, true, [true])) FROM n`, "INTEGER"},
		{`SELECT sequence_next_node('forward', 'head', t, e, true, [true]) FROM n`, "5"},
		{`SELECT sequence_next_node('forward', 'head', t, e, true, [true, true, true, true]) FROM n`, "NULL"},
		{`SELECT sequence_next_node('forward', 'head', t, e, true, [true, true, true]) FROM n`, "30"},
		{`SELECT sequence_next_node('backward', 'tail', t, e, true, [true, e = 20]) FROM n`, "5"},
		{`SELECT sequence_next_node('backward', 'head', t, e, true, [true]) FROM n`, "NULL"},
		{`SELECT sequence_next_node('forward', 'tail', t, e, true, [true]) FROM n`, "NULL"},
		{`SELECT sequence_next_node('forward', 'first_match', t, e, true, [e = 5]) FROM n`, "20"},
		{`SELECT sequence_next_node('forward', 'first_match', t, e, true, [NULL::BOOLEAN]) FROM n`, "NULL"},
		{`SELECT sequence_next_node('forward', 'first_match', t, e, true, [e = 99]) FROM n`, "NULL"},
		{`SELECT sequence_next_node('forward', 'head', t, e, true, [true]) FROM n WHERE false`, "NULL"},
	} {
		sqltest.SameRows(t, c.q, sqltest.Rows(t, conn, c.q), []string{c.want})
	}
}
