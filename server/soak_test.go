package server

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
)

// TestSoak runs in CI (.ci/run, after the test suite) with the defaults:
// soakClients clients for soakDuration. Longer:
//
//	go test ./server -run 'TestSoak' -v -soak.duration=5m
//
// TestSoak runs only with -soak: it takes a while and loads the machine.
//
//	go test ./server -run 'TestSoak' -v -soak
var (
	soakRun      = flag.Bool("soak", false, "run TestSoak")
	soakDuration = flag.Duration("soak.duration", 10*time.Second, "how long TestSoak runs its clients")
	soakClients  = flag.Int("soak.clients", 64, "concurrent clients in TestSoak")
)

// soakTally counts what the soak clients did.
type soakTally struct {
	ops, lookups, scans, reports   atomic.Int64
	inserts, increments, conflicts atomic.Int64
	disconnects, cancels           atomic.Int64
	lostCancels                    atomic.Int64
	slowestFirst, slowestConnect   atomic.Int64 // nanoseconds: a client's first connect, and any
	mu                             sync.Mutex
	unexpected                     []string
}

func (s *soakTally) fail(role string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.unexpected) < 20 {
		s.unexpected = append(s.unexpected, role+": "+err.Error())
	} else {
		s.unexpected = append(s.unexpected[:20], "...")
	}
}

func sqlstate(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// vmRSS is this process's resident set in KiB (the server runs in it).
func vmRSS(t testing.TB) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	t.Skip("no VmRSS in /proc/self/status")
	return 0
}

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// waitFor polls cond every 20ms until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// cancelConfig is a pgx configuration whose context cancellation sends a
// CancelRequest (pgx's default closes the socket instead).
func cancelConfig(t testing.TB, dsn string) *pgx.ConnConfig {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	cfg.BuildContextWatcherHandler = func(pc *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: pc, DeadlineDelay: 10 * time.Second}
	}
	return cfg
}

// TestSoak runs many clients at once for a while, mixing reads, marketing
// reports, writes that conflict, clients that hang up in the middle of a
// result and clients that cancel their query, then checks that nothing
// but the expected errors happened, that every acknowledged write is
// counted, and that the server let go of its connections, goroutines
// and memory.
//
// The 64 clients connect at once. Session setup used to take about
// 235 ms, one session at a time, so late clients queued past startup.go's
// 30 s startupTimeout (fixed 2026-12-08: the engine registers the Go and C
// functions once per database and sessions create only their macros,
// concurrently); on a loaded machine 64 at once may still exceed a 5 s
// connect_timeout, hence the 60 s one below.
func TestSoak(t *testing.T) {
	if !*soakRun {
		t.Skip("run with -soak")
	}
	ts := startServer(t, filepath.Join(t.TempDir(), "soak.db"), nil)
	setupCtx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := ts.connect(t)
	for _, q := range []string{
		"CREATE TABLE kv (id BIGINT PRIMARY KEY, v VARCHAR)",
		"INSERT INTO kv SELECT range, 'v' || range FROM range(10000)",
		"CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT)",
		"INSERT INTO counter VALUES (1, 0)",
		"CREATE TABLE wlog (client INTEGER, i BIGINT)",
		`CREATE TABLE events AS SELECT range % 400 AS user_id,
			TIMESTAMP '2026-03-01' + to_seconds(range * 7919 % 1209600) AS ts,
			['page_view', 'add_to_cart', 'checkout', 'purchase'][range % 4 + 1] AS event
			FROM range(20000)`,
		`CREATE TABLE orders AS SELECT range % 300 AS customer_id,
			TIMESTAMP '2026-01-01' + to_days((range * 13 % 120)::INTEGER) AS ts,
			(range % 23 + 1)::DOUBLE AS amount FROM range(6000)`,
	} {
		if _, err := c.Exec(setupCtx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	c.Close(setupCtx)
	if !waitFor(5*time.Second, func() bool { return ts.srv.ActiveConnections() == 0 }) {
		t.Fatalf("setup connection still active")
	}
	goBefore := runtime.NumGoroutine()
	heapBefore := heapInuse()
	rssBefore := vmRSS(t)

	var tally soakTally
	deadline := time.Now().Add(*soakDuration)
	var wg sync.WaitGroup
	for i := 0; i < *soakClients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			soakClient(t, ts, i, deadline, &tally)
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(*soakDuration + 2*time.Minute):
		t.Fatalf("clients still running 2m after the soak's end")
	}

	for _, u := range tally.unexpected {
		t.Errorf("unexpected error: %s", u)
	}
	// Every acknowledged write is there, and conflicts lost nothing.
	c = ts.connect(t)
	var n, logged int64
	if err := c.QueryRow(setupCtx, "SELECT n FROM counter WHERE id = 1").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != tally.increments.Load() {
		t.Errorf("counter is %d after %d acknowledged increments (%d conflicts)", n, tally.increments.Load(), tally.conflicts.Load())
	}
	if err := c.QueryRow(setupCtx, "SELECT count(*) FROM wlog").Scan(&logged); err != nil {
		t.Fatal(err)
	}
	if logged != tally.inserts.Load() {
		t.Errorf("wlog has %d rows after %d acknowledged inserts", logged, tally.inserts.Load())
	}
	c.Close(setupCtx)

	if !waitFor(10*time.Second, func() bool { return ts.srv.ActiveConnections() == 0 }) {
		t.Errorf("%d connections still active 10s after every client closed", ts.srv.ActiveConnections())
	}
	const goTolerance = 8
	goAfter := 0
	settled := waitFor(10*time.Second, func() bool {
		goAfter = runtime.NumGoroutine()
		return goAfter <= goBefore+goTolerance
	})
	heapAfter := heapInuse()
	rssAfter := vmRSS(t)
	t.Logf("soak: %d clients for %v: %d operations (%d point lookups, %d scans, %d reports, %d inserts, %d increments and %d write-write conflicts (40001), %d hang-ups mid-result, %d cancels (57014), %d cancels that arrived before their query)",
		*soakClients, *soakDuration, tally.ops.Load(), tally.lookups.Load(), tally.scans.Load(), tally.reports.Load(),
		tally.inserts.Load(), tally.increments.Load(), tally.conflicts.Load(), tally.disconnects.Load(), tally.cancels.Load(), tally.lostCancels.Load())
	t.Logf("soak: slowest first connect (all %d clients connecting at once) %v, slowest connect %v", *soakClients,
		time.Duration(tally.slowestFirst.Load()).Round(time.Millisecond), time.Duration(tally.slowestConnect.Load()).Round(time.Millisecond))
	t.Logf("soak: goroutines %d before, %d after (tolerance %d); Go heap in use %.1f MiB before, %.1f MiB after; process RSS %.0f MiB before, %.0f MiB after",
		goBefore, goAfter, goTolerance, float64(heapBefore)/(1<<20), float64(heapAfter)/(1<<20), float64(rssBefore)/1024, float64(rssAfter)/1024)
	if !settled {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutine leak: %d before, %d after\n%s", goBefore, goAfter, buf[:runtime.Stack(buf, true)])
	}
	if heapAfter > 2*heapBefore+64<<20 {
		t.Errorf("Go heap grew from %d to %d bytes", heapBefore, heapAfter)
	}
	if lost := tally.lostCancels.Load(); lost*5 > tally.cancels.Load() {
		t.Errorf("%d of %d cancels arrived before their query and were lost (more than a fifth)", lost, lost+tally.cancels.Load())
	}
	for name, v := range map[string]int64{"lookups": tally.lookups.Load(), "reports": tally.reports.Load(), "increments": tally.increments.Load(),
		"hang-ups": tally.disconnects.Load(), "cancels": tally.cancels.Load()} {
		if v == 0 {
			t.Errorf("no %s happened: the soak did not test them", name)
		}
	}
}

// raise sets m to v if v is larger.
func raise(m *atomic.Int64, v int64) {
	for {
		old := m.Load()
		if v <= old || m.CompareAndSwap(old, v) {
			return
		}
	}
}

// soakClient is client i: its role is i modulo the number of roles.
func soakClient(t *testing.T, ts *testServer, i int, deadline time.Time, tally *soakTally) {
	rng := rand.New(rand.NewSource(int64(i)))
	roles := []string{"lookup", "scan", "funnel", "report", "insert", "increment", "hangup", "cancel"}
	role := roles[i%len(roles)]
	first := true
	connect := func() *pgx.Conn {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		start := time.Now()
		c, err := pgx.ConnectConfig(ctx, cancelConfig(t, strings.Replace(ts.dsn("soak"), "connect_timeout=5", "connect_timeout=60", 1)))
		took := int64(time.Since(start))
		raise(&tally.slowestConnect, took)
		if first {
			raise(&tally.slowestFirst, took)
			first = false
		}
		if err != nil {
			tally.fail(role, fmt.Errorf("connect: %w", err))
			return nil
		}
		return c
	}
	c := connect()
	if c == nil {
		return
	}
	if role == "cancel" {
		// Bounds a query whose cancel came too early (see soakOp), below
		// cancelConfig's 10 s before pgx gives up on the connection.
		if _, err := c.Exec(context.Background(), "SET statement_timeout = '5s'"); err != nil {
			tally.fail(role, err)
			return
		}
	}
	defer func() {
		if c != nil {
			c.Close(context.Background())
		}
	}()
	for j := int64(0); time.Now().Before(deadline); j++ {
		tally.ops.Add(1)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := soakOp(ctx, c, role, i, j, rng, tally)
		cancel()
		if err != nil {
			tally.fail(role, err)
			return
		}
		if role == "hangup" {
			// The socket is gone; the next round needs a new connection.
			c.Close(context.Background())
			if c = connect(); c == nil {
				return
			}
		}
	}
}

// soakOp runs one operation of role and returns an error only when what
// happened was not what the role expects.
func soakOp(ctx context.Context, c *pgx.Conn, role string, client int, j int64, rng *rand.Rand, tally *soakTally) error {
	switch role {
	case "lookup":
		id := rng.Int63n(10000)
		var v string
		if err := c.QueryRow(ctx, "SELECT v FROM kv WHERE id = $1", id).Scan(&v); err != nil {
			return err
		}
		if v != "v"+strconv.FormatInt(id, 10) {
			return fmt.Errorf("kv %d is %q", id, v)
		}
		tally.lookups.Add(1)
	case "scan":
		var n, sum int64
		if err := c.QueryRow(ctx, "SELECT count(*), sum(id)::BIGINT FROM kv WHERE v LIKE 'v%'").Scan(&n, &sum); err != nil {
			return err
		}
		if n != 10000 || sum != 10000*9999/2 {
			return fmt.Errorf("kv scan: %d rows, sum %d", n, sum)
		}
		tally.scans.Add(1)
	case "funnel":
		rows, err := c.Query(ctx, `SELECT step, users FROM funnel(events, user_id, ts,
			[event = 'page_view', event = 'add_to_cart', event = 'checkout', event = 'purchase'],
			conversion_window := INTERVAL 1 DAY)`)
		if err != nil {
			return err
		}
		steps, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (int64, error) {
			var step string
			var users int64
			err := r.Scan(&step, &users)
			return users, err
		})
		if err != nil {
			return err
		}
		if len(steps) != 4 {
			return fmt.Errorf("funnel: %d steps", len(steps))
		}
		tally.reports.Add(1)
	case "report":
		q := "SELECT count(*) FROM rfm(orders, customer_id, ts, amount)"
		want := int64(300)
		if j%2 == 1 {
			q = "SELECT count(*) FROM retention(events, user_id, ts, period := 'day', periods := 7)"
			want = -1
		}
		var n int64
		if err := c.QueryRow(ctx, q).Scan(&n); err != nil {
			return err
		}
		if (want >= 0 && n != want) || n == 0 {
			return fmt.Errorf("%s: %d rows", q, n)
		}
		tally.reports.Add(1)
	case "insert":
		if _, err := c.Exec(ctx, "INSERT INTO wlog VALUES ($1, $2)", client, j); err != nil {
			return err
		}
		tally.inserts.Add(1)
	case "increment":
		// Read, then write, in one transaction: concurrent ones conflict.
		err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			var n int64
			if err := tx.QueryRow(ctx, "SELECT n FROM counter WHERE id = 1").Scan(&n); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "UPDATE counter SET n = n + 1 WHERE id = 1")
			return err
		})
		switch {
		case err == nil:
			tally.increments.Add(1)
		case sqlstate(err) == "40001":
			tally.conflicts.Add(1)
		default:
			return err
		}
	case "hangup":
		// Read one row of a large result, then drop the socket.
		rows, err := c.Query(ctx, "SELECT range AS i, md5(range::VARCHAR) AS h FROM range(2000000)")
		if err != nil {
			return err
		}
		if !rows.Next() {
			rows.Close()
			return fmt.Errorf("large result: no first row: %v", rows.Err())
		}
		c.PgConn().Conn().Close()
		rows.Close()
		tally.disconnects.Add(1)
	case "cancel":
		// The simple protocol sends the query in one message: with the
		// extended one, pgx first deallocates and re-prepares the
		// statement an earlier cancel invalidated in its cache, and the
		// short deadline can pass in that housekeeping, before the query
		// is sent ("context already done", no cancel tested).
		qctx, cancel := context.WithTimeout(ctx, time.Duration(20+rng.Intn(200))*time.Millisecond)
		var n int64
		err := c.QueryRow(qctx, "SELECT count(*) FROM range(20000000000) WHERE hash(range) % 7 = 3", pgx.QueryExecModeSimpleProtocol).Scan(&n)
		cancel()
		var pgErr *pgconn.PgError
		switch {
		case errors.As(err, &pgErr) && pgErr.Code == "57014" && strings.Contains(pgErr.Message, "statement timeout"):
			// The CancelRequest was read before the query: like
			// PostgreSQL, the server then had nothing to cancel. The
			// 5 s statement_timeout (set below) ended the query.
			tally.lostCancels.Add(1)
		case sqlstate(err) == "57014":
			tally.cancels.Add(1)
		default:
			return fmt.Errorf("cancelled query: %v, want SQLSTATE 57014", err)
		}
		// The connection is still good.
		var one int
		if err := c.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
			return fmt.Errorf("after a cancel: %v", err)
		}
	}
	return nil
}
