package eventagg

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

func openRaw(t *testing.T) (*sql.Conn, *storage.Raw) { return sqltest.OpenRaw(t) }

// probeSpec returns, per group, rows*1000 + sum of masks + p1*1e6.
var probeSpec = Spec{
	Name:   "probe_rows",
	Result: BigInt,
	Modes:  []string{"alpha", "beta", "keep"}, KeepEmptyFor: []string{"keep"},
	Overloads: []Overload{
		{TS: Timestamp, P1: IntervalUS, HasP1: true}, {TS: TimestampTZ, P1: IntervalUS, HasP1: true},
		{TS: Date, P1: IntervalDays, HasP1: true}, {TS: Int64, P1: Int64, HasP1: true},
		{TS: Int64, P1: Int64, HasP1: true, HasMode: true},
		{TS: DateMicros, P1: Int64, HasP1: true, HasMode: true},
	},
	Finalize: func(g *Group) (int64, bool, error) {
		var masks int64
		for _, r := range g.Rows {
			masks += int64(r.Mask)
		}
		var first int64
		if len(g.Rows) > 0 && g.TS == DateMicros {
			first = g.Rows[0].TS / 86_400_000_000 // days, to show the unit reached the finalizer
		}
		return int64(len(g.Rows))*1000 + masks + g.P1*1_000_000 + g.P2*100 + first*1_000_000_000_000, true, nil
	},
}

func TestRowLayoutMatchesC(t *testing.T) {
	if !layoutMatches() {
		t.Fatal("Row and md_row differ in layout")
	}
}

func TestCollectsRowsPerGroup(t *testing.T) {
	conn, raw := openRaw(t)
	if err := Register(context.Background(), conn, raw.Handle(), probeSpec); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err := conn.ExecContext(ctx, `CREATE TABLE e AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2025-01-01 10:00', 'a'), (1, TIMESTAMP '2025-01-01 11:00', 'b'),
		(1, TIMESTAMP '2025-01-01 12:00', 'x'), (2, TIMESTAMP '2025-01-02 10:00', 'b')) t(u, ts, ev)`)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query string
		want  []int64
	}{
		// Rows whose conditions are all false are dropped: user 1 keeps a (mask 1) and b (mask 2).
		{`SELECT probe_rows(INTERVAL 1 DAY, ts, [ev = 'a', ev = 'b']) FROM e GROUP BY u ORDER BY u`,
			[]int64{2003 + 86_400_000_000*1_000_000, 1002 + 86_400_000_000*1_000_000}},
		{`SELECT probe_rows(INTERVAL 2 DAY, ts::DATE, [ev = 'a', ev = 'b']) FROM e GROUP BY u ORDER BY u`,
			[]int64{2003 + 2_000_000, 1002 + 2_000_000}},
		{`SELECT probe_rows(5, epoch(ts)::BIGINT, [ev = 'a', NULL, ev = 'b']) FROM e GROUP BY u ORDER BY u`,
			[]int64{2005 + 5_000_000, 1004 + 5_000_000}},
		// Mode options become bits of P2: beta is bit 1.
		{`SELECT probe_rows(5, epoch(ts)::BIGINT, [ev = 'a', ev = 'b'], ' beta ') FROM e GROUP BY u ORDER BY u`,
			[]int64{2003 + 5_000_000 + 200, 1002 + 5_000_000 + 200}},
		// DATE read as microseconds: the finalizer sees TS == DateMicros and 20089 days (2025-01-01).
		{`SELECT probe_rows(5, ts::DATE, [ev = 'a', ev = 'b'], '') FROM e GROUP BY u ORDER BY u`,
			[]int64{2003 + 5_000_000 + 20089*1_000_000_000_000, 1002 + 5_000_000 + 20090*1_000_000_000_000}},
		// keep (bit 2) keeps the row whose conditions are all false: user 1 has 3 rows.
		{`SELECT probe_rows(5, epoch(ts)::BIGINT, [ev = 'a', ev = 'b'], 'alpha,keep') FROM e GROUP BY u ORDER BY u`,
			[]int64{3003 + 5_000_000 + 500, 1002 + 5_000_000 + 500}},
	}
	for _, c := range cases {
		rows, err := conn.QueryContext(ctx, c.query)
		if err != nil {
			t.Fatalf("%s: %v", c.query, err)
		}
		var got []int64
		for rows.Next() {
			var v int64
			rows.Scan(&v)
			got = append(got, v)
		}
		rows.Close()
		if len(got) != len(c.want) || got[0] != c.want[0] || got[1] != c.want[1] {
			t.Errorf("%s\n got %v\nwant %v", c.query, got, c.want)
		}
	}
}

func TestTooManyConditionsIsAnError(t *testing.T) {
	conn, raw := openRaw(t)
	if err := Register(context.Background(), conn, raw.Handle(), probeSpec); err != nil {
		t.Fatal(err)
	}
	_, err := conn.ExecContext(context.Background(), "SELECT probe_rows(1, range, list_transform(range(33), x -> true)) FROM range(3)")
	if err == nil {
		t.Fatal("33 conditions accepted")
	}
}

func TestUnknownModeNamesTheFunctionAndTheOptions(t *testing.T) {
	conn, raw := openRaw(t)
	if err := Register(context.Background(), conn, raw.Handle(), probeSpec); err != nil {
		t.Fatal(err)
	}
	_, err := conn.ExecContext(context.Background(), "SELECT probe_rows(1, range, [true], 'alpha, gamma') FROM range(3)")
	want := `probe_rows: mode: unknown option "gamma" (valid options: alpha, beta, keep)`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error containing %q", err, want)
	}
}

func TestListResults(t *testing.T) {
	conn, raw := openRaw(t)
	spec := Spec{
		Name: "probe_list", Result: ListBigInt,
		Overloads: []Overload{{TS: Int64}},
		FinalizeList: func(g *Group, dst []int64) ([]int64, bool, error) {
			if len(g.Rows) == 0 {
				return nil, false, nil
			}
			for _, r := range g.Rows {
				dst = append(dst, r.TS)
			}
			slices.Sort(dst)
			return dst, true, nil
		},
	}
	if err := Register(context.Background(), conn, raw.Handle(), spec); err != nil {
		t.Fatal(err)
	}
	// 3000 groups of up to 5 values: enough rows to cross vector and list-growth boundaries.
	var got string
	err := conn.QueryRowContext(context.Background(), `
		SELECT string_agg(g || ':' || l::VARCHAR, ';' ORDER BY g) FROM (
			SELECT range % 3000 AS g, probe_list(range, [range % 7 <> 0]) AS l FROM range(15000) GROUP BY g)
		WHERE g IN (0, 1, 2999)`).Scan(&got)
	if err != nil {
		t.Fatal(err)
	}
	// Group g holds g, g+3000, ..., g+12000; values divisible by 7 have a false
	// condition and are dropped: 0 in group 0 and 5999 (7 * 857) in group 2999.
	want := "0:[3000, 6000, 9000, 12000];1:[1, 3001, 6001, 9001, 12001];2999:[2999, 8999, 11999, 14999]"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestRegisterTwiceOnOneDatabase is what every second session does: the
// aggregate exists already and must keep working.
func TestRegisterTwiceOnOneDatabase(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < 3; i++ {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := storage.NewRaw(conn)
		if err != nil {
			t.Fatal(err)
		}
		if err := Register(ctx, conn, raw.Handle(), probeSpec); err != nil {
			t.Fatalf("registration %d: %v", i+1, err)
		}
		var v int64
		if err := conn.QueryRowContext(ctx, "SELECT probe_rows(1, range, [true]) FROM range(2)").Scan(&v); err != nil || v != 2*1000+2+1_000_000 { // two rows of mask 1, p1 = 1
			t.Fatalf("session %d: %v %d", i+1, err, v)
		}
		conn.Close()
	}
}
