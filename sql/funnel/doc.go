// Package funnel computes the level of one group for window_funnel(window,
// ts, conds [, mode]): how many consecutive steps of a conversion funnel
// the group's rows reach within a time window. The reference semantics are
// those of ClickHouse's windowFunnel as its source stands today, including
// the fix of issue #37177.
//
// # Events
//
// Each input row has a timestamp and N conditions (1 <= N <= 32), folded
// by the caller into a bit mask; a NULL condition counts as false.
// AppendRow turns a row into events: one (ts, k) per true condition k,
// and, in strict_order mode, one (ts, 0) for a row with no true condition
// (elsewhere such a row contributes nothing). Level sorts the events by
// timestamp, then condition, then row: events at equal timestamps are
// taken in condition order, whatever the order of the rows, so one row
// meeting conditions 1 and 2 can fill both steps (except in strict_once
// mode).
//
// # The scan
//
// Step i holds the latest chain reaching it: the timestamp of the chain's
// step-1 event and that of its step-i event. For each event (ts, k):
//
//   - k = 0 (strict_order only): the scan stops if a step-1 event was seen;
//     otherwise the event is skipped.
//   - k = 1: a new chain starts at ts and replaces the one held by step 1.
//     Steps above keep their chains, so a repeated step-1 event restarts the
//     funnel without losing the progress already made.
//   - strict_deduplication, step k already held: the scan stops and returns
//     the highest step held. (Before the #37177 fix ClickHouse returned the
//     condition number of the previous event in sorted order instead.)
//   - strict_order, a step-1 event seen, step k-1 not held: the scan stops
//     and returns the number of leading steps held; with allow_reentry the
//     event is skipped instead.
//   - step k-1 held: if ts <= (its chain's step-1 timestamp) + window, and,
//     with strict_increase, its step-(k-1) timestamp < ts, step k takes the
//     chain extended by this event. Reaching step N returns N.
//
// The result is the highest step held (0 if none). The window is
// inclusive and anchored on the chain's step-1 event; ts + window
// saturates at MaxInt64 instead of overflowing, and a negative window
// (impossible in ClickHouse, whose window is unsigned) admits nothing
// after step 1. An empty group is 0; a one-step funnel outside
// strict_order is 1 as soon as a row meets the condition.
//
// Because a step holds only the latest chain, strict_increase can miss a
// chain that a later one overwrote: rows c1@0, c1@1, c2@1 give 1, as in
// ClickHouse.
//
// # strict_once
//
// Each row has a distinct number; one row may fill at most one step of a
// chain. ClickHouse then keeps every chain reaching each step with the rows
// it used; this package computes the same result without keeping them (see
// once.go). Unlike the other modes, an older chain is not lost when a
// newer one reaches the same step, so strict_once with strict_increase
// finds c1@0, c2@1 in the rows above and gives 2. Equal timestamps and
// conditions are ordered by row number, which matters only with
// strict_deduplication.
//
// # Modes
//
// ParseMode reads the mode argument: a comma-separated set of
// strict_deduplication, strict_order, strict_increase, strict_once and
// allow_reentry. allow_reentry requires strict_order; "strict",
// ClickHouse's old name for strict_deduplication, is refused with a
// message saying so.
//
// # Place in martdb
//
// martdb's window_funnel aggregate and its funnel() report call Level once
// per group, on the rows the aggregate collected. The algorithm (mode,
// event, sort, level, once, match, path) has no DuckDB dependency, so it is
// tested exhaustively on its own: against vectors from ClickHouse's tests
// and documentation, against a literal replay of ClickHouse's algorithm on
// random logs, and by fuzzing. The family files (family, aggregate,
// report.sql) register it with DuckDB through sql/eventagg.
// # The family in SQL
//
// The package is also martdb's funnel family (Family):
//
//   - window_funnel(window, ts, conds [, mode]) is a real DuckDB aggregate
//     (sql/eventagg). ts is TIMESTAMP or TIMESTAMPTZ (microseconds; the
//     window an INTERVAL, a month counted as 30 days), DATE (days; the
//     window an INTERVAL in whole days) or an integer (the window an integer
//     in the same unit). Rows with a NULL ts are ignored. Errors name the
//     function and the argument: an unknown mode option, allow_reentry
//     without strict_order, a negative window, an empty list or more than
//     32 conditions; a wrong argument type is DuckDB's binder error, which
//     names window_funnel and lists its signatures.
//   - funnel(source, user, ts, steps, conversion_window := INTERVAL 14 DAY,
//     mode := <no options>, breakdown := NULL) is a table macro: one row per
//     breakdown value and step with users (window_funnel level >= step),
//     conversion_rate (from step 1), step_conversion_rate (from the
//     previous step), dropped_off (previous step's users minus this step's;
//     0 for step 1) and the median and mean seconds from the previous step
//     among the users who reached this one, taken from the timestamps of
//     the chain that set each user's level (LevelPath). Choices where the
//     issue was silent: the window parameter is called conversion_window
//     because WINDOW is a reserved word in SQL (an unquoted window := does
//     not parse); the breakdown column is always present, NULL when no
//     breakdown is given (a table macro has one fixed set of columns); a
//     user with several breakdown values counts once in each; users who
//     never reach step 1 are not counted; with strict_once the time columns
//     are NULL, as chains are not tracked; integer timestamps are taken as
//     seconds for the time columns.
package funnel
