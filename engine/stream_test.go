package engine

import (
	"context"
	"database/sql/driver"
	"io"
	"os"
	"reflect"
	"regexp"
	"testing"
	"time"
)

// TestStreamingIsOn fails if this build falls back to the driver's
// materialised results (a duckdb-go other than the pinned one, or a
// changed duckdb.Stmt), which would quietly bring back results that grow
// memory with their size.
func TestStreamingIsOn(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*github.com/duckdb/duckdb-go/v2 ` + regexp.QuoteMeta(pinnedDuckDB) + `$`).Match(mod) {
		t.Fatalf("go.mod does not require duckdb-go %s, whose internals engine/duckdbabi.go declares; check them against the new version and update pinnedDuckDB", pinnedDuckDB)
	}
	if !streamingSupported() {
		t.Fatal("streaming is off: duckdb.Stmt has no preparedStmt field of the expected type")
	}
}

// openWithin opens text on s and fails the test if that takes longer than
// limit (a materialising engine would compute the whole result first).
func openWithin(t *testing.T, s *Session, text string, limit time.Duration) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	p, err := s.Prepare(context.Background(), text)
	if err != nil {
		t.Fatalf("prepare %s: %v", text, err)
	}
	t.Cleanup(func() { p.Close() })
	r, err := p.Open(ctx, nil)
	if err != nil {
		t.Fatalf("open %s within %v: %v", text, limit, err)
	}
	r.SetContext(context.Background())
	t.Cleanup(func() { r.Close() })
	return r
}

// TestStreamTrillionRows reads the first rows of a result no machine
// could hold: only a streamed result returns them.
func TestStreamTrillionRows(t *testing.T) {
	_, s := openTest(t, "")
	r := openWithin(t, s, "SELECT range AS n FROM range(1000000000000)", 30*time.Second)
	for want := int64(0); want < 5000; want++ {
		if !r.Next() {
			t.Fatalf("row %d: the stream ended: %v", want, r.Err())
		}
		if got := r.Values()[0]; got != want {
			t.Fatalf("row %d is %v", want, got)
		}
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	got := mustExec(t, s, "SELECT 42")
	if got[0].rows[0][0] != "42" {
		t.Fatalf("the session after closing the stream answered %v", got[0].rows)
	}
}

// streamTypesQuery has a column of each kind of value the driver converts.
const streamTypesQuery = `SELECT (i % 2)::BOOLEAN AS b, (i % 100)::TINYINT AS i1, i::SMALLINT AS i2, i::INTEGER AS i4,
	i::BIGINT AS i8, i::HUGEINT AS i16, i::UBIGINT AS u8, i::FLOAT / 3 AS f4, i::DOUBLE / 7 AS f8,
	(i / 100)::DECIMAL(18,2) AS d18, (i / 1000)::DECIMAL(38,10) AS d38, 'x' || i AS s, ('b' || i)::BLOB AS blob,
	DATE '2024-01-01' + i::INTEGER AS d, TIMESTAMP '2024-01-01' + i * INTERVAL 1 MINUTE AS ts,
	TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL 1 SECOND AS tstz, TIME '10:00:00' AS t,
	i * INTERVAL 1 HOUR AS iv, gen_random_uuid() IS NOT NULL AS u,
	'11111111-2222-3333-4444-555555555555'::UUID AS uuid, [i, i + 1] AS l, {'a': i, 'b': 'x'} AS st,
	MAP {'k': i} AS m, '{"a": 1}'::JSON AS j, '101'::BIT AS bits, ['a', 'b']::VARCHAR[2] AS arr,
	CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS maybe,
	('v' || (i % 2))::ENUM_T AS e
	FROM range(5000) r(i)`

// TestStreamSameValuesAsDriver compares every value and column type of a
// streamed result with duckdb-go's materialised rows of the same query.
func TestStreamSameValuesAsDriver(t *testing.T) {
	_, s := openTest(t, "")
	mustExec(t, s, "CREATE TYPE ENUM_T AS ENUM ('v0', 'v1')")
	query := streamTypesQuery

	stmt, _, err := s.prepare(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	want := driverRows(t, func() (driver.Rows, error) { return stmt.QueryContext(context.Background(), nil) })
	got := driverRows(t, func() (driver.Rows, error) { return s.stream(context.Background(), context.Background(), stmt, nil) })
	if !reflect.DeepEqual(got.types, want.types) {
		t.Fatalf("column types:\n streamed %v\n driver   %v", got.types, want.types)
	}
	if len(got.rows) != len(want.rows) || len(got.rows) != 5000 {
		t.Fatalf("streamed %d rows, the driver %d", len(got.rows), len(want.rows))
	}
	for i := range want.rows {
		if !reflect.DeepEqual(got.rows[i], want.rows[i]) {
			t.Fatalf("row %d:\n streamed %#v\n driver   %#v", i, got.rows[i], want.rows[i])
		}
	}
}

type readRows struct {
	types []string
	rows  [][]driver.Value
}

func driverRows(t *testing.T, open func() (driver.Rows, error)) readRows {
	t.Helper()
	rows, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out readRows
	typed := rows.(driver.RowsColumnTypeDatabaseTypeName)
	for i := range rows.Columns() {
		out.types = append(out.types, typed.ColumnTypeDatabaseTypeName(i))
	}
	for {
		row := make([]driver.Value, len(rows.Columns()))
		if err := rows.Next(row); err == io.EOF {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
		out.rows = append(out.rows, row)
	}
}

// TestStreamInterleaved reads a result, runs other statements on the same
// session in the middle (which settles the open stream), and finds every
// row of the first result in order.
func TestStreamInterleaved(t *testing.T) {
	_, s := openTest(t, "")
	const n = 50000
	r := openWithin(t, s, "SELECT range AS n, 'row ' || range AS s FROM range(50000)", 30*time.Second)
	next := int64(0)
	read := func(k int) {
		for range k {
			if !r.Next() {
				t.Fatalf("row %d: ended early: %v", next, r.Err())
			}
			if got := r.Values()[0]; got != next {
				t.Fatalf("row %d is %v", next, got)
			}
			next++
		}
	}
	read(3000)
	mustExec(t, s, "CREATE TABLE t AS SELECT 1 AS x")
	read(10)
	other := openWithin(t, s, "SELECT sum(range) FROM range(1000)", 30*time.Second)
	if !other.Next() || other.Values()[0] == nil {
		t.Fatalf("a second result while the first is open: %v", other.Err())
	}
	other.Close()
	read(n - 3010)
	if r.Next() {
		t.Fatalf("row %d after the last: %v", next, r.Values())
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
}

// slowTail has a million quick rows, then rows that would take hours to
// find. DuckDB's stream buffer (about a megabyte) fills from the quick
// rows before Open returns; reading past them runs the query again.
const slowTail = "SELECT range FROM range(1000000000000) WHERE range < 1000000 OR range % 1000000007 = 1000000006"

// readUntilStuck reads rows and reports how reading ended.
func readUntilStuck(r *Result) (int, error) {
	n := 0
	for r.Next() {
		n++
	}
	return n, r.Err()
}

// TestStreamCancelWhileReading cancels a query that runs as its rows are
// read: the session's Cancel, the reading context and the statement
// timeout each stop it with 57014, and the session goes on.
func TestStreamCancelWhileReading(t *testing.T) {
	cases := map[string]func(*Session, *Result) string{
		"session cancel": func(s *Session, r *Result) string {
			time.AfterFunc(300*time.Millisecond, s.Cancel)
			return "canceling statement due to user request"
		},
		"reading context": func(s *Session, r *Result) string {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			r.SetContext(ctx)
			return "canceling statement due to user request"
		},
		"statement timeout": func(s *Session, r *Result) string {
			s.SetTimeout(300 * time.Millisecond)
			return "canceling statement due to statement timeout"
		},
	}
	for name, arm := range cases {
		t.Run(name, func(t *testing.T) {
			_, s := openTest(t, "")
			r := openWithin(t, s, slowTail, 30*time.Second)
			msg := arm(s, r)
			start := time.Now()
			n, err := readUntilStuck(r)
			if n < 2048 || n > 1000000 {
				t.Fatalf("read %d rows before stopping", n)
			}
			e := asError(t, err)
			if e.Code != CodeQueryCanceled || e.Message != msg {
				t.Fatalf("stopped after %v with %s %q", time.Since(start), e.Code, e.Message)
			}
			s.SetTimeout(0)
			if got := mustExec(t, s, "SELECT 7"); got[0].rows[0][0] != "7" {
				t.Fatalf("after the cancel: %v", got[0].rows)
			}
		})
	}
}

// TestStreamErrorAfterRows reports an error raised after some rows were
// read, never a quietly short result.
func TestStreamErrorAfterRows(t *testing.T) {
	_, s := openTest(t, "")
	r := openWithin(t, s, "SELECT CASE WHEN range < 1000000 THEN range ELSE error('row ' || range || ' is bad') END AS n FROM range(2000000)", 30*time.Second)
	n, err := readUntilStuck(r)
	if err == nil {
		t.Fatalf("read %d rows and no error", n)
	}
	if n > 1000000 {
		t.Fatalf("read %d rows", n)
	}
	if e := asError(t, err); e.Code == CodeInternalError {
		t.Fatalf("the error lost its type: %v", e)
	}
}

// TestStreamSessionClosed makes reading a stream whose session closed an
// error, not an early end.
func TestStreamSessionClosed(t *testing.T) {
	_, s := openTest(t, "")
	r := openWithin(t, s, "SELECT range FROM range(100000)", 30*time.Second)
	r.Next()
	s.Close()
	n, err := readUntilStuck(r)
	if err == nil {
		t.Fatalf("read %d more rows after the session closed, and no error", n)
	}
}

// TestStreamCancelBetweenFetches cancels an Exec whose rows are being
// read, between two fetches (while the caller is busy with a row): the
// next fetch stops with 57014, by the session's Cancel and by the
// caller's context alike.
func TestStreamCancelBetweenFetches(t *testing.T) {
	for _, how := range []string{"session", "context"} {
		t.Run(how, func(t *testing.T) {
			_, s := openTest(t, "")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			err := s.Exec(ctx, "SELECT range FROM range(10000000)", func(r *Result) error {
				for r.Next() {
					if n++; n == 10 {
						if how == "session" {
							s.Cancel()
						} else {
							cancel()
						}
					}
				}
				return r.Err()
			})
			if n >= 10000000 {
				t.Fatalf("read all %d rows after the cancel", n)
			}
			if e := asError(t, err); e.Code != CodeQueryCanceled {
				t.Fatalf("after %d rows: %v", n, e)
			}
		})
	}
}

// TestStreamSettleAfterReadContextEnds reads a result under a context
// that then ends (as a portal's Execute does), runs another statement
// (which settles the stream) and reads on under a new context: every row
// comes, and no cancellation leaks from the finished context.
func TestStreamSettleAfterReadContextEnds(t *testing.T) {
	_, s := openTest(t, "")
	r := openWithin(t, s, "SELECT range AS n FROM range(20000)", 30*time.Second)
	ctx1, cancel1 := context.WithCancel(context.Background())
	r.SetContext(ctx1)
	next := int64(0)
	for ; next < 100; next++ {
		if !r.Next() || r.Values()[0] != next {
			t.Fatalf("row %d: %v %v", next, r.Values(), r.Err())
		}
	}
	cancel1()
	mustExec(t, s, "SELECT 1")
	r.SetContext(context.Background())
	for r.Next() {
		if r.Values()[0] != next {
			t.Fatalf("row %d came as %v", next, r.Values()[0])
		}
		next++
	}
	if err := r.Err(); err != nil || next != 20000 {
		t.Fatalf("after %d rows: %v", next, err)
	}
}
