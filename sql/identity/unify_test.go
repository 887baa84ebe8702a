package identity

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestHandCases runs unify_ids on small graphs whose answer is written out
// by hand, and checks the naive reference agrees on each.
func TestHandCases(t *testing.T) {
	conn := open(t)
	cases := []struct {
		name  string
		pairs []pair
		want  map[string]string
	}{
		{"chain", []pair{{s("a"), s("b")}, {s("b"), s("c")}, {s("c"), s("d")}},
			map[string]string{"a": "a", "b": "a", "c": "a", "d": "a"}},
		{"chain given from its far end", []pair{{s("d"), s("c")}, {s("c"), s("b")}, {s("b"), s("a")}},
			map[string]string{"a": "a", "b": "a", "c": "a", "d": "a"}},
		{"cycle", []pair{{s("x"), s("y")}, {s("y"), s("z")}, {s("z"), s("x")}},
			map[string]string{"x": "x", "y": "x", "z": "x"}},
		{"self-pair", []pair{{s("a"), s("a")}},
			map[string]string{"a": "a"}},
		{"self-pair beside a group", []pair{{s("k"), s("k")}, {s("b"), s("c")}},
			map[string]string{"k": "k", "b": "b", "c": "b"}},
		{"one NULL side", []pair{{s("lonely"), nil}, {nil, s("alone")}},
			map[string]string{"lonely": "lonely", "alone": "alone"}},
		{"NULL side of an id that has an edge elsewhere", []pair{{s("m"), nil}, {s("n"), s("m")}},
			map[string]string{"m": "m", "n": "m"}},
		{"both NULL", []pair{{nil, nil}, {s("p"), s("q")}},
			map[string]string{"p": "p", "q": "p"}},
		{"only NULLs", []pair{{nil, nil}, {nil, nil}}, map[string]string{}},
		{"duplicates", []pair{{s("a"), s("b")}, {s("a"), s("b")}, {s("b"), s("a")}, {s("a"), s("a")}},
			map[string]string{"a": "a", "b": "a"}},
		{"ids only in id_b", []pair{{s("z1"), s("b1")}, {s("z1"), s("b2")}, {nil, s("b3")}},
			map[string]string{"b1": "b1", "b2": "b1", "b3": "b3", "z1": "b1"}},
		{"two groups joined late", []pair{{s("e"), s("f")}, {s("g"), s("h")}, {s("h"), s("f")}},
			map[string]string{"e": "e", "f": "e", "g": "e", "h": "e"}},
		{"byte order: upper case before lower, '10' before '9'", []pair{{s("b"), s("B")}, {s("9"), s("10")}},
			map[string]string{"b": "B", "B": "B", "9": "10", "10": "10"}},
		{"empty string is an identifier", []pair{{s(""), s("x")}},
			map[string]string{"": "", "x": ""}},
		{"mixed", []pair{
			{s("ann@x.com"), s("+1555")}, {s("ann@y.com"), s("+1555")}, {s("bob@x.com"), nil},
			{s("bob@x.com"), s("bob@x.com")}, {nil, s("+1999")}, {s("cy@x.com"), s("+1777")},
			{s("+1777"), s("cy@x.com")}, {nil, nil}, {s("ann@x.com"), s("+1555")},
		}, map[string]string{
			"+1555": "+1555", "ann@x.com": "+1555", "ann@y.com": "+1555", "bob@x.com": "bob@x.com",
			"+1999": "+1999", "cy@x.com": "+1777", "+1777": "+1777",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			load(t, conn, "p", c.pairs)
			sameMapping(t, "unify_ids", mapping(t, conn, "p"), c.want)
			sameMapping(t, "naive reference", naive(c.pairs), c.want)
		})
	}
}

// TestEmptySource: no rows in, or only rows with two NULLs, no rows out
// (and no error); a WHERE that keeps nothing is an empty source too.
func TestEmptySource(t *testing.T) {
	conn := open(t)
	load(t, conn, "p", nil)
	if n := sqltest.Int(t, conn, "SELECT count(*) FROM unify_ids(p, a, b)"); n != 0 {
		t.Errorf("%d rows from an empty table", n)
	}
	load(t, conn, "q", []pair{{nil, nil}, {nil, nil}})
	if n := sqltest.Int(t, conn, "SELECT count(*) FROM unify_ids(q, a, b)"); n != 0 {
		t.Errorf("%d rows from NULL pairs", n)
	}
	load(t, conn, "r", []pair{{s("a"), s("b")}})
	if n := sqltest.Int(t, conn, "WITH e AS (SELECT * FROM r WHERE a = 'none') SELECT count(*) FROM unify_ids(e, a, b)"); n != 0 {
		t.Errorf("%d rows from an empty CTE", n)
	}
}

// TestSources: source may be a table, a view or a CTE, and id_a and id_b
// expressions over its columns; other column types are cast to VARCHAR.
func TestSources(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn,
		"CREATE TABLE orders(order_id INTEGER, email VARCHAR, phone VARCHAR, customer_id BIGINT)",
		`INSERT INTO orders VALUES (1, 'Ann@X.com ', '555-1', 10), (2, 'ann@x.com', NULL, 9),
		 (3, NULL, '555-1', NULL), (4, 'bo@x.com', '555-2', 9)`,
		"CREATE VIEW contact AS SELECT lower(trim(email)) AS email, phone FROM orders")
	sqltest.SameRows(t, "view with expressions",
		sqltest.Rows(t, conn, "SELECT * FROM unify_ids(contact, email, replace(phone, '-', '')) ORDER BY id"),
		[]string{"5551|5551", "5552|5552", "ann@x.com|5551", "bo@x.com|5552"})
	sqltest.SameRows(t, "CTE, integer columns cast to VARCHAR",
		sqltest.Rows(t, conn, `WITH o AS (SELECT * FROM orders)
			SELECT id, customer_key, typeof(id), typeof(customer_key) FROM unify_ids(o, customer_id, order_id) ORDER BY id`),
		[]string{
			"1|1|VARCHAR|VARCHAR", "10|1|VARCHAR|VARCHAR", "2|2|VARCHAR|VARCHAR",
			"3|3|VARCHAR|VARCHAR", "4|2|VARCHAR|VARCHAR", "9|2|VARCHAR|VARCHAR",
		})
	sqltest.SameRows(t, "quoted table name",
		sqltest.Rows(t, conn, `SELECT count(*) FROM unify_ids("orders", email, phone)`), []string{"5"})
}

// TestJoinBack: the result joins back to the source on the identifier and
// the key is stable across calls and row orders.
func TestJoinBack(t *testing.T) {
	conn := open(t)
	load(t, conn, "p", []pair{{s("c"), s("b")}, {s("b"), s("a")}, {s("x"), s("y")}})
	sqltest.Exec(t, conn, "CREATE TABLE q AS SELECT * FROM p ORDER BY a DESC")
	a := sqltest.Rows(t, conn, "SELECT * FROM unify_ids(p, a, b) ORDER BY id")
	b := sqltest.Rows(t, conn, "SELECT * FROM unify_ids(q, b, a) ORDER BY id")
	sqltest.SameRows(t, "same pairs, other row order and sides", b, a)
	// Beside the source in one FROM, the source's name would bind as a
	// lateral reference to its row: alias the source (or use a CTE).
	sqltest.SameRows(t, "joined back",
		sqltest.Rows(t, conn, `SELECT o.a, u.customer_key FROM p AS o JOIN unify_ids(p, a, b) u ON u.id = o.a ORDER BY 1`),
		[]string{"b|a", "c|a", "x|x"})
}
