package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// fuzzTables is the data FuzzFunctionArgs calls the marketing functions
// on: a few users with ordinary, equal, NULL and extreme timestamps.
const fuzzTables = `CREATE TABLE ev AS SELECT * FROM (VALUES
	(1, TIMESTAMP '2025-01-01 10:00', 'view', 10.5, 'a@x', 'p1'),
	(1, TIMESTAMP '2025-01-01 10:00', 'cart', NULL, 'a@x', NULL),
	(1, TIMESTAMP '2025-01-03 09:00', 'buy', 99.0, NULL, 'p1'),
	(2, TIMESTAMP '0001-01-01 00:00', 'view', -5, 'b@x', 'p2'),
	(2, TIMESTAMP '9999-12-31 23:59:59', 'buy', 1e300, 'b@x', 'p2'),
	(3, NULL, 'view', 1, 'c@x', 'c@x'),
	(NULL, TIMESTAMP '2025-02-01', 'buy', 2, NULL, NULL),
	(4, TIMESTAMP 'infinity', 'view', 3, 'd@x', 'p4'),
	(4, TIMESTAMP '-infinity', 'buy', 4, 'd@x', 'p4')) t(u, ts, e, amt, id_a, id_b);
CREATE TABLE empty AS SELECT * FROM ev WHERE false`

// fuzzTemplates are calls of every marketing function, with holes the
// fuzzer fills: W a window or gap, L a condition list, M a mode
// argument, P a pattern, S a string option, N a number option, T a
// timestamp expression, V any value, R a source.
var fuzzTemplates = []string{
	"SELECT u, window_funnel(%W, %T, %L%M) FROM %R GROUP BY u",
	"SELECT u, retention(%L) FROM %R GROUP BY u",
	"SELECT u, sequence_match(%P, %T, %L) FROM %R GROUP BY u",
	"SELECT u, sequence_count(%P, %T, %L) FROM %R GROUP BY u",
	"SELECT * FROM funnel(%R, u, %T, %L, conversion_window := %W, mode := %S)",
	"SELECT * FROM retention(%R, u, %T, start_event := %V, period := %S, periods := %N, kind := %S)",
	"SELECT * FROM cohort(%R, u, %T, period := %S, periods := %N, amount := %V)",
	"SELECT * FROM lifecycle(%R, u, %T, period := %S)",
	"SELECT * FROM rfm(%R, u, %T, amt, bins := %N, as_of := %V)",
	"SELECT * FROM sessions(%R, u, %T, gap := %W)",
	"SELECT * FROM sessionize(%R, u, %T, gap := %W)",
	"SELECT * FROM clv_summary(%R, u, %T, amt, period := %S)",
	"SELECT * FROM unify_ids(%R, %V, %V)",
	"SELECT * FROM attribution(%R, u, %T, e, %R, u, %T, conv_value := %V, model := %S, lookback := %W)",
	"SELECT * FROM attribution(%R, u, %T, %V, ev, u, ts, model := 'all', half_life := %W, direct := %V)",
	"SELECT * FROM paths(%R, u, %T, e, start := %V, max_steps := %N, session_gap := %W)",
	"SELECT * FROM paths(%R, u, %T, %V, end_event := %S, collapse := %V)",
	"SELECT * FROM next_steps(%R, u, %T, e, %V, session_gap := %W)",
	"SELECT u, sequence_next_node(%S, 'head', %T, e, %V, %L) FROM %R GROUP BY u",
	"SELECT * FROM basket_rules(%R, u, %V, min_support := %N, max_len := %N)",
	"SELECT * FROM ab_test(%R, e, %V, value := %V, alpha := %N, control := %S)",
	"SELECT sample_size(%N, %V, alpha := %N, relative := %V)",
}

var (
	fuzzWindows = []string{"INTERVAL 1 DAY", "5::SMALLINT", "NULL::INTEGER", "INTERVAL '-1 day'", "0", "-5", "NULL", "9223372036854775807",
		"'abc'", "INTERVAL 1000000 YEAR", "INTERVAL 1 MONTH", "1.5", "[1]"}
	fuzzTimestamps = []string{"ts", "ts::DATE", "epoch(ts)::BIGINT", "'x'", "NULL", "ts::VARCHAR",
		"TIMESTAMP '294247-01-10 04:00:54'", "ts::TIMESTAMPTZ", "amt", "e",
		"ts::TIMESTAMP_NS", "ts::TIMESTAMP_S", "epoch(ts)::INTEGER", "u::SMALLINT", "u::UBIGINT"}
	fuzzValues = []string{"NULL", "e = 'buy'", "id_a", "id_b", "1", "-1", "'x'", "[1, 2]", "{'a': 1}",
		"DATE '2025-01-02'", "'2025-01-02'", "TRUE", "e", "u", "amt", "1e308"}
	fuzzSources = []string{"ev", "empty", "no_such_table", "'ev'", "(SELECT 1)"}
)

// FuzzFunctionArgs calls the marketing functions with arguments of every
// wrong and edge kind (types, NULLs, empty and huge condition lists,
// extreme timestamps, pattern strings, option values). Whatever the
// arguments, a call returns rows or an error, within seconds, never an
// internal error, and the session works afterwards (DuckDB invalidates a
// database after an internal error).
func FuzzFunctionArgs(f *testing.F) {
	f.Add(uint8(0), uint8(0), uint8(3), uint8(0), "(?1)(?2)", "strict_order", int64(5))
	f.Add(uint8(0), uint8(1), uint8(33), uint8(1), "", "strict_once,allow_reentry", int64(0))
	f.Add(uint8(2), uint8(2), uint8(0), uint8(2), "(?1).*(?t>=3600)(?2", "", int64(-1))
	f.Add(uint8(3), uint8(3), uint8(200), uint8(3), "(?t==0)", "day", int64(1<<40))
	f.Add(uint8(5), uint8(4), uint8(2), uint8(4), ".*", "fortnight", int64(12))
	f.Add(uint8(8), uint8(5), uint8(1), uint8(5), "x", "week", int64(10))
	f.Add(uint8(12), uint8(6), uint8(1), uint8(6), "", "", int64(3))
	f.Add(uint8(11), uint8(7), uint8(4), uint8(7), "", "month", int64(2))
	eng, err := Open(context.Background(), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { eng.Close() })
	s, err := eng.NewSession(context.Background())
	if err != nil {
		f.Fatal(err)
	}
	if err := s.Exec(context.Background(), fuzzTables, func(*Result) error { return nil }); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, tmpl, pick, nconds, listKind uint8, pattern, option string, num int64) {
		q := fillTemplate(tmpl, pick, nconds, listKind, pattern, option, num)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		err := s.Exec(ctx, q, func(r *Result) error {
			for r.Next() {
			}
			return r.Err()
		})
		if ctx.Err() != nil {
			t.Fatalf("did not finish in 20 s: %s", q)
		}
		if os.Getenv("FUZZ_TRACE") != "" {
			t.Logf("ok=%v %s :: %v", err == nil, q, err)
		}
		if err != nil {
			var ee *Error
			if !errors.As(err, &ee) {
				t.Fatalf("%s: not an engine error: %v", q, err)
			}
			if strings.Contains(ee.Message, "INTERNAL") || strings.Contains(ee.Message, "FATAL") {
				t.Fatalf("%s: internal error: %v", q, err)
			}
		}
		if err := s.Exec(context.Background(), "SELECT 1", func(r *Result) error {
			for r.Next() {
			}
			return r.Err()
		}); err != nil {
			t.Fatalf("the session broke after %s: %v", q, err)
		}
	})
}

// fillTemplate builds one call from the fuzzer's choices.
func fillTemplate(tmpl, pick, nconds, listKind uint8, pattern, option string, num int64) string {
	choose := func(list []string, salt int) string { return list[(int(pick)+salt*7)%len(list)] }
	r := strings.NewReplacer(
		"%W", choose(fuzzWindows, 1),
		"%T", choose(fuzzTimestamps, 2),
		"%L", condList(nconds, listKind),
		"%M", modeArg(pick, option),
		"%P", quote(pattern),
		"%S", stringOption(pick, option),
		"%N", numberOption(pick, num),
		"%V", choose(fuzzValues, 3),
		"%R", choose(fuzzSources, 4),
	)
	return r.Replace(fuzzTemplates[int(tmpl)%len(fuzzTemplates)])
}

// condList is a condition list of n conditions of one kind: booleans,
// NULLs, integers or strings, or no list at all.
func condList(n, kind uint8) string {
	count := int(n)
	if kind%8 == 7 {
		count = 1000
	}
	parts := make([]string, count)
	for i := range parts {
		switch kind % 8 {
		case 0, 7:
			parts[i] = fmt.Sprintf("e = '%s'", []string{"view", "cart", "buy"}[i%3])
		case 1:
			parts[i] = "NULL"
		case 2:
			parts[i] = fmt.Sprint(i)
		case 3:
			parts[i] = "'x'"
		case 4:
			parts[i] = "u > " + fmt.Sprint(i)
		}
	}
	switch kind % 8 {
	case 5:
		return "NULL"
	case 6:
		return "e = 'view'"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func modeArg(pick uint8, option string) string {
	if pick%3 == 0 {
		return ""
	}
	return ", " + quote(option)
}

func stringOption(pick uint8, option string) string {
	if pick%5 == 4 {
		return "NULL"
	}
	return quote(option)
}

func numberOption(pick uint8, num int64) string {
	switch pick % 4 {
	case 1:
		return "NULL"
	case 2:
		return "'" + fmt.Sprint(num) + "'"
	}
	return fmt.Sprint(num)
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
