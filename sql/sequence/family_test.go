package sequence

import (
	"context"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

func TestSequenceFunctionsInSQL(t *testing.T) {
	conn := sqltest.Open(t, Family)
	// ClickHouse's documentation examples for sequenceMatch and sequenceCount.
	sqltest.Exec(t, conn, "CREATE TABLE t AS SELECT * FROM (VALUES (1, 1), (2, 3), (3, 2)) v(time, number)",
		"CREATE TABLE c AS SELECT * FROM (VALUES (1, 1), (2, 3), (3, 2), (4, 1), (5, 3), (6, 2)) v(time, number)")
	cases := []struct{ q, want string }{
		{"SELECT sequence_match('(?1)(?2)', time::BIGINT, [number = 1, number = 2]) FROM t", "true"},
		// number 3 matches a given condition, so it stands between 1 and 2.
		{"SELECT sequence_match('(?1)(?2)', time::BIGINT, [number = 1, number = 2, number = 3]) FROM t", "false"},
		// number 3 matches no given condition, so it is dropped.
		{"SELECT sequence_match('(?1)(?2)', time::BIGINT, [number = 1, number = 2, number = 4]) FROM t", "true"},
		{"SELECT sequence_count('(?1).*(?2)', time::BIGINT, [number = 1, number = 2]) FROM c", "2"},
		// Timestamps: (?t<=N) is in seconds whatever the type.
		{"SELECT sequence_match('(?1)(?t<=1)(?2)', TIMESTAMP '2025-01-01' + to_seconds(time), [number = 1, number = 2]) FROM c", "false"},
		{"SELECT sequence_match('(?1).*(?t<=3)(?2)', TIMESTAMP '2025-01-01' + to_seconds(time), [number = 1, number = 2]) FROM c", "true"},
		{"SELECT sequence_count('(?1)(?t>=86400)(?2)', DATE '2025-01-01' + time::INTEGER, [number = 1, number = 2]) FROM t", "1"},
	}
	for _, c := range cases {
		if got := sqltest.Column(t, conn, c.q); len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: got %v, want %s", c.q, got, c.want)
		}
	}
}

func TestSequenceErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, "CREATE TABLE t AS SELECT range AS time, range % 3 AS number FROM range(10)")
	cases := []struct{ q, want string }{
		{"SELECT sequence_match('(?1)(?x)', time, [number = 1]) FROM t", "sequence_match: pattern: unexpected"},
		{"SELECT sequence_count('', time, [number = 1]) FROM t", "sequence_count: pattern:"},
		{"SELECT sequence_match('(?1)(?3)', time, [number = 1, number = 2]) FROM t", "sequence_match: pattern:"},
		{"SELECT sequence_match('(?1)', time, []) FROM t", "sequence_match: conds: the list of conditions is empty"},
		// Wrong types name the function users called and the argument.
		{"SELECT sequence_count('(?1)', time::VARCHAR, [number = 1]) FROM t", "sequence_count: ts: expected a TIMESTAMP, TIMESTAMPTZ, DATE or integer column, got VARCHAR"},
		{"SELECT sequence_match('(?1)', time, [number]) FROM t", "sequence_match: conds: expected a list of BOOLEAN conditions such as [c1, c2], got a list of BIGINT"},
		// A malformed constant pattern fails when the query is bound,
		// without the driver's prefix for errors raised while executing.
		{"SELECT sequence_match('(?1', time, [number = 1]) FROM t", `sequence_match: pattern: unexpected end at position 4 (expected ")")`},
	}
	for _, c := range cases {
		_, err := conn.ExecContext(context.Background(), c.q)
		if err != nil && strings.Contains(err.Error(), "API error") {
			t.Errorf("%s: the error carries the driver's prefix: %v", c.q, err)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.q, err, c.want)
		}
	}
}

// TestPatternIsFoldedOncePerQuery guards the design: the pattern's text
// reaches the aggregates through a scalar function that DuckDB must fold
// to a constant, not call for every row.
func TestPatternIsFoldedOncePerQuery(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn, "CREATE TABLE big AS SELECT range % 1000 AS u, range AS time, (range // 1000) % 5 AS number FROM range(100000)")
	before := patternCalls.Load()
	got := sqltest.Column(t, conn, "SELECT count(*) FILTER (WHERE m) FROM (SELECT sequence_match('(?1).*(?2)', time, [number = 1, number = 2]) AS m FROM big GROUP BY u)")
	if calls := patternCalls.Load() - before; calls > 10 {
		t.Fatalf("the pattern function ran %d times for one query over 100,000 rows", calls)
	}
	if got[0] != "1000" {
		t.Fatalf("matches: %v", got)
	}
}
