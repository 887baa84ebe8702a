package cohort

import "github.com/martdb/martdb/sql/catalog"

// Family is the cohort function family: the cohort and lifecycle table
// reports.
var Family = catalog.Family{
	Name:      "cohort",
	Functions: functions,
	Session:   register, // temporary macros only: nothing to share
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "cohort",
		Kind:   catalog.Table,
		Family: "cohort",
		Signature: "cohort(source, user, ts, period := 'month', periods := 12, amount := NULL, start_event := TRUE, " +
			"return_event := TRUE) -> TABLE(cohort DATE (TIMESTAMP for hours), cohort_size BIGINT, period_offset BIGINT, " +
			"active_users BIGINT, retention_rate DOUBLE[, revenue, cumulative_revenue_per_user DOUBLE])",
		Description: "Acquisition cohort table: per cohort (period of each user's first start event) and offset 0..periods, " +
			"the cohort's size, its users with a return event, the rate and, with amount, revenue and cumulative revenue per user; " +
			"no cells after the data's last period.",
		Example: "SELECT cohort, period_offset, cohort_size, active_users, round(retention_rate, 3) AS rate, revenue, " +
			"round(cumulative_revenue_per_user, 2) AS revenue_per_user " +
			"FROM cohort(orders, customer_id, ts, amount := amount, periods := 3) ORDER BY cohort, period_offset;",
		Choices: map[string][]string{"period": catalog.Periods},
	},
	{
		Name:      "lifecycle",
		Kind:      catalog.Table,
		Family:    "cohort",
		Signature: "lifecycle(source, user, ts, period := 'week') -> TABLE(period DATE (TIMESTAMP for hours), status VARCHAR, users BIGINT)",
		Description: "PostHog's lifecycle: per period, the users who are new, returning, resurrecting and dormant " +
			"(dormant counted positive), every period of the data with all four statuses.",
		Example: "PIVOT (SELECT * FROM lifecycle(events, user_id, ts, period := 'month')) " +
			"ON status IN ('new', 'returning', 'resurrecting', 'dormant') USING sum(users) ORDER BY period;",
		Choices: map[string][]string{"period": catalog.Periods},
	},
}
