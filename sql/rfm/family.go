package rfm

import "github.com/martdb/martdb/sql/catalog"

// Family is the RFM function family: the rfm table report.
var Family = catalog.Family{
	Name:      "rfm",
	Functions: functions,
	Session:   register, // temporary macros only: nothing to share
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "rfm",
		Kind:   catalog.Table,
		Family: "rfm",
		Signature: "rfm(source, customer, ts, amount, as_of := NULL, bins := 5, order_id := NULL) " +
			"-> TABLE(customer, first_ts TIMESTAMP, last_ts TIMESTAMP, recency_days BIGINT, frequency BIGINT, " +
			"monetary DOUBLE, r_score INTEGER, f_score INTEGER, m_score INTEGER, rfm_cell VARCHAR, segment VARCHAR)",
		Description: "RFM per customer: days since the last purchase before as_of (default midnight after the last ts), " +
			"orders, spend, rank-based 1..bins scores (ties share a score) and the ten-segment R x F map for 5 bins.",
		Example: "SELECT segment, count(*) AS customers, round(avg(recency_days)) AS avg_recency, " +
			"round(avg(frequency), 2) AS avg_orders, round(sum(monetary), 2) AS revenue " +
			"FROM rfm(orders, customer_id, ts, amount, order_id := order_id) GROUP BY segment ORDER BY revenue DESC;",
	},
}
