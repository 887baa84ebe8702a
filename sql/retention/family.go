package retention

import "github.com/martdb/martdb/sql/catalog"

// Family is the retention function family: the retention aggregate and
// the retention table report.
var Family = catalog.Family{
	Name:      "retention",
	Functions: functions,
	Shared:    registerShared,
	Session:   registerSession,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:      "retention",
		Kind:      catalog.Aggregate,
		Family:    "retention",
		Signature: "retention(conds BOOLEAN[]) -> INTEGER[]",
		Description: "ClickHouse's retention: per group, [r1, ..., rN] with r1 = 1 if conds[1] held on some row and " +
			"rk = 1 if conds[1] and conds[k] each held on some row (1 to 32 conditions, NULL is false).",
		Example: "SELECT sum(r[1]) AS day0, sum(r[2]) AS day1, sum(r[3]) AS day7 FROM (" +
			"SELECT e.user_id, retention([e.ts::DATE = c.signup_ts::DATE, e.ts::DATE = c.signup_ts::DATE + 1, " +
			"e.ts::DATE = c.signup_ts::DATE + 7]) AS r " +
			"FROM events e JOIN customers c ON c.customer_id = e.user_id GROUP BY e.user_id);",
	},
	{
		Name:   "retention",
		Kind:   catalog.Table,
		Family: "retention",
		Signature: "retention(source, user, ts, start_event := TRUE, return_event := TRUE, period := 'day', " +
			"periods := 7, kind := 'first_time', cumulative := false) " +
			"-> TABLE(period_offset BIGINT, cohort_users BIGINT, retained_users BIGINT, retention_rate DOUBLE)",
		Description: "Retention table: of the users who started a cohort (first_time: period of their first start event; " +
			"recurring: every period with one), the share with a return event k periods later, over fully observed cohorts.",
		Example: "SELECT period_offset AS day, cohort_users, retained_users, round(retention_rate, 3) AS rate " +
			"FROM retention(events, user_id, ts, periods := 30) WHERE period_offset IN (1, 7, 30);",
		Choices: map[string][]string{"period": catalog.Periods, "kind": {"first_time", "recurring"}},
	},
}
