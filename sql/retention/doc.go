// Package retention is the retention family of martdb's SQL function
// library: the retention aggregate (ClickHouse's retention) and the
// retention table report (the shape of PostHog's retention insight). The
// engine registers it, with every other family of sql/library, on each
// session it opens; nothing is written into the database file.
//
// # retention(conds BOOLEAN[]) -> INTEGER[] (aggregate)
//
// ClickHouse's retention(cond1, ..., condN) with the conditions in one
// list, used with GROUP BY. For a group whose rows carry conditions c1..cN
// it returns [r1, ..., rN]:
//
//	r1 = 1 if c1 is true on at least one row of the group, else 0;
//	rk = 1 (k >= 2) if c1 is true on at least one row and ck is true on at
//	     least one row (not necessarily the same row), else 0.
//
// So when c1 never holds the result is all zeros. A NULL condition counts
// as false. The rules where ClickHouse has no counterpart:
//
//   - conds must be a list (a LIST, or a fixed-size ARRAY) of 1 to 32
//     elements castable to BOOLEAN (so [1, 0] works like ClickHouse's UInt8
//     conditions). Anything else fails with "retention: conds: ...": a
//     non-list argument as soon as the query runs on a row, an empty list
//     or one of more than 32 conditions on the first such row.
//   - N is the length of the longest condition list in the group; shorter
//     lists count their missing conditions as false. Lists are meant to be
//     written once per query, so all have the same length.
//   - A group whose conditions are all NULL (or all false) returns N zeros,
//     N taken from the lists: the lists are seen even when no condition is
//     true.
//   - A row whose whole list is NULL is skipped. A group made only of such
//     rows returns NULL, and so does the single group of an aggregate
//     without GROUP BY over no rows. With GROUP BY a group always has a row,
//     so an empty group cannot otherwise occur.
//
// How it is built: the macro retention(conds) calls the internal aggregate
// _martdb_retention(0::BIGINT, conds), registered through sql/eventagg
// with a constant timestamp (only the conditions matter). Its C side folds
// each row's conditions into a bit mask and ORs them into the group's
// state, which holds that one mask and allocates nothing (FoldMasks); its
// Go finalizer clears the mask when bit 1 (c1) is unset and writes the
// INTEGER[] directly. On the benchmark's 10M-event D1/D7/D30 query
// (medians of 5, in one run): 0.78 s when every row with a true condition
// was kept and the list unpacked from a BIGINT by a lambda, 0.49 s with
// the fold held in the state, 0.43 s with the list written by the
// finalizer; hand-written DuckDB SQL with bool_or takes 0.33 s. What
// remains is DuckDB building the condition list of every row (about 0.2 s
// of CPU) and the C API's per-chunk aggregate calls. The checks on the list run in the macro _martdb_retention_conds (eventagg's own limit
// would name the internal aggregate rather than retention). DuckDB keeps
// the aggregate in the database instance's catalog and will not register
// it twice, so a second session on the same database finds it there and
// only creates its own (temporary, per-connection) macros.
//
// # retention(source, user, ts, ...) (table)
//
//	retention(source, user, ts, start_event := TRUE, return_event := TRUE,
//	          period := 'day', periods := 7, kind := 'first_time',
//	          cumulative := false)
//	-> TABLE(period_offset BIGINT, cohort_users BIGINT,
//	         retained_users BIGINT, retention_rate DOUBLE)
//
// source names a table, view or CTE (bare or quoted; DuckDB takes no
// subquery there); user, ts, start_event and return_event are expressions
// over its columns. Rows with a NULL user or
// ts are ignored everywhere (also when finding the last period). A NULL
// start_event or return_event counts as false.
//
// Periods. Each row falls in the period date_trunc(period, ts); period is
// one of hour, day, week (starting Monday), month, quarter, year. ts may be
// a TIMESTAMP (any precision), a DATE or a TIMESTAMPTZ; a TIMESTAMPTZ is
// bucketed by its wall-clock time in the session's TimeZone (it is cast to
// TIMESTAMP), so around a fall-back daylight-saving change the repeated
// local hour is one hour period. Periods are numbered consecutively, so
// "period c + k" is the k-th period after c.
//
// Cohorts. kind 'first_time': each user with a start event is one cohort
// member, in the period of their first start event. kind 'recurring':
// every (user, period) pair with a start event is one member, so a user
// appears in as many cohorts as periods with a start event; the report's
// "users" then count these pairs.
//
// Retention. For offset k, a member of cohort c is retained when it has a
// return event in period c + k (cumulative := false), or in any period at
// or after c + k (cumulative := true, "on or after", rolling retention).
// The return event may come before the start event inside the cohort
// period; with the defaults (every row is both a start and a return
// event) offset 0 is therefore 100%.
//
// Observation. The last period of the data L, the one holding the largest
// ts of the source, is taken to be incomplete. Offset k of cohort c counts,
// in both cohort_users and retained_users, only when c + k < L, that is
// when period c + k has ended before the data did. Offset 0 follows the
// same rule, so cohorts of period L do not appear at all; a cohort's row
// set shrinks as k grows, so cohort_users is non-increasing in k. For the
// cumulative count a return event in any period, L included, counts: a
// return in L is a return at or after c + k whatever L holds next.
//
// Output. One row per offset 0..periods (periods is a whole number >= 0),
// ordered by period_offset, even when no cohort has observed it:
// cohort_users is then 0, retained_users 0 and retention_rate NULL (no
// denominator, rather than a misleading 0). retention_rate is
// retained_users / cohort_users otherwise. Rates are pooled over cohorts
// (weighted by cohort size), not a mean of per-cohort rates.
//
// Cost. One pass over the source groups it by user and period; the rest
// works on those (user, period) rows. The exact count joins each cohort
// member with its user's return periods: one pair per return period for
// first_time, but (start periods x return periods) per user for recurring,
// so a user active in hundreds of periods costs quadratically there (2,000
// users active every day of a year, 730,000 rows, take about 2 s on 2
// cores). The cumulative count needs only each user's last return period.
//
// Errors. Every option is checked on a one-row CTE that is always
// evaluated, so a bad value fails even on an empty source, with a message
// "retention: <argument>: expected ..., got ...": period (not one of the
// six; matched exactly, in lower case), kind (not first_time or
// recurring), periods (negative, fractional, NULL or beyond BIGINT),
// cumulative (not castable to BOOLEAN). A ts column of another type (for
// example VARCHAR) fails with "retention: ts: expected a TIMESTAMP,
// TIMESTAMPTZ or DATE column, got VARCHAR", and a start_event or
// return_event that is not a BOOLEAN with "retention: start_event: ..."
// (these two need a row to fail on: an empty source returns the empty
// table).
//
// # Compared with PostHog
//
// PostHog's retention insight has the same two cohort kinds ("first time":
// the period of the user's first start event; "recurring": every period
// with a start event), the same start and return events, and a cumulative
// switch like this one (its filter's cumulative flag). Differences:
// PostHog shows one row per cohort plus a mean, while this report pools all
// cohorts into one row per offset; PostHog's period 0 is the cohort itself
// (always 100%), while here offset 0 counts members with a return event in
// the cohort period (100% only when every start event is also a return
// event, as with the defaults); PostHog displays the still-running periods
// (marked incomplete) where this report leaves them out of both counts;
// PostHog bounds the data by a chosen date range, where here the source's
// rows are the range (filter the source to choose one); and PostHog's
// further options (rates relative to the previous period, a minimum number
// of occurrences, aggregating a property) have no counterpart here.
//
// The scalar macro retention(conds) and the table macro retention(source,
// ...) share the name: DuckDB resolves a macro in FROM to the table macro
// and elsewhere to the scalar one.
package retention
