package basket

import (
	"os"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/sqltest"
)

// sessionRules is the catalog example without its LIMIT: sessions as
// baskets, event types as items, every rule read.
const sessionRules = `SELECT * FROM basket_rules(events, session_id, event, min_support := 0.05)`

// BenchmarkBasketExample: the catalog example on the scale-10 shop (a
// million events, about 250,000 sessions).
func BenchmarkBasketExample(b *testing.B) {
	benchtest.RunQuery(b, benchtest.Shop(b, 10, Family), functions[0].Example)
}

// BenchmarkBasketSessions: every rule of the sessions at scale 10, pairs
// and (max_len 4) up to four event types.
func BenchmarkBasketSessions(b *testing.B) {
	conn := benchtest.Shop(b, 10, Family)
	b.Run("max_len=2", func(b *testing.B) { benchtest.RunQuery(b, conn, sessionRules) })
	b.Run("max_len=4", func(b *testing.B) {
		benchtest.RunQuery(b, conn, `SELECT * FROM basket_rules(events, session_id, event, min_support := 0.01, max_len := 4)`)
	})
}

// BenchmarkBasket10M: the sessions of the scale-100 shop (about ten
// million events).
func BenchmarkBasket10M(b *testing.B) {
	benchtest.RunQuery(b, benchtest.Shop(b, 100, Family), sessionRules)
}

// BenchmarkBasketRetail: the Online Retail invoices (cancellations out)
// by product at the usual thresholds: pairs at min_support 0.01 (nine
// million pair rows), triples, and pairs at 0.005 (more items).
func BenchmarkBasketRetail(b *testing.B) {
	if _, err := os.Stat(retailPath); err != nil {
		b.Skip("Online Retail data set not found: ", err)
	}
	conn := sqltest.Open(b, Family)
	sqltest.Exec(b, conn, `CREATE TABLE retail AS SELECT InvoiceNo AS invoice, trim(Description) AS product
		FROM read_csv('`+retailPath+`') WHERE NOT starts_with(InvoiceNo, 'C')`)
	for _, c := range []struct{ name, opts string }{
		{"support=0.01", "min_support := 0.01"},
		{"support=0.01,max_len=3", "min_support := 0.01, max_len := 3"},
		{"support=0.005", "min_support := 0.005"},
	} {
		b.Run(c.name, func(b *testing.B) {
			benchtest.RunQuery(b, conn, `SELECT * FROM basket_rules(retail, invoice, product, `+c.opts+`)`)
		})
	}
}
