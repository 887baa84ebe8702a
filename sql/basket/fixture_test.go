package basket

import (
	"database/sql"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// fiveBaskets creates lines(o, i): five orders, with a duplicate line, an
// order whose only item is NULL and a line without an order (neither
// counts, so N = 5).
//
//	order  items                         counts (orders containing)
//	1      bread, milk, milk             bread 4, milk 4, diaper 4,
//	2      bread, diaper, beer, eggs     beer 3, cola 2, eggs 1
//	3      milk, diaper, beer, cola
//	4      bread, milk, diaper, beer     pairs: bread-milk 3, bread-diaper 3,
//	5      bread, milk, diaper, cola     milk-diaper 3, diaper-beer 3,
//	6      NULL                          bread-beer 2, milk-beer 2, milk-cola 2,
//	NULL   x                             diaper-cola 2, the others 1
func fiveBaskets(t *testing.T, conn *sql.Conn) {
	t.Helper()
	sqltest.Exec(t, conn, `CREATE TABLE lines AS SELECT * FROM (VALUES
		(1, 'bread'), (1, 'milk'), (1, 'milk'),
		(2, 'bread'), (2, 'diaper'), (2, 'beer'), (2, 'eggs'),
		(3, 'milk'), (3, 'diaper'), (3, 'beer'), (3, 'cola'),
		(4, 'bread'), (4, 'milk'), (4, 'diaper'), (4, 'beer'),
		(5, 'bread'), (5, 'milk'), (5, 'diaper'), (5, 'cola'),
		(6, NULL), (NULL, 'x')) v(o, i) ORDER BY hash(o, i)`)
}

// rounded selects the rules with the measures rounded to 6 places.
const rounded = `SELECT antecedent, consequent, round(antecedent_support, 6), round(consequent_support, 6),
	round(support, 6), round(confidence, 6), round(lift, 6), orders FROM `

// TestPairsByHand: min_support 0.6 keeps the items and pairs in 3 of the 5
// orders (inclusive): bread, milk, diaper (4) and beer (3); bread-milk,
// bread-diaper, milk-diaper and diaper-beer. min_confidence 0.75 keeps
// every one of their rules: 3/4 = 0.75 (inclusive) but beer => diaper 3/3.
// Lifts: beer => diaper 1 / 0.8 = 1.25, diaper => beer 0.75 / 0.6 = 1.25,
// the others 0.75 / 0.8 = 0.9375. The duplicate milk of order 1 counts
// once (milk is in 4 orders, not 5; bread-milk in 3).
func TestPairsByHand(t *testing.T) {
	conn := sqltest.Open(t, Family)
	fiveBaskets(t, conn)
	got := sqltest.Rows(t, conn, rounded+`basket_rules(lines, o, i, min_support := 0.6, min_confidence := 0.75)`)
	sqltest.SameRows(t, "pairs", got, []string{
		"[beer]|[diaper]|0.6|0.8|0.6|1.0|1.25|3",
		"[diaper]|[beer]|0.8|0.6|0.6|0.75|1.25|3",
		"[bread]|[diaper]|0.8|0.8|0.6|0.75|0.9375|3",
		"[bread]|[milk]|0.8|0.8|0.6|0.75|0.9375|3",
		"[diaper]|[bread]|0.8|0.8|0.6|0.75|0.9375|3",
		"[diaper]|[milk]|0.8|0.8|0.6|0.75|0.9375|3",
		"[milk]|[bread]|0.8|0.8|0.6|0.75|0.9375|3",
		"[milk]|[diaper]|0.8|0.8|0.6|0.75|0.9375|3",
	})
	// Just above a threshold drops what sits on it.
	got = sqltest.Rows(t, conn, rounded+`basket_rules(lines, o, i, min_support := 0.6, min_confidence := 0.76)`)
	sqltest.SameRows(t, "confidence above 0.75", got, []string{"[beer]|[diaper]|0.6|0.8|0.6|1.0|1.25|3"})
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM basket_rules(lines, o, i, min_support := 0.61, min_confidence := 0.1)`); n != 0 {
		t.Errorf("%d rules at min_support 0.61, want 0 (no pair is in 4 orders)", n)
	}
	// The column types the catalog promises.
	types := sqltest.Rows(t, conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM basket_rules(lines, o, i))`)
	sqltest.SameRows(t, "column types", types, []string{
		"antecedent|VARCHAR[]", "consequent|VARCHAR[]", "antecedent_support|DOUBLE", "consequent_support|DOUBLE",
		"support|DOUBLE", "confidence|DOUBLE", "lift|DOUBLE", "orders|BIGINT",
	})
}

// TestTriplesByHand: max_len 3, min_support 0.4 (2 orders), min_confidence
// 0.6. Frequent pairs: the eight in 2 or more orders (fiveBaskets). Their
// rules at confidence >= 0.6: 12 of 16 (bread => beer, milk => beer,
// milk => cola and diaper => cola are 2/4). Frequent triples, all pairs
// frequent and in 2 orders: bread-milk-diaper (4, 5), bread-diaper-beer
// (2, 4), milk-diaper-beer (3, 4), milk-diaper-cola (3, 5); bread-milk-beer
// is in order 4 only. Each gives three rules, all at confidence >= 2/3.
// For example [diaper, milk] => cola: support 2/5, confidence 2/3 (diaper
// and milk together in 3 orders), lift (2/3) / (2/5) = 5/3; [beer, bread]
// => diaper: 2/2 = 1, lift 1 / 0.8 = 1.25; [bread, diaper] => beer: 2/3,
// lift (2/3) / 0.6 = 10/9.
func TestTriplesByHand(t *testing.T) {
	conn := sqltest.Open(t, Family)
	fiveBaskets(t, conn)
	got := sqltest.Rows(t, conn, rounded+`basket_rules(lines, o, i, min_support := 0.4, min_confidence := 0.6, max_len := 3)`)
	sqltest.SameRows(t, "triples", got, []string{
		"[diaper, milk]|[cola]|0.6|0.4|0.4|0.666667|1.666667|2",
		"[beer]|[diaper]|0.6|0.8|0.6|1.0|1.25|3",
		"[beer, bread]|[diaper]|0.4|0.8|0.4|1.0|1.25|2",
		"[beer, milk]|[diaper]|0.4|0.8|0.4|1.0|1.25|2",
		"[cola]|[diaper]|0.4|0.8|0.4|1.0|1.25|2",
		"[cola]|[milk]|0.4|0.8|0.4|1.0|1.25|2",
		"[cola, diaper]|[milk]|0.4|0.8|0.4|1.0|1.25|2",
		"[cola, milk]|[diaper]|0.4|0.8|0.4|1.0|1.25|2",
		"[diaper]|[beer]|0.8|0.6|0.6|0.75|1.25|3",
		"[bread, diaper]|[beer]|0.6|0.6|0.4|0.666667|1.111111|2",
		"[diaper, milk]|[beer]|0.6|0.6|0.4|0.666667|1.111111|2",
		"[bread]|[diaper]|0.8|0.8|0.6|0.75|0.9375|3",
		"[bread]|[milk]|0.8|0.8|0.6|0.75|0.9375|3",
		"[diaper]|[bread]|0.8|0.8|0.6|0.75|0.9375|3",
		"[diaper]|[milk]|0.8|0.8|0.6|0.75|0.9375|3",
		"[milk]|[bread]|0.8|0.8|0.6|0.75|0.9375|3",
		"[milk]|[diaper]|0.8|0.8|0.6|0.75|0.9375|3",
		"[beer]|[bread]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[beer]|[milk]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[beer, diaper]|[bread]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[beer, diaper]|[milk]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[bread, diaper]|[milk]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[bread, milk]|[diaper]|0.6|0.8|0.4|0.666667|0.833333|2",
		"[diaper, milk]|[bread]|0.6|0.8|0.4|0.666667|0.833333|2",
	})
	// max_len 2 on the same data: the pair rules only, twelve.
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM basket_rules(lines, o, i, min_support := 0.4, min_confidence := 0.6)`); n != 12 {
		t.Errorf("%d pair rules, want 12", n)
	}
}

// TestQuadsByHand: orders {a,b,c,d} twice, {a,b,c}, {d}; N = 4 and
// min_support 0.5 keeps what is in 2 orders: the 4 items (3 each), the 6
// pairs (ab, ac, bc 3; ad, bd, cd 2), the 4 triples (abc 3, the others 2)
// and abcd (2). Rules at min_confidence 0.1: 12 from pairs, 12 from
// triples, 4 from abcd. [a, b, c] => d: confidence 2/3, lift (2/3) / (3/4)
// = 8/9; [a, b, d] => c: 2/2, lift 4/3.
func TestQuadsByHand(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE q AS SELECT * FROM (VALUES
		(1, 'a'), (1, 'b'), (1, 'c'), (1, 'd'), (2, 'd'), (2, 'c'), (2, 'b'), (2, 'a'),
		(3, 'a'), (3, 'b'), (3, 'c'), (4, 'd')) v(o, i)`)
	for maxLen, want := range map[string]int64{"2": 12, "3": 24, "4": 28} {
		n := sqltest.Int(t, conn, `SELECT count(*) FROM basket_rules(q, o, i, min_support := 0.5, max_len := `+maxLen+`)`)
		if n != want {
			t.Errorf("max_len %s: %d rules, want %d", maxLen, n, want)
		}
	}
	got := sqltest.Rows(t, conn, rounded+`basket_rules(q, o, i, min_support := 0.5, max_len := 4) WHERE len(antecedent) = 3`)
	sqltest.SameRows(t, "rules of abcd", got, []string{
		"[a, b, d]|[c]|0.5|0.75|0.5|1.0|1.333333|2",
		"[a, c, d]|[b]|0.5|0.75|0.5|1.0|1.333333|2",
		"[b, c, d]|[a]|0.5|0.75|0.5|1.0|1.333333|2",
		"[a, b, c]|[d]|0.75|0.75|0.5|0.666667|0.888889|2",
	})
}

// TestItemsAsText: items of another type are cast to VARCHAR and sorted
// as text ('10' before '9'); order ids may be of any type.
func TestItemsAsText(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE n AS SELECT * FROM (VALUES
		('x', 9), ('x', 10), ('y', 9), ('y', 10), ('z', 9)) v(o, i)`)
	got := sqltest.Rows(t, conn, rounded+`basket_rules(n, o, i, min_support := 0.5)`)
	sqltest.SameRows(t, "numbers as text", got, []string{
		"[10]|[9]|0.666667|1.0|0.666667|1.0|1.0|2",
		"[9]|[10]|1.0|0.666667|0.666667|0.666667|1.0|2",
	})
	// An expression as the item: the first letter of a word.
	sqltest.Exec(t, conn, `CREATE TABLE w AS SELECT * FROM (VALUES (1, 'apple'), (1, 'avocado'), (1, 'banana'), (2, 'berry'), (2, 'apricot')) v(o, word)`)
	got = sqltest.Rows(t, conn, `SELECT antecedent, consequent, orders FROM basket_rules(w, o, upper(word[1]), min_support := 1)`)
	sqltest.SameRows(t, "expression item", got, []string{"[A]|[B]|2", "[B]|[A]|2"})
}

// TestSources: the source may be a CTE of the query or a quoted name, with
// quoted column names.
func TestSources(t *testing.T) {
	conn := sqltest.Open(t, Family)
	got := sqltest.Rows(t, conn, `WITH b(o, i) AS (VALUES (1, 'a'), (1, 'b'), (2, 'a'), (2, 'b'), (3, 'a'))
		SELECT antecedent, consequent, orders FROM basket_rules(b, o, i, min_support := 0.5)`)
	sqltest.SameRows(t, "CTE", got, []string{"[b]|[a]|2", "[a]|[b]|2"})
	sqltest.Exec(t, conn, `CREATE TABLE "My Lines" AS SELECT * FROM (VALUES ('k1', 'x'), ('k1', 'y')) v("Order", "Item")`)
	got = sqltest.Rows(t, conn, `SELECT antecedent, consequent, support FROM basket_rules("My Lines", "Order", "Item", min_support := 1)`)
	sqltest.SameRows(t, "quoted", got, []string{"[x]|[y]|1.0", "[y]|[x]|1.0"})
}
