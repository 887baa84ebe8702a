package clv

import "github.com/martdb/martdb/sql/catalog"

// Family is the customer lifetime value family: clv_summary, clv_fit and
// clv.
var Family = catalog.Family{
	Name:      "clv",
	Functions: functions,
	Shared:    registerShared,
	Session:   registerSession,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "clv_summary",
		Kind:   catalog.Table,
		Family: "clv",
		Signature: "clv_summary(source, customer, ts, amount, calibration_end := NULL, period := 'week') " +
			"-> TABLE(customer, frequency BIGINT, recency DOUBLE, T DOUBLE, monetary_value DOUBLE)",
		Description: "Per customer, over purchase days up to calibration_end (default the last day): repeat purchase days, " +
			"first to last purchase, first purchase to calibration_end (in periods) and mean repeat spend, as lifetimes' summary_data_from_transaction_data.",
		Example: "SELECT frequency, count(*) AS customers, round(avg(recency), 1) AS avg_recency, round(avg(T), 1) AS avg_T, " +
			"round(avg(monetary_value), 2) AS avg_repeat_spend FROM clv_summary(orders, customer_id, ts, amount) " +
			"GROUP BY frequency ORDER BY frequency LIMIT 5;",
		Choices: map[string][]string{"period": catalog.Periods},
	},
	{
		Name:   "clv_fit",
		Kind:   catalog.Table,
		Family: "clv",
		Signature: "clv_fit(source, customer, ts, amount, calibration_end := NULL, period := 'week') " +
			"-> TABLE(r, alpha, a, b, bgnbd_log_likelihood DOUBLE, customers BIGINT, p, q, gamma, gg_log_likelihood DOUBLE, " +
			"repeat_customers BIGINT, calibration_end DATE, period VARCHAR)",
		Description: "Maximum-likelihood BG/NBD purchase model (r, alpha, a, b) over every customer of clv_summary " +
			"and Gamma-Gamma spend model (p, q, gamma) over those with frequency > 0, in one row.",
		Example: "SELECT round(r, 3) AS r, round(alpha, 3) AS alpha, round(a, 3) AS a, round(b, 3) AS b, customers, " +
			"round(p, 3) AS p, round(q, 3) AS q, round(gamma, 3) AS gamma, repeat_customers FROM clv_fit(orders, customer_id, ts, amount);",
		Choices: map[string][]string{"period": catalog.Periods},
	},
	{
		Name:   "clv",
		Kind:   catalog.Table,
		Family: "clv",
		Signature: "clv(source, customer, ts, amount, horizon := INTERVAL 12 MONTH, discount_rate := 0.01, calibration_end := NULL, " +
			"period := 'week') -> TABLE(customer, frequency BIGINT, recency DOUBLE, T DOUBLE, monetary_value DOUBLE, p_alive DOUBLE, " +
			"expected_purchases DOUBLE, expected_avg_value DOUBLE, clv DOUBLE, churn_risk DOUBLE)",
		Description: "Per customer, from the fitted BG/NBD and Gamma-Gamma models: probability of being alive, expected purchases " +
			"over the horizon, expected spend per purchase and their monthly discounted value (lifetimes' customer_lifetime_value).",
		Example: "SELECT customer, frequency, round(p_alive, 3) AS p_alive, round(expected_purchases, 2) AS expected_purchases, " +
			"round(expected_avg_value, 2) AS avg_value, round(clv, 2) AS clv FROM clv(orders, customer_id, ts, amount) " +
			"ORDER BY clv DESC LIMIT 10;",
		Choices: map[string][]string{"period": catalog.Periods},
	},
}
