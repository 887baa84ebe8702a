package basket

import (
	"database/sql"
	"os"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// retailPath is the Online Retail data set (see ../shared/datasets/README.md
// from the repository root), relative to this package's directory.
const retailPath = "../../../shared/datasets/online_retail.csv.zst"

// openRetail loads the UCI Online Retail invoices without cancellations
// (InvoiceNo starting with C) as retail(invoice, stock, product), product
// being the trimmed description; it skips the test when the data set is
// absent.
func openRetail(t *testing.T) *sql.Conn {
	t.Helper()
	if _, err := os.Stat(retailPath); err != nil {
		t.Skip("Online Retail data set not found: ", err)
	}
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, `CREATE TABLE retail AS SELECT InvoiceNo AS invoice, StockCode AS stock, trim(Description) AS product
		FROM read_csv('`+retailPath+`') WHERE NOT starts_with(InvoiceNo, 'C')`)
	return conn
}

// plainPairRules writes, in plain SQL independent of basket.sql, every
// rule x => y between two items of col with support >= 0.02 and confidence
// >= 0.1: distinct lines, the counts of single items by GROUP BY, ordered
// pairs by a self-join on the invoice, the measures from the counts.
func plainPairRules(col string) string {
	return `WITH lines AS (SELECT DISTINCT invoice, ` + col + ` AS item FROM retail WHERE invoice IS NOT NULL AND ` + col + ` IS NOT NULL),
		n AS (SELECT count(DISTINCT invoice) AS n FROM lines),
		single AS (SELECT item, count(*) AS c FROM lines GROUP BY item HAVING count(*) >= 0.02 * (SELECT n FROM n)),
		kept AS (SELECT * FROM lines WHERE item IN (SELECT item FROM single)),
		pair AS (SELECT x.item AS a, y.item AS b, count(*) AS c FROM kept x JOIN kept y ON x.invoice = y.invoice AND x.item <> y.item GROUP BY ALL)
		SELECT [p.a] AS antecedent, [p.b] AS consequent, sa.c / n AS antecedent_support, sb.c / n AS consequent_support,
		       p.c / n AS support, p.c / sa.c AS confidence, (p.c / sa.c) / (sb.c / n) AS lift, p.c AS orders
		FROM pair p JOIN single sa ON sa.item = p.a JOIN single sb ON sb.item = p.b CROSS JOIN n
		WHERE p.c / n >= 0.02 AND p.c / sa.c >= 0.1`
}

// TestOnlineRetailPairs: the pair rules at min_support 0.02, by product
// and by stock code, are exactly those of plain SQL, measure for measure;
// and the famous pairs of the data set come out as every market basket
// tutorial on it shows: the regency teacups (pink => green has the highest
// lift) and the jumbo bags, whose red retrospot and pink polkadot pair is
// in the most invoices.
func TestOnlineRetailPairs(t *testing.T) {
	conn := openRetail(t)
	for _, col := range []string{"product", "stock"} {
		sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE mine AS SELECT * FROM basket_rules(retail, invoice, `+col+`, min_support := 0.02)`,
			`CREATE OR REPLACE TABLE plain AS `+plainPairRules(col))
		if n := sqltest.Int(t, conn, `SELECT count(*) FROM mine`); n < 50 {
			t.Errorf("%s: %d rules, want many", col, n)
		}
		bad := sqltest.Int(t, conn, `SELECT count(*) FROM mine m FULL JOIN plain p USING (antecedent, consequent)
			WHERE m.orders IS DISTINCT FROM p.orders OR NOT abs(m.support - p.support) < 1e-12
			   OR NOT abs(m.antecedent_support - p.antecedent_support) < 1e-12 OR NOT abs(m.consequent_support - p.consequent_support) < 1e-12
			   OR NOT abs(m.confidence - p.confidence) < 1e-12 OR NOT abs(m.lift - p.lift) < 1e-9`)
		if bad != 0 {
			t.Errorf("%s: %d rules differ from plain SQL", col, bad)
		}
		// The order: lift descending, rule by rule.
		if n := sqltest.Int(t, conn, `SELECT count(*) FROM (SELECT lift, lag(lift) OVER () AS prev FROM mine) WHERE lift > prev`); n != 0 {
			t.Errorf("%s: %d rules out of lift order", col, n)
		}
	}
	sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE mine AS SELECT * FROM basket_rules(retail, invoice, product, min_support := 0.02)`)
	got := sqltest.Rows(t, conn, `SELECT antecedent, consequent FROM mine LIMIT 2`)
	sqltest.SameRows(t, "highest lift", got, []string{
		"[PINK REGENCY TEACUP AND SAUCER]|[GREEN REGENCY TEACUP AND SAUCER]",
		"[GREEN REGENCY TEACUP AND SAUCER]|[PINK REGENCY TEACUP AND SAUCER]",
	})
	got = sqltest.Rows(t, conn, `SELECT antecedent, consequent FROM mine ORDER BY orders DESC, antecedent LIMIT 4`)
	sqltest.SameRows(t, "most invoices", got, []string{
		"[JUMBO BAG PINK POLKADOT]|[JUMBO BAG RED RETROSPOT]",
		"[JUMBO BAG RED RETROSPOT]|[JUMBO BAG PINK POLKADOT]",
		"[GREEN REGENCY TEACUP AND SAUCER]|[ROSES REGENCY TEACUP AND SAUCER]",
		"[ROSES REGENCY TEACUP AND SAUCER]|[GREEN REGENCY TEACUP AND SAUCER]",
	})
	// The cake stand goes with the teacups: both rules well above chance.
	got = sqltest.Rows(t, conn, `SELECT consequent, lift > 4 FROM mine WHERE antecedent = ['REGENCY CAKESTAND 3 TIER']
		AND consequent[1] IN ('ROSES REGENCY TEACUP AND SAUCER', 'GREEN REGENCY TEACUP AND SAUCER') ORDER BY consequent`)
	sqltest.SameRows(t, "cake stand", got, []string{"[GREEN REGENCY TEACUP AND SAUCER]|true", "[ROSES REGENCY TEACUP AND SAUCER]|true"})
}

// TestOnlineRetailTriples: at max_len 3 (min_support 0.01) the rules with
// two-item antecedents, the three regency teacups among them, have the
// counts that plain SQL finds for the same items by grouping invoices.
func TestOnlineRetailTriples(t *testing.T) {
	conn := openRetail(t)
	sqltest.Exec(t, conn, `CREATE TABLE mine AS SELECT * FROM basket_rules(retail, invoice, product, min_support := 0.01, max_len := 3)`)
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM mine WHERE len(antecedent) = 2 AND list_sort(antecedent || consequent) =
		['GREEN REGENCY TEACUP AND SAUCER', 'PINK REGENCY TEACUP AND SAUCER', 'ROSES REGENCY TEACUP AND SAUCER']`); n != 3 {
		t.Errorf("%d rules of the three teacups, want 3", n)
	}
	// invoices_with(k) counts the invoices with every item of the list k.
	sqltest.Exec(t, conn, `CREATE TABLE lines AS SELECT DISTINCT invoice, product FROM retail WHERE invoice IS NOT NULL AND product IS NOT NULL`,
		`CREATE MACRO invoices_with(k) AS (SELECT count(*) FROM (SELECT invoice FROM lines WHERE list_contains(k, product)
			GROUP BY invoice HAVING count(*) = len(k)))`)
	n := sqltest.Int(t, conn, `SELECT count(DISTINCT invoice) FROM lines`)
	rows := sqltest.Rows(t, conn, `SELECT antecedent, consequent FROM mine WHERE len(antecedent) = 2 LIMIT 8`)
	if len(rows) < 8 {
		t.Fatalf("%d rules with two-item antecedents, want 8 or more", len(rows))
	}
	bad := sqltest.Int(t, conn, `WITH top AS (SELECT * FROM mine WHERE len(antecedent) = 2 LIMIT 8),
		plain AS (SELECT *, invoices_with(antecedent) AS a, invoices_with(consequent) AS c, invoices_with(antecedent || consequent) AS ac FROM top)
		SELECT count(*) FROM plain
		WHERE orders <> ac OR abs(support - ac / `+itoa(n)+`) > 1e-12 OR abs(confidence - ac / a) > 1e-12
		   OR abs(lift - (ac / a) / (c / `+itoa(n)+`)) > 1e-9 OR abs(antecedent_support - a / `+itoa(n)+`) > 1e-12`)
	if bad != 0 {
		t.Errorf("%d of the top triple rules differ from plain SQL", bad)
	}
}
