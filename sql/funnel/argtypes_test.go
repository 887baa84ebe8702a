package funnel

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestArgumentTypesThatCast: arguments DuckDB would cast to a typed
// overload (narrower integers, TIMESTAMP_S/MS/NS, NULL-typed lists and
// modes) reach the catch-all overload, which must read them exactly as
// the typed overload reads the cast values.
func TestArgumentTypesThatCast(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, `CREATE TABLE e AS
		SELECT (i % 17) AS u, TIMESTAMP '2025-01-01' + INTERVAL (i * 37 % 5000) MINUTE + INTERVAL (i % 1000) MICROSECOND AS ts,
		       ['view', 'cart', 'buy'][1 + i % 3] AS ev
		FROM range(3000) t(i)`)
	steps := "[ev = 'view', ev = 'cart', ev = 'buy']"
	pairs := []struct{ typed, cast string }{
		{"window_funnel(INTERVAL 1 HOUR, ts, " + steps + ")", "window_funnel(INTERVAL 1 HOUR, ts::TIMESTAMP_NS, " + steps + ")"},
		{"window_funnel(INTERVAL 1 HOUR, date_trunc('second', ts), " + steps + ")", "window_funnel(INTERVAL 1 HOUR, ts::TIMESTAMP_S, " + steps + ")"},
		{"window_funnel(INTERVAL 1 HOUR, date_trunc('millisecond', ts), " + steps + ")", "window_funnel(INTERVAL 1 HOUR, ts::TIMESTAMP_MS, " + steps + ")"},
		{"window_funnel(3600::BIGINT, epoch(ts)::BIGINT, " + steps + ")", "window_funnel(3600::INTEGER, epoch(ts)::INTEGER, " + steps + ")"},
		{"window_funnel(60::BIGINT, (epoch(ts)::BIGINT // 60), " + steps + ")", "window_funnel(60::SMALLINT, (epoch(ts)::BIGINT // 60)::UINTEGER, " + steps + ")"},
		{"window_funnel(INTERVAL 1 HOUR, ts, " + steps + ", '')", "window_funnel(INTERVAL 1 HOUR, ts, " + steps + ", NULL)"},
		{"window_funnel(INTERVAL 1 HOUR, ts, " + steps + ", 'strict_order')", "window_funnel(INTERVAL 1 HOUR, ts::TIMESTAMP_NS, " + steps + ", 'strict_order')"},
	}
	for _, p := range pairs {
		typed := column(t, conn, "SELECT "+p.typed+" FROM e GROUP BY u ORDER BY u")
		cast := column(t, conn, "SELECT "+p.cast+" FROM e GROUP BY u ORDER BY u")
		if !slices.Equal(typed, cast) {
			t.Errorf("%s\n gives %v\n%s\n gives %v", p.typed, typed, p.cast, cast)
		}
		if len(typed) != 17 || !slices.Contains(typed, "3") {
			t.Errorf("%s: %v: expected 17 levels, some users reaching step 3", p.typed, typed)
		}
	}
	// The report, through the same path.
	a := column(t, conn, "SELECT users FROM funnel(e, u, ts, "+steps+", conversion_window := INTERVAL 1 HOUR) ORDER BY step")
	b := column(t, conn, "SELECT users FROM funnel(e, u, ts::TIMESTAMP_NS, "+steps+", conversion_window := INTERVAL 1 HOUR) ORDER BY step")
	if !slices.Equal(a, b) {
		t.Errorf("funnel() over TIMESTAMP %v, over TIMESTAMP_NS %v", a, b)
	}
}

// TestArgumentTypeErrors: an argument of a type no overload takes fails
// naming the function users called and the argument.
func TestArgumentTypeErrors(t *testing.T) {
	conn := openFamily(t)
	exec(t, conn, "CREATE TABLE e AS SELECT range AS u, TIMESTAMP '2025-01-01' + INTERVAL (range) MINUTE AS ts, 'x' AS s, 1.5 AS d FROM range(3)")
	cases := []struct{ query, want string }{
		{"SELECT window_funnel(INTERVAL 1 DAY, s, [true]) FROM e GROUP BY u", "window_funnel: ts: expected a TIMESTAMP, TIMESTAMPTZ, DATE or integer column, got VARCHAR"},
		{"SELECT window_funnel(INTERVAL 1 DAY, d, [true]) FROM e GROUP BY u", "window_funnel: ts: expected a TIMESTAMP, TIMESTAMPTZ, DATE or integer column, got DECIMAL"},
		{"SELECT window_funnel(1.5, ts, [true]) FROM e GROUP BY u", "window_funnel: window: expected an INTERVAL for a TIMESTAMP ts, got DECIMAL"},
		{"SELECT window_funnel(60, ts, [true]) FROM e GROUP BY u", "window_funnel: window: expected an INTERVAL for a TIMESTAMP ts, got INTEGER"},
		{"SELECT window_funnel(INTERVAL 1 DAY, u, [true]) FROM e GROUP BY u", "window_funnel: window: expected an integer in the unit of the integer ts, got INTERVAL"},
		{"SELECT window_funnel(INTERVAL 1 DAY, ts, [1, 2]) FROM e GROUP BY u", "window_funnel: conds: expected a list of BOOLEAN conditions such as [c1, c2], got a list of INTEGER"},
		{"SELECT window_funnel(INTERVAL 1 DAY, ts, s = 'x') FROM e GROUP BY u", "window_funnel: conds: expected a list of BOOLEAN conditions such as [c1, c2], got BOOLEAN"},
		{"SELECT window_funnel(INTERVAL 1 DAY, ts, [true], 3) FROM e GROUP BY u", "window_funnel: mode: expected a VARCHAR such as 'strict_order', got INTEGER"},
		{"SELECT window_funnel(NULL, ts, [true]) FROM e GROUP BY u", "window_funnel: window: expected an INTERVAL for a TIMESTAMP ts, got NULL"},
		// The report's internal aggregate fails as the report, with its argument names.
		{"SELECT * FROM funnel(e, u, s, [true])", "funnel: ts: expected a TIMESTAMP, TIMESTAMPTZ, DATE or integer column, got VARCHAR"},
		{"SELECT * FROM funnel(e, u, ts, [true], conversion_window := 1.5)", "funnel: conversion_window: expected an INTERVAL for a TIMESTAMP ts, got DECIMAL"},
		{"SELECT * FROM funnel(e, u, ts, [])", "funnel: steps: the list of steps is empty"},
		{"SELECT * FROM funnel(e, u, ts, [true], conversion_window := INTERVAL '-1 day')", "funnel: conversion_window: must not be negative"},
		{"SELECT * FROM funnel(e, u, ts, [true], mode := 'allow_reentry')", "funnel: mode: allow_reentry requires strict_order"},
		{"SELECT * FROM funnel(e, u, ts, [true], mode := 'strict_ordr')", `funnel: mode: unknown option "strict_ordr"`},
		{"SELECT * FROM funnel(e, u, ts, list_transform(range(33), x -> true))", "funnel: steps: 33 conditions given, at most 32"},
	}
	for _, c := range cases {
		_, err := conn.ExecContext(context.Background(), c.query)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant an error containing %q", c.query, err, c.want)
		}
	}
}
