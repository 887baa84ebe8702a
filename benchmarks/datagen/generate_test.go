package datagen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"testing"
	"time"
)

var tables = []string{"customers", "events", "orders"}

// digest hashes every row of each table, in insertion order.
func digest(t *testing.T, conn *sql.Conn) map[string]string {
	t.Helper()
	return digestPrefixed(t, conn, "")
}

// digestPrefixed is digest of the tables named prefix+customers and so on.
func digestPrefixed(t *testing.T, conn *sql.Conn, prefix string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, table := range tables {
		rows, err := conn.QueryContext(context.Background(), "SELECT * FROM "+prefix+table+" ORDER BY rowid")
		if err != nil {
			t.Fatal(err)
		}
		cols, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		h := fnv.New64a()
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(h, vals...)
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		out[table] = fmt.Sprintf("%d rows, hash %x", n, h.Sum64())
	}
	return out
}

// tableCount counts how many of our tables exist.
func tableCount(t *testing.T, conn *sql.Conn) int {
	t.Helper()
	return int(queryFloat(t, conn, `SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('customers', 'events', 'orders')`))
}

func TestDeterministic(t *testing.T) {
	cfg := Config{Scale: 0.3, Seed: 42}
	// Different worker counts schedule blocks differently; the data must
	// not notice.
	a, sa := generated(t, cfg, 1)
	b, sb := generated(t, cfg, 3)
	if sa != sb {
		t.Fatalf("stats differ: %v vs %v", sa, sb)
	}
	da, db := digest(t, a), digest(t, b)
	for _, table := range tables {
		if da[table] != db[table] {
			t.Errorf("%s differs between runs with the same seed: %s vs %s", table, da[table], db[table])
		}
	}

	c, _ := generated(t, Config{Scale: 0.3, Seed: 43}, 2)
	dc := digest(t, c)
	for _, table := range tables {
		if da[table] == dc[table] {
			t.Errorf("%s is the same for seeds 42 and 43: %s", table, da[table])
		}
	}
}

// A larger scale adds customers after the smaller scale's; the rows of the
// smaller scale are a prefix of the larger's, ids included.
func TestScaleExtends(t *testing.T) {
	small, ss := generated(t, Config{Scale: 0.1, Seed: 7}, 2)
	big, _ := generated(t, Config{Scale: 0.2, Seed: 7}, 2)
	limits := map[string]int64{"customers": ss.Customers, "events": ss.Events, "orders": ss.Orders}
	for _, table := range tables {
		for _, conn := range []*sql.Conn{small, big} {
			q := fmt.Sprintf("CREATE TEMP TABLE p_%s AS SELECT * FROM %s ORDER BY rowid LIMIT %d", table, table, limits[table])
			if _, err := conn.ExecContext(context.Background(), q); err != nil {
				t.Fatal(err)
			}
		}
	}
	ds, db := digestPrefixed(t, small, "p_"), digestPrefixed(t, big, "p_")
	for _, table := range tables {
		if ds[table] != db[table] {
			t.Errorf("%s at scale 0.1 is not a prefix of scale 0.2: %s vs %s", table, ds[table], db[table])
		}
	}
}

func TestStartDate(t *testing.T) {
	start := time.Date(2023, 6, 15, 13, 45, 0, 0, time.FixedZone("X", 5*3600))
	conn, _ := generated(t, Config{Scale: 0.05, Seed: 1, Start: start}, 2)
	first := queryFloat(t, conn, `SELECT epoch(min(signup_ts)) FROM customers`)
	last := queryFloat(t, conn, `SELECT epoch(max(ts)) FROM events`)
	day0 := time.Date(2023, 6, 15, 0, 0, 0, 0, time.UTC)
	if f := time.Unix(int64(first), 0).UTC(); f.Before(day0) || f.After(day0.AddDate(0, 0, 30)) {
		t.Errorf("first signup %v, want within a month from %v", f, day0)
	}
	if l := time.Unix(int64(last), 0).UTC(); l.After(day0.AddDate(0, 13, 1)) {
		t.Errorf("last event %v, want no later than 13 months after %v", l, day0)
	}
}

func TestInvalidScale(t *testing.T) {
	for _, s := range []float64{0, -1, math.NaN(), math.Inf(1), math.Inf(-1), MaxScale * 2} {
		conn := openConn(t)
		_, err := Generate(context.Background(), conn, Config{Scale: s}, nil)
		if err == nil || !strings.Contains(err.Error(), "Scale") {
			t.Errorf("Scale %v: got error %v, want one naming Scale", s, err)
		}
		if n := tableCount(t, conn); n != 0 {
			t.Errorf("Scale %v: %d tables created", s, n)
		}
	}
}

func TestInvalidStart(t *testing.T) {
	conn := openConn(t)
	_, err := Generate(context.Background(), conn, Config{Scale: 1, Start: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)}, nil)
	if err == nil || !strings.Contains(err.Error(), "Start") {
		t.Errorf("got error %v, want one naming Start", err)
	}
}

func TestTableExists(t *testing.T) {
	for _, existing := range tables {
		t.Run(existing, func(t *testing.T) {
			conn := openConn(t)
			if _, err := conn.ExecContext(context.Background(), "CREATE TABLE "+existing+"(x INTEGER); INSERT INTO "+existing+" VALUES (1)"); err != nil {
				t.Fatal(err)
			}
			_, err := Generate(context.Background(), conn, Config{Scale: 0.01}, nil)
			if !errors.Is(err, ErrTableExists) || !strings.Contains(err.Error(), existing) {
				t.Fatalf("got %v, want ErrTableExists naming %s", err, existing)
			}
			if n := tableCount(t, conn); n != 1 {
				t.Errorf("%d of our tables exist afterwards, want only the one there before", n)
			}
			if x := queryFloat(t, conn, "SELECT sum(x) FROM "+existing); x != 1 {
				t.Errorf("existing table changed: sum(x) = %v", x)
			}
		})
	}
	t.Run("view", func(t *testing.T) {
		conn := openConn(t)
		if _, err := conn.ExecContext(context.Background(), "CREATE VIEW Orders AS SELECT 1 AS x"); err != nil {
			t.Fatal(err)
		}
		if _, err := Generate(context.Background(), conn, Config{Scale: 0.01}, nil); !errors.Is(err, ErrTableExists) {
			t.Fatalf("got %v, want ErrTableExists", err)
		}
	})
}

func TestInsideTransaction(t *testing.T) {
	conn := openConn(t)
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION; CREATE TABLE mine(x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(ctx, conn, Config{Scale: 0.01}, nil); !errors.Is(err, ErrInTransaction) {
		t.Fatalf("got %v, want ErrInTransaction", err)
	}
	// The caller's transaction is untouched and still usable.
	if _, err := conn.ExecContext(ctx, "INSERT INTO mine VALUES (1); COMMIT"); err != nil {
		t.Fatalf("caller's transaction broken: %v", err)
	}
	if n := queryFloat(t, conn, "SELECT count(*) FROM mine"); n != 1 {
		t.Errorf("caller's table has %v rows, want 1", n)
	}
	if n := tableCount(t, conn); n != 0 {
		t.Errorf("%d of our tables created", n)
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	conn := openConn(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, conn, Config{Scale: 1}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if n := tableCount(t, conn); n != 0 {
		t.Errorf("%d tables left behind", n)
	}
}

func TestCancelledWhileRunning(t *testing.T) {
	conn := openConn(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	progress := func(done, total int64) {
		calls++
		if calls == 3 {
			cancel()
		}
	}
	_, err := Generate(ctx, conn, Config{Scale: 2}, progress)
	if err != context.Canceled {
		t.Fatalf("got %v, want ctx.Err() itself", err)
	}
	if calls != 3 {
		t.Errorf("progress called %d times, want generation to stop at the cancel (3)", calls)
	}
	if n := tableCount(t, conn); n != 0 {
		t.Errorf("%d tables left behind after cancellation", n)
	}
	// The connection stays usable, and a retry succeeds.
	if _, err := Generate(context.Background(), conn, Config{Scale: 0.01}, nil); err != nil {
		t.Fatalf("retry after cancellation: %v", err)
	}
}

func TestProgress(t *testing.T) {
	conn := openConn(t)
	var dones, totals []int64
	st, err := Generate(context.Background(), conn, Config{Scale: 0.5, Seed: 3}, func(done, total int64) {
		dones = append(dones, done)
		totals = append(totals, total)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dones) < 10 {
		t.Fatalf("progress called %d times, want regular reports", len(dones))
	}
	for i := range dones {
		if dones[i] > totals[i] || (i > 0 && dones[i] < dones[i-1]) {
			t.Fatalf("report %d: done %d of %d after %v", i, dones[i], totals[i], dones[:i])
		}
	}
	last := len(dones) - 1
	if dones[last] != st.Events || totals[last] != st.Events {
		t.Errorf("last report %d/%d, want %d/%d", dones[last], totals[last], st.Events, st.Events)
	}
	if totals[0] != 50_000 {
		t.Errorf("expected total %d, want 50000 at scale 0.5", totals[0])
	}
}

func TestStatsMatchTables(t *testing.T) {
	conn, st := generated(t, Config{Scale: 0.2, Seed: 9}, 2)
	got := Stats{
		Customers: int64(queryFloat(t, conn, "SELECT count(*) FROM customers")),
		Events:    int64(queryFloat(t, conn, "SELECT count(*) FROM events")),
		Orders:    int64(queryFloat(t, conn, "SELECT count(*) FROM orders")),
	}
	if got != st {
		t.Errorf("tables hold %v, Generate reported %v", got, st)
	}
	if st.Customers != 2000 {
		t.Errorf("%d customers at scale 0.2, want 2000", st.Customers)
	}
}

func TestTinyScale(t *testing.T) {
	_, st := generated(t, Config{Scale: 1e-9}, 1)
	if st.Customers != 1 || st.Events < 1 {
		t.Errorf("tiny scale gave %v, want one customer with events", st)
	}
}

func BenchmarkGenerateScale1(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		db, err := sql.Open("duckdb", "")
		if err != nil {
			b.Fatal(err)
		}
		conn, err := db.Conn(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		st, err := Generate(context.Background(), conn, Config{Scale: 1, Seed: 1}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		conn.Close()
		db.Close()
		b.StartTimer()
		b.ReportMetric(float64(st.Events), "events/op")
	}
}
