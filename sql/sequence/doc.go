// Package sequence is the per-group computation behind martdb's
// sequence_match and sequence_count aggregates: ClickHouse's sequenceMatch
// and sequenceCount, with their pattern language and their answers.
//
// # Place in the whole
//
// The aggregates (registered through sql/eventagg) collect each group's
// rows as (timestamp, mask of true conditions), then call [Compile] once
// per pattern and [Pattern.Match] or [Pattern.Count] once per group. This
// package is only that algorithm: standard library, no DuckDB, so that it
// can be tested exhaustively against a reference matcher on random input.
// A *Pattern is safe for concurrent use.
//
// # Pattern language
//
//   - (?N) matches one event for which condition N holds (1 <= N <= the
//     number of conditions given, at most 32).
//   - . matches one event, whatever its conditions.
//   - .* matches any number of events, including none.
//   - (?t op N), op one of >=, >, <, <=, ==, N whole seconds, is a time
//     condition on the event the next element starts on (see below).
//     (?1)(?t>1800)(?2) is a 1, then a 2 more than 1800 seconds later,
//     with any events between them.
//
// Elements are written back to back, with no spaces; N may have leading
// zeros and one leading "+", as ClickHouse's reader allows. A time
// condition may not follow another time condition (ClickHouse: "Temporal
// condition should be preceded by an event condition"). Durations are
// seconds whatever the timestamps' unit: Compile multiplies them by the
// caller's units per second.
//
// # Events
//
// Each row is an [Event]: its timestamp and the mask of its conditions
// (bit N-1 for condition N; NULL is false). As in ClickHouse, a row for
// which none of the given conditions holds is dropped before matching: .
// and .* never see it, and it does not separate two events matched by
// (?1)(?2). A row true only for a condition the pattern does not mention
// is kept, and does separate them (ClickHouse's documentation shows both
// cases). The remaining, "visible", events are taken in timestamp order;
// rows with equal timestamps keep the order of the slice (a stable sort;
// ClickHouse leaves that order unspecified). Match and Count sort the
// slice in place when it is not sorted already.
//
// # What matches
//
// Let e[0..n-1] be the visible events. A chain places the elements one
// after the other at a position p, starting from some p behind an
// implicit .* that ClickHouse puts before every pattern (so a chain may
// start anywhere):
//
//   - (?N) and . take the event at p (which must exist, and for (?N)
//     satisfy condition N) and move p to the next event;
//   - .* chooses any event at or after p, and p stays on it: the next
//     element starts on that event;
//   - (?t op N) chooses any event at or after p whose timestamp, minus the
//     anchor's, satisfies op N, and p stays on it;
//   - the anchor of a time condition is the event taken by the (?N) or .
//     before it, or the event chosen by the .* before it (or the start of
//     the chain).
//
// A chain is complete when every element is placed. It is also complete
// when the events run out (p = n) and each element left is .*, (?t<N),
// (?t<=N) or (?t>=0), which ClickHouse skips at the end of the events;
// any other element left fails that chain.
//
// Match reports whether a complete chain exists. A pattern made only of
// elements that may be skipped at the end matches every group, even one
// with no visible events (for most such patterns that follows from the
// rule above; for those with (?t<0), which no event satisfies, it is
// ClickHouse's fallback when its search fails everywhere).
//
// Count looks for the complete chain that ends first (its end being the
// position after its last element), counts it, and looks again from its
// end, or from the next event if the chain was empty. Chains therefore
// never share an event taken by (?N) or .; but a chain ending with a time
// condition or .* has not taken the event it chose, and the next chain may
// start on it. A pattern made only of skippable elements counts every
// visible event (each starts an empty chain), or 1 if it holds (?t<0).
//
// These rules restate ClickHouse's algorithm, a backtracking search that
// tries each choice in increasing position and stops at the first
// complete chain, and a DFA for sequenceMatch without time conditions.
// During development a transliteration of that algorithm agreed with
// this definition, on the result and on where each counted chain ends,
// on millions of random cases; the shipped tests compare the package with
// a reference written from this definition.
//
// # Consequences worth knowing
//
//   - (?1).*(?t<=3600)(?2) does not limit the time between 1 and 2: the
//     .* may choose the 2 itself, at distance 0 from itself. Write
//     (?1)(?t<=3600)(?2), which already allows events between.
//   - (?1).*(?t>60)(?2) measures from the event after the 1, not from the 1.
//   - (?1)(?t<=10) holds when a 1 is followed by any event within 10
//     seconds, or is the last event; (?1)(?t>10) needs some event more
//     than 10 seconds after a 1.
//   - A leading time condition measures from the event where the search
//     starts: the first visible event, or for Count the end of the
//     previous chain.
//   - (?1)(?t==0)(?2) needs the 2 at the same timestamp as the 1, after it
//     in the order of ties; (?t<0) is satisfied by no event.
//
// # Limits and differences from ClickHouse
//
//   - At most 32 conditions, and at most 62 elements, a run of .* counting
//     as one (the matcher keeps one bit per element in a uint64).
//   - Durations up to 2^64-1 seconds. Distances between timestamps are
//     computed exactly for any int64 values; a duration larger than any
//     distance in the caller's unit makes < and <= always hold and >, >=
//     and == never.
//   - The empty pattern is an error here; ClickHouse accepts it (it
//     matches every group and counts every visible event).
//   - ClickHouse gives up with TOO_SLOW after 1,000,000 backtracking steps,
//     which large groups reach with time conditions. This matcher has no
//     limit: it is one pass, and always answers.
//   - ClickHouse requires at least two conditions; here one is enough.
//   - Error positions are 1-based character positions.
//
// # How it works
//
// Compile turns the pattern into at most 63 steps (the implicit .* first;
// runs of .* merged, which changes no answer). Matching is one pass over
// the events that keeps the set of steps reached as a bit set, as in
// a nondeterministic automaton: at each event, .* and time steps lead on
// to the next step without consuming it, then (?N) and . steps consume it.
// A time step keeps only what its operator needs of the anchors it was
// reached with: the latest for < and <=, the earliest for > and >=, and
// for == the distinct ones not yet more than N seconds behind. The first
// event at which the last step is passed ends the earliest-ending chain.
// Match is therefore O(events × .* and time steps), and allocates nothing
// once its pools are warm; Count too, since each chain's search starts
// where the last one ended.
// Sorted input is detected in one pass; other input is sorted by an
// adaptive stable merge sort with a pooled buffer.
// # The family in SQL
//
// sequence_match(pattern, ts, conds) and sequence_count(pattern, ts,
// conds) are aggregates (Family). A scalar function checks the pattern's
// syntax and interns its text; DuckDB folds it once per query (a test
// guards this), and its id reaches two sql/eventagg aggregates whose
// finalizers compile the pattern once per (pattern, number of conditions,
// unit) and match each group. Timestamps: TIMESTAMP and TIMESTAMPTZ in
// microseconds, DATE at midnight in microseconds, integers as seconds, so
// (?t op N) is always in seconds. Rows whose conditions are all false are
// dropped before matching, as in ClickHouse. Errors name the function: a
// malformed pattern (with its position), a condition number beyond the
// conditions given, an empty condition list.
package sequence
