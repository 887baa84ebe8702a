// Package attribution is the multi-touch attribution family of martdb's
// SQL function library: the attribution table report, which credits each
// conversion (an order, a signup) and its value to the marketing channels
// of the touches (visits, ad clicks, emails) that preceded it, under the
// usual rule-based models. The engine registers it, with every other
// family of sql/library, on each session it opens; it is made of
// temporary macros only (attribution.sql), so nothing is written into the
// database file.
//
// # attribution(touches, user, ts, channel, conversions, conv_user, conv_ts, ...) (table)
//
//	attribution(touches, user, ts, channel,
//	            conversions, conv_user, conv_ts,
//	            conv_value := NULL, model := 'last_touch',
//	            lookback := INTERVAL 30 DAY, direct := 'direct',
//	            half_life := INTERVAL 7 DAY)
//	-> TABLE(channel VARCHAR, conversions DOUBLE, value DOUBLE)
//	-> TABLE(model VARCHAR, channel VARCHAR, conversions DOUBLE, value DOUBLE)  -- model := 'all'
//
// touches and conversions each name a table, view or CTE (bare or quoted;
// a CTE of the calling statement works, also one named touches or
// conversions: WITH touches AS (...) SELECT * FROM attribution(touches,
// ...), as in the catalog example). user, ts and channel are expressions
// over the columns of touches; conv_user, conv_ts and conv_value are
// expressions over the columns of conversions. The two sides may use the
// same column names (ts for both, as in the example), and columns named
// like the other arguments (a touch column conv_ts passed as ts) resolve
// against their own source.
//
//   - user, conv_user: who touched and who converted, matched with =. They
//     must have the same type, or both be numbers (INTEGER and BIGINT ids
//     match).
//   - ts, conv_ts: TIMESTAMP (any precision), TIMESTAMPTZ or DATE. Both are
//     taken as TIMESTAMP: a TIMESTAMPTZ at its wall-clock time in the
//     session's TimeZone, a DATE at its midnight.
//   - channel: any type, used as its VARCHAR text.
//   - conv_value: a number, the conversion's value (revenue); without it
//     (NULL, the default) every conversion is worth 1, so value equals
//     conversions.
//
// Rows that count. A touch counts when its user, ts and channel are not
// NULL (coalesce the channel, e.g. to '(not set)', to keep touches
// without one); a conversion when its user and ts are not NULL (the
// others are left out of the report and its totals, unlike conversions
// without a touch, below). A conversion with a NULL value counts as a
// conversion worth 0. Every
// counted row is its own touch or conversion: duplicates count twice.
//
// # Eligible touches and their order
//
// The touches eligible for a conversion are those of the same user with
//
//	conv_ts - lookback <= ts <= conv_ts
//
// both ends inclusive (a touch at the conversion's own instant counts;
// conv_ts - lookback is DuckDB's timestamp arithmetic, so a month of
// lookback is a calendar month). A touch may be eligible for several
// conversions of its user, and then is credited by each of them.
//
// The n eligible touches of a conversion are ordered by ts, and touches
// with equal ts by channel name (byte order: 'B' < 'b'), giving positions
// 1..n. Ties therefore go: first_touch to the smallest channel name among
// the earliest touches, last_touch to the largest among the latest.
// Touches equal in both ts and channel are interchangeable (the credit
// goes to the same channel whichever is taken).
//
// # Models
//
// The share of touch i (1..n) of a conversion; a conversion's shares add
// up to 1.
//
//   - first_touch: 1 for i = 1, else 0.
//   - last_touch: 1 for i = n, else 0.
//   - last_non_direct: 1 for the last touch whose channel is not direct
//     (the direct option: one channel name, or a list of them such as
//     ['direct', '(none)'], compared exactly); when every touch is direct,
//     1 for i = n.
//   - linear: 1/n each.
//   - position_based (U-shaped): for n = 1, 1; for n = 2, 1/2 each; for
//     n >= 3, 0.4 for the first, 0.4 for the last and 0.2/(n-2) for each
//     touch in between.
//   - time_decay: weight w_i = 2^(-(conv_ts - ts_i) / half_life), share
//     w_i / sum_j w_j. A touch one half_life older than another gets half
//     its credit: with the default 7 days, a touch 8 days before the
//     conversion gets half the credit of one 1 day before. The weights are
//     computed relative to the latest touch (2^(-(ts_n - ts_i) /
//     half_life), the same shares), so they never all underflow to 0 even
//     with a half_life much shorter than the lookback. Durations are
//     compared in microseconds, an interval's months counting 30 days.
//
// # Credits
//
// conversions (per channel) is the sum of the shares of the channel's
// touches over all conversions: fractional conversions; over all
// channels it adds up to the number of counted conversions (to floating
// point rounding).
//
// value is the sum of the value credited to the channel's touches. For a
// DOUBLE or integer conv_value the credit is value * share. For a DECIMAL
// conv_value the credits are exact: a conversion's credits add up to its
// value exactly, in the DECIMAL's smallest unit (cents for
// DECIMAL(12,2)). With V the value in units and C_i the cumulative share
// of touches 1..i (C_0 = 0, C_n = 1), touch i gets
//
//	round(V * C_i) - round(V * C_(i-1))
//
// units (round half away from zero), so each credit is within one unit of
// V * share, has the sign of V (refunds recorded as negative values give
// negative credits), and the credits of a conversion telescope to V. The
// cumulative shares are computed from whole-number weights (1 per touch
// for linear; 2(n-2), 1, ..., 1, 2(n-2) of 5(n-2) for position_based;
// time-decay weights in units of 2^-40 of the latest touch's), so the
// same C_i is the same number on every row. Channel values are sums of
// whole units, returned as the DOUBLE nearest to the exact decimal:
// value::DECIMAL(38, s) gives the exact amount back (below 2^53 units, 90
// trillion at two decimals; a conversion's value must be below 2^63
// units, else the report fails naming conv_value), and the channels'
// sum(value::DECIMAL(38,2)) equals sum(conv_value) over the counted
// conversions to the cent, under every model (tested on the demo shop).
// Time-decay touches older than about 40 half-lives before the latest
// touch have a weight below 2^-40 and get no part of a DECIMAL value
// (their share of conversions is still counted).
//
// Conversions without an eligible touch are credited, under every model,
// to a row with channel '(unattributed)' (conversions and value in full),
// so that the report's totals reconcile with the conversions. A real
// channel of that name would be merged with it.
//
// # Rows
//
// One row per channel that has at least one eligible touch (with 0 under
// a model that gives it nothing), plus '(unattributed)' when some
// conversion has no touch, ordered by channel name with '(unattributed)'
// last. With model := 'all' the rows of the six models follow each other
// in the order first_touch, last_touch, last_non_direct, linear,
// position_based, time_decay, with a model column first: the long shape,
// chosen over one wide row per channel because it filters, charts and
// pivots directly (PIVOT (...) ON model USING sum(value) gives the wide
// table) and keeps the same conversions and value columns as one model.
// The model column exists only for 'all' (the option must then be the
// literal 'all').
//
// # Options
//
//   - model: one of first_touch, last_touch (default), last_non_direct,
//     linear, position_based, time_decay, or all.
//   - lookback: a positive INTERVAL (or a string that casts to one, such as
//     '14 days'); default 30 days.
//   - direct: the channel name, or list of names, that last_non_direct
//     skips; default 'direct'. An empty list [] makes last_non_direct the
//     same as last_touch.
//   - half_life: a positive INTERVAL for time_decay; default 7 days.
//
// # Errors
//
// Options and column types are checked on a one-row CTE every step
// depends on (column types are read from scalar subqueries, which have
// their type even on empty sources), so a bad value fails even when
// touches and conversions are empty, with "attribution: <argument>:
// expected ..., got ...": model (listing the accepted names), lookback and
// half_life ("expected a positive INTERVAL"), direct (NULL), ts and
// conv_ts ("expected a TIMESTAMP, TIMESTAMPTZ or DATE column, got
// VARCHAR"), conv_value ("expected a numeric column") and conv_user
// ("expected the type of user (BIGINT), got VARCHAR").
//
// # Cost
//
// One hash join of the conversions with the touches on the user (the
// window bound is a filter of the join), two hash aggregates by conversion
// (counts, latest touch, total weights), a single window pass over the
// joined (conversion, touch) pairs partitioned by conversion and sorted by
// (ts, channel) (positions and running counts and weights), and one
// aggregate by channel; there is no per-conversion subquery. The cost
// grows with the number of pairs, i.e. with the touches each user has
// within lookback of each conversion: on the demo shop, about a second
// for a million pairs (bench_test.go).
package attribution
