package experiment

import "github.com/martdb/martdb/sql/catalog"

// Family is the experiment family: ab_test and sample_size.
var Family = catalog.Family{
	Name:      "experiment",
	Functions: functions,
	Shared:    registerShared,
	Session:   registerSession,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "ab_test",
		Kind:   catalog.Table,
		Family: "experiment",
		Signature: "ab_test(source, variant, converted, value := NULL, control := NULL, alpha := 0.05, min_sample := 100) " +
			"-> TABLE(variant VARCHAR, is_control BOOLEAN, users BIGINT, conversions BIGINT, rate DOUBLE, uplift DOUBLE, " +
			"rate_ci_low DOUBLE, rate_ci_high DOUBLE, z DOUBLE, p_value DOUBLE, mean_value DOUBLE, value_uplift DOUBLE, " +
			"value_ci_low DOUBLE, value_ci_high DOUBLE, t DOUBLE, df DOUBLE, value_p_value DOUBLE, warning VARCHAR)",
		Description: "A/B test readout per variant against the control (given, else the lowest name): conversion rate, uplift, " +
			"CI of the rate difference, pooled two-proportion z test and, with value, Welch's t test on the mean.",
		Example: "WITH u AS (SELECT c.customer_id, CASE WHEN hash(c.customer_id) % 2 = 0 THEN 'A' ELSE 'B' END AS variant, " +
			"count(o.order_id) > 0 AS converted, coalesce(sum(o.amount), 0) AS revenue " +
			"FROM customers c LEFT JOIN orders o USING (customer_id) GROUP BY ALL) " +
			"SELECT variant, users, conversions, round(rate, 4) AS rate, round(uplift, 4) AS uplift, round(p_value, 4) AS p_value, " +
			"round(mean_value, 2) AS revenue_per_user, round(value_p_value, 4) AS revenue_p_value, warning " +
			"FROM ab_test(u, variant, converted, value := revenue);",
	},
	{
		Name:   "sample_size",
		Kind:   catalog.Scalar,
		Family: "experiment",
		Signature: "sample_size(baseline_rate DOUBLE, min_detectable_effect DOUBLE, alpha := 0.05, power := 0.8, relative := true) " +
			"-> BIGINT",
		Description: "Users per variant for a two-sided two-proportion z test to detect the effect (relative to the baseline " +
			"rate by default, else absolute) at level alpha with the given power.",
		Example: "SELECT mde, sample_size(0.10, mde) AS users_per_variant, sample_size(0.10, 0.10 * mde, relative := false) AS same_in_points " +
			"FROM (VALUES (0.05), (0.10), (0.20)) t(mde);",
	},
}
