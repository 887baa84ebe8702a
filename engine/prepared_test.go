package engine

import (
	"context"
	"strings"
	"testing"
)

// TestPreparedDescribe checks that a prepared statement reports the
// parameter types DuckDB inferred and the same column types an executed
// statement reports.
func TestPreparedDescribe(t *testing.T) {
	_, s := openTest(t, "")
	ctx := context.Background()
	mustExec(t, s, `CREATE TABLE t (i INTEGER, d DECIMAL(10,2), ts TIMESTAMPTZ, l VARCHAR[], s STRUCT(a INTEGER, "B c" VARCHAR), j JSON)`)
	mustExec(t, s, `INSERT INTO t VALUES (1, 2.5, TIMESTAMPTZ '2025-01-01 00:00:00+00', ['x'], {'a': 1, 'B c': 'y'}, '{"k": 1}')`)
	const q = "SELECT i, d, ts, l, s, j, i + $1 AS k FROM t WHERE d > $2"
	p, err := s.Prepare(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	// DuckDB cannot type $1 in i + $1 (INTEGER or DATE?); the columns are
	// still known, from a probe with NULL in its place.
	if got := strings.Join(p.ParamTypes(), ","); got != "UNKNOWN,DECIMAL" {
		t.Errorf("param types %q", got)
	}
	var executed []Column
	if err := s.Exec(ctx, "SELECT i, d, ts, l, s, j, i + 1 AS k FROM t WHERE d > 1", func(r *Result) error {
		executed = r.Columns()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got, want := columnsString(p.Columns()), columnsString(executed); got != want {
		t.Errorf("prepared columns\n got %s\nwant %s", got, want)
	}
	if p.Kind() != KindSelect {
		t.Errorf("kind %q", p.Kind())
	}

	// Two results open at once from one statement, read interleaved.
	r1, err := p.Open(ctx, []any{int32(10), 1.0})
	if err != nil {
		t.Fatal(err)
	}
	// Text for the untyped parameter, as libpq-style clients send it.
	r2, err := p.Open(ctx, []any{"20", "1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*Result{r2, r1} {
		if !r.Next() {
			t.Fatalf("no row: %v", r.Err())
		}
	}
	if k1, k2 := r1.Values()[6], r2.Values()[6]; k1 != int32(11) || k2 != int64(21) {
		t.Errorf("k = %v, %v", k1, k2)
	}
	if r1.Next() || r1.Tag() != "SELECT 1" {
		t.Errorf("after the last row: tag %q", r1.Tag())
	}
	r1.Close()
	r2.Close()
	r2.Close()
}

// TestPreparedCommands checks kinds and column lists of statements that
// return no result set, and that an INSERT reports its count.
func TestPreparedCommands(t *testing.T) {
	_, s := openTest(t, "")
	ctx := context.Background()
	mustExec(t, s, "CREATE TABLE t (i INTEGER)")
	p, err := s.Prepare(ctx, "INSERT INTO t VALUES ($1), ($1 + 1)")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if p.Columns() != nil || p.Kind() != KindInsert {
		t.Errorf("insert: columns %v kind %q", p.Columns(), p.Kind())
	}
	r, err := p.Open(ctx, []any{int64(5)})
	if err != nil {
		t.Fatal(err)
	}
	if r.HasRows() || r.Tag() != "INSERT 0 2" {
		t.Errorf("insert result: rows %v tag %q", r.HasRows(), r.Tag())
	}
	r.Close()
	if _, err := s.Prepare(ctx, "SELEC 1"); CodeOf(err) != CodeSyntaxError {
		t.Errorf("syntax error: %v (%s)", err, CodeOf(err))
	}
	if _, err := p.Open(ctx, []any{"x"}); CodeOf(err) == "" {
		t.Errorf("binding 'x' to an INTEGER parameter: no error")
	}
}

func columnsString(cols []Column) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(c.Name + " " + c.Type + "; ")
	}
	return b.String()
}

// TestPreparedCloseWithOpenResult closes a statement while a result from
// it is still being read (the wire server does when a client re-parses
// the unnamed statement with a portal open): the result stays readable
// and DuckDB's statement goes with it.
func TestPreparedCloseWithOpenResult(t *testing.T) {
	_, s := openTest(t, "")
	ctx := context.Background()
	p, err := s.Prepare(ctx, "SELECT i FROM range(3) t(i)")
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Open(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	n := 0
	for r.Next() {
		n++
	}
	if n != 3 || r.Err() != nil {
		t.Errorf("rows after Close: %d, %v", n, r.Err())
	}
	r.Close()
	if _, err := p.Open(ctx, nil); CodeOf(err) != CodeInvalidParameter {
		t.Errorf("Open after Close: %v", err)
	}
}
