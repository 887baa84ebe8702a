// Package cohort is the cohort family of martdb's SQL function library:
// two table reports over a user event log, the acquisition cohort table
// (cohort) and PostHog's lifecycle (lifecycle). The engine registers the
// family, with every other family of sql/library, on each session it
// opens. Both reports are temporary table macros (with internal helper
// macros named _martdb_cohort_*), so nothing is written into the database
// file.
//
// # Shared rules
//
// source names a table, view or CTE (bare or quoted; DuckDB takes no
// subquery there); user, ts and the event and amount arguments are
// expressions over its columns; the options are named parameters. Rows
// whose user or ts is NULL are ignored everywhere, also when finding the
// first and last periods of the data.
//
// Periods. Each row falls in the period date_trunc(period, ts); period is
// one of hour, day, week (starting Monday), month, quarter, year, written
// in lower case. ts may be a TIMESTAMP (any precision), a DATE or a
// TIMESTAMPTZ; a TIMESTAMPTZ is bucketed by its wall-clock time in the
// session's TimeZone. Periods are numbered consecutively, so "period c +
// k" is the k-th period after c. The data's last period L is the one
// holding the largest ts; unlike the retention report, L counts here even
// though it may still be running: both reports show what happened so far.
//
// Period labels. A report's period column (cohort, period) holds the
// period's start: a DATE for day, week, month, quarter and year, a
// TIMESTAMP for hour. The choice is made when the query is bound, from
// the period argument, which is therefore meant to be a constant (a
// literal or a bound parameter).
//
// Errors. Options are checked on a one-row CTE that is always evaluated,
// so a bad value fails even on an empty source, with "<report>:
// <argument>: expected ..., got ...": period (not one of the six, or
// NULL), periods (negative, fractional, NULL, not a number or beyond
// BIGINT). A ts of another type fails with "<report>: ts: expected a
// TIMESTAMP, TIMESTAMPTZ or DATE column, got VARCHAR", a start_event or
// return_event that is not a BOOLEAN with "cohort: start_event: ...", and a
// BOOLEAN amount with "cohort: amount: expected a numeric column, got
// BOOLEAN"; these need a row to fail on (an empty source returns the
// empty table). An amount of a type sum() does not take at all (VARCHAR,
// DATE, ...) fails when DuckDB binds the query, with DuckDB's own message
// about sum(<type>): a macro cannot test a column's type before DuckDB
// binds the aggregate over it.
//
// # cohort(source, user, ts, ...) (table)
//
//	cohort(source, user, ts, period := 'month', periods := 12,
//	       amount := <none>, start_event := TRUE, return_event := TRUE)
//	-> TABLE(cohort DATE, cohort_size BIGINT, period_offset BIGINT,
//	         active_users BIGINT, retention_rate DOUBLE
//	         [, revenue <sum(amount)'s type>,
//	            cumulative_revenue_per_user DOUBLE])
//
// Cohorts. A user's cohort is the period of their first start event (an
// acquisition cohort): users without a start event belong to no cohort
// and appear nowhere; a user's rows in periods before their cohort are
// ignored, while their rows in the cohort period count whether they come
// before or after the start event. cohort_size is the number of users of
// the cohort. A period in which nobody started has no rows.
//
// Cells. For cohort c and offset k (period_offset), active_users is the
// number of the cohort's users with a return event in period c + k, and
// retention_rate is active_users / cohort_size (never NULL: a cohort has at
// least one user). With the defaults every row is both a start and a
// return event, so offset 0 is 100%. A cell exists for k = 0 .. periods
// only while c + k <= L: cells after the end of the data are absent, never
// zero, while cells inside the data with no activity are present with
// active_users 0 (and revenue 0). periods is a whole number >= 0, the
// largest offset shown. Rows are ordered by cohort, then period_offset.
//
// Revenue. With an amount (a numeric expression, passed by name: amount
// := Quantity * UnitPrice), two more columns follow. revenue is the sum of
// amount over all rows of the cohort's users in period c + k, whatever
// return_event says: active_users counts the return events, revenue
// counts money, so activity and revenue can be defined apart (to count
// only some rows, give amount := CASE WHEN event = 'purchase' THEN price
// END). NULL amounts are skipped, a cell without any amount has revenue 0,
// and revenue has the type of sum(amount): a DECIMAL amount gives an exact
// DECIMAL(38, s), a DOUBLE a DOUBLE, an integer a HUGEINT.
// cumulative_revenue_per_user is the cohort's revenue over offsets 0 to k
// divided by cohort_size, a DOUBLE.
//
// The two column lists are two overloads of the macro cohort: DuckDB picks
// the one with amount when amount is given, so without it the revenue
// columns are absent rather than NULL. amount := NULL given explicitly
// picks the revenue overload, with revenue 0 (a HUGEINT) everywhere.
// Options go by name: a fourth positional argument matches both overloads,
// which DuckDB reports as ambiguous.
//
// # lifecycle(source, user, ts, period := 'week') (table)
//
//	lifecycle(source, user, ts, period := 'week')
//	-> TABLE(period DATE, status VARCHAR, users BIGINT)
//
// Every row of the source is activity: a user is active in a period when
// they have a row in it (filter the source with a view to count only some
// events). For each period p, each user falls in at most one status:
//
//	new           active in p, and p is their first active period in the data;
//	returning     active in p and in p - 1;
//	resurrecting  active in p, not in p - 1, but in some earlier period;
//	dormant       not active in p, but active in p - 1.
//
// So a user who stops is dormant once, in the period after their last
// activity before the gap (and not in the later periods of the gap), and
// resurrecting when they come back. Dormant users of the period after L
// are not shown: the report stops at L.
//
// Output. Every period from the data's first to its last appears, also a
// period in which nobody was active, each with all four statuses in the
// order new, returning, resurrecting, dormant, users being 0 when no user
// has the status (PostHog too draws all four series). Rows are ordered by
// period, then status in that order. An empty source gives no rows.
//
// # Compared with PostHog
//
// The four statuses are PostHog's lifecycle statuses. PostHog reports
// dormant users as a negative count, so that its bar chart draws them
// below the axis; here users is always a positive count and the status
// names it (negate it when charting: CASE WHEN status = 'dormant' THEN
// -users ELSE users END). PostHog calls a user new in the period their
// person was created; here it is their first period with a row in the
// source, so a source that starts after users joined reports as new
// those first seen in it. PostHog bounds the periods by a chosen date
// range; here the source's rows are the range.
//
// The cohort table has the shape of PostHog's retention table (one cohort
// per row there, one cohort and offset per row here), with two
// differences: a cohort and an offset are shown up to the data's last
// period even though it may still be running, and the money columns,
// which PostHog's retention has no counterpart for.
package cohort
