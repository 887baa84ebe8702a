package attribution

import (
	"fmt"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// shopTouches is the catalog example's touches: the first page view of
// every session, with its utm_source.
const shopTouches = `WITH touches AS (SELECT user_id, ts, properties->>'utm_source' AS channel FROM events
	WHERE properties LIKE '%utm_source%') `

// TestShopReconciles: on the demo shop, under every model, the channels'
// values add up to the orders' total to the cent (each channel's DOUBLE
// value is read back as the DECIMAL(38,2) it was made from, and those add
// up exactly), and the conversions to the number of orders.
func TestShopReconciles(t *testing.T) {
	conn := shop(t)
	total := sqltest.Column(t, conn, `SELECT sum(amount)::VARCHAR || '|' || count(*) FROM orders`)[0]
	for _, lookback := range []string{"INTERVAL 30 DAY", "INTERVAL 10 MINUTE"} {
		got := sqltest.Rows(t, conn, shopTouches+`SELECT model, sum(value::DECIMAL(38,2)), round(sum(conversions), 9)::BIGINT
			FROM attribution(touches, user_id, ts, channel, orders, customer_id, ts, conv_value := amount, model := 'all',
			                 lookback := `+lookback+`)
			GROUP BY model ORDER BY model`)
		var want []string
		for _, m := range []string{"first_touch", "last_non_direct", "last_touch", "linear", "position_based", "time_decay"} {
			want = append(want, m+"|"+total)
		}
		sqltest.SameRows(t, "totals with lookback "+lookback, got, want)
	}
	// With a 10-minute lookback some orders have no touch: they are the
	// (unattributed) row, the same under every model.
	un := sqltest.Rows(t, conn, shopTouches+`SELECT count(DISTINCT conversions), min(conversions) > 0
		FROM attribution(touches, user_id, ts, channel, orders, customer_id, ts, model := 'all', lookback := INTERVAL 10 MINUTE)
		WHERE channel = '(unattributed)'`)
	sqltest.SameRows(t, "unattributed", un, []string{"1|true"})
}

// TestManyHalves: splitting 5 cents over 10 touches (linear, 0.5 cent
// each) or 15 cents (1.5 each) must not round every share up and then
// owe the difference to one touch: the cumulative rounding gives 0 or 1
// (or 1 or 2) cents to each and exactly 5 (15) in all, never a negative
// credit.
func TestManyHalves(t *testing.T) {
	conn := open(t)
	var touches []string
	for i := 0; i < 10; i++ {
		touches = append(touches, fmt.Sprintf("(1, TIMESTAMP '2025-01-01' + INTERVAL %d HOUR, 'ch%d')", i, i))
	}
	sqltest.Exec(t, conn, `CREATE TABLE t AS SELECT * FROM (VALUES `+strings.Join(touches, ", ")+`) v(u, ts, ch)`)
	for _, cents := range []string{"0.05", "0.15", "-0.15"} {
		sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-02' AS ts, `+cents+`::DECIMAL(6,2) AS amount`)
		got := sqltest.Rows(t, conn, `SELECT sum(value::DECIMAL(6,2)), min(abs(value)) >= 0.01 * floor(abs(`+cents+`) * 10),
			max(abs(value)) <= 0.01 * ceil(abs(`+cents+`) * 10), bool_and(sign(value) * sign(`+cents+`) >= 0)
			FROM attribution(t, u, ts, ch, c, u, ts, conv_value := amount, model := 'linear')`)
		sqltest.SameRows(t, cents, got, []string{cents + "|true|true|true"})
	}
}

// TestOutputColumns: one model gives channel, conversions and value;
// model := 'all' puts model first.
func TestOutputColumns(t *testing.T) {
	conn := open(t)
	sqltest.Exec(t, conn, `CREATE TABLE t AS SELECT 1 AS u, TIMESTAMP '2025-01-01' AS ts, 1 AS ch`,
		`CREATE TABLE c AS SELECT 1 AS u, TIMESTAMP '2025-01-01' AS ts`)
	for model, want := range map[string]string{
		"linear": "channel VARCHAR,conversions DOUBLE,value DOUBLE",
		"all":    "model VARCHAR,channel VARCHAR,conversions DOUBLE,value DOUBLE",
	} {
		got := sqltest.Column(t, conn, `SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM attribution(t, u, ts, ch, c, u, ts, model := '`+model+`'))`)
		if strings.Join(got, ",") != want {
			t.Errorf("%s: columns %v, want %s", model, got, want)
		}
	}
	// A channel of another type is its text.
	sqltest.SameRows(t, "integer channel", report(t, conn, `t, u, ts, ch, c, u, ts`), []string{"1|1.0|1.0"})
}
