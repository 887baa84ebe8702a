// Package eventagg registers martdb's behavioural aggregates
// (window_funnel, sequence_match, sequence_count, ...) as real DuckDB
// aggregate functions, through DuckDB's C API, which duckdb-go does not
// wrap.
//
// # Why this shape
//
// These functions need each group's events in time order and then a
// sequential pass (ClickHouse's windowFunnel state machine, a pattern
// matcher). Measured on the demo shop at 10M events / 1M users on this
// 2-core machine (warm, other work running, so indicative):
//
//   - list() of a packed value per user, then a Go UDF over the lists:
//     1.0 to 1.4 s just to build the lists, before any Go work, and
//     duckdb-go hands list values to Go boxed in []any;
//   - window functions or a sort of all events by (user, ts): 1.0 s and
//     1.7 s for the sort alone;
//   - this package: the whole per-user computation of a 4-step funnel
//     level (scan, conditions, grouping, collecting, sorting each group
//     and scanning it) in 0.91 to 0.98 s, with the Go part small.
//
// # How it works
//
// An aggregate here has the signature
//
//	name([p1,] ts, conds BOOLEAN[] [, mode VARCHAR])
//
// in the order users write it (window_funnel(window, ts, conds, mode)), with
// overloads for the timestamp (TIMESTAMP and TIMESTAMPTZ in microseconds,
// DATE in days, BIGINT as is) and for p1 (an INTERVAL converted to the
// timestamp's unit, a month counted as 30 days, or a BIGINT). Binder errors
// therefore name the user's function and list its real signatures. The mode
// is a comma-separated set of option names, parsed once per group in C into
// a bit set (P2); an unknown option fails the query with a message naming
// the function and listing the valid options. The update callback is C
// (collect.c): for each input row it folds the condition list into a bit
// mask (NULL counts as false) and appends (ts, mask, arrival number) to the
// group's state in C memory, with no call into Go per row. Rows whose
// conditions are all false are dropped unless the aggregate keeps them
// (strict modes need them, per option). p1 and the mode are taken from the
// group's first row: they are meant to be constants. Combine concatenates states. Finalize
// calls one Go function per batch of groups (goFinalize), which hands each
// group's rows to the aggregate's Finalizer and writes the results into
// DuckDB's result vector: INTEGER, BIGINT, BOOLEAN, or BIGINT[] (through a
// ListFinalizer, for results such as a funnel's step timestamps).
//
// Registered functions live in the database instance's system catalog,
// never in the database file.
//
// # Place in the whole
//
// A leaf of the sql layer: function family packages give it a Spec with
// their Finalizer; the engine passes the C connection handle down through
// catalog.Conn. The C declarations in capi.h are the published signatures
// of DuckDB's C API, resolved against the DuckDB library that
// duckdb-go-bindings links into every martdb binary.
package eventagg
