package crashtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// binary is the martdb binary TestMain builds.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "martdb-crashtest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "martdb")
	out, err := exec.Command("go", "build", "-o", binary, "github.com/martdb/martdb/cli/martdb").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// envInt reads a positive integer from the environment, or def.
func envInt(t *testing.T, name string, def int64) int64 {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a non-negative integer", name, v)
	}
	return n
}

// server is one running `martdb serve`.
type server struct {
	cmd    *exec.Cmd
	addr   string
	mu     sync.Mutex
	stderr strings.Builder // the server's log, for failures
	exited chan struct{}
	err    error // from Wait, once exited is closed
}

var readyLine = regexp.MustCompile(`serving database "[^"]*" on (127\.0\.0\.1:\d+) `)

// start runs the server on db and waits until it listens.
func start(t *testing.T, db, tmp string) *server {
	t.Helper()
	cmd := exec.Command(binary, "serve", db, "--listen", "127.0.0.1:0", "--grace", "2s")
	// The server's spool directory goes under tmp: a killed server
	// cannot remove it.
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, exited: make(chan struct{})}
	ready := make(chan string, 1)
	go func() {
		r := bufio.NewReader(pipe)
		for {
			line, err := r.ReadString('\n')
			s.mu.Lock()
			if s.stderr.Len() < 1<<16 {
				s.stderr.WriteString(line)
			}
			s.mu.Unlock()
			if m := readyLine.FindStringSubmatch(line); m != nil {
				select {
				case ready <- m[1]:
				default:
				}
			}
			if err != nil {
				break
			}
		}
		s.err = cmd.Wait()
		close(s.exited)
	}()
	select {
	case s.addr = <-ready:
	case <-s.exited:
		t.Fatalf("the server exited before listening (%v); the database did not open:\n%s", s.err, s.log())
	case <-time.After(90 * time.Second):
		s.kill()
		t.Fatalf("the server did not listen within 90s:\n%s", s.log())
	}
	return s
}

func (s *server) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// kill sends SIGKILL and waits for the process to be gone.
func (s *server) kill() {
	s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

func (s *server) dsn() string {
	host, port, _ := strings.Cut(s.addr, ":")
	return fmt.Sprintf("host=%s port=%s user=crash dbname=crash sslmode=disable connect_timeout=10", host, port)
}

func (s *server) connect(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, s.dsn())
	if err != nil {
		t.Fatalf("connect: %v\n%s", err, s.log())
	}
	return c
}

// Fates of a transaction.
type fate int

const (
	inFlight fate = iota // sent; no answer before the kill
	acked                // the client saw it commit
	failed               // the server answered with an error: rolled back
	present              // was in flight, found whole after a restart
	absent               // was in flight, found missing after a restart
)

// The kinds of transaction, each with its own client.
const (
	kindSingle = "single"
	kindPair   = "pair"
	kindCTAS   = "ctas"
	kindCopy   = "copy"
	kindRFM    = "rfm"
)

var kinds = []string{kindSingle, kindPair, kindCTAS, kindCopy, kindRFM}

// customers is how many customers orders has, so rows per rfm batch.
const customers = 300

// ledger records every transaction sent and what became of it.
type ledger struct {
	mu    sync.Mutex
	next  int64
	fates map[string]map[int64]fate
	size  map[int64]int64 // rows of a ctas or copy id
	errs  []string        // unexpected error responses
}

func newLedger() *ledger {
	l := &ledger{fates: map[string]map[int64]fate{}, size: map[int64]int64{}}
	for _, k := range kinds {
		l.fates[k] = map[int64]fate{}
	}
	return l
}

// begin names a new transaction of kind, with n rows where that matters.
func (l *ledger) begin(kind string, n int64) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	l.fates[kind][l.next] = inFlight
	if n > 0 {
		l.size[l.next] = n
	}
	return l.next
}

// end records the client's view of transaction id: acknowledged, refused
// by the server, or unknown (the connection broke).
func (l *ledger) end(kind string, id int64, err error) (broken bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var pgErr *pgconn.PgError
	switch {
	case err == nil:
		l.fates[kind][id] = acked
	case errors.As(err, &pgErr):
		l.fates[kind][id] = failed
		l.errs = append(l.errs, fmt.Sprintf("%s %d: %v", kind, id, err))
	default:
		return true
	}
	return false
}

func (l *ledger) rows(id int64) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.size[id]
}

// reconcile compares the ids found whole after a restart with the ledger,
// settles the fates of those in flight, and returns the problems.
func (l *ledger) reconcile(kind string, found map[int64]bool) (problems []string, ackedChecked, settledPresent, settledAbsent int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fates := l.fates[kind]
	for id := range found {
		f, ok := fates[id]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s %d is in the database but was never sent", kind, id))
		case f == failed:
			problems = append(problems, fmt.Sprintf("%s %d failed with an error response but is in the database", kind, id))
		case f == absent:
			problems = append(problems, fmt.Sprintf("%s %d was missing after an earlier restart and is back", kind, id))
		case f == inFlight:
			fates[id] = present
			settledPresent++
		}
	}
	for id, f := range fates {
		if found[id] {
			if f == acked {
				ackedChecked++
			}
			continue
		}
		switch f {
		case acked:
			ackedChecked++
			problems = append(problems, fmt.Sprintf("%s %d was acknowledged but is lost", kind, id))
		case present:
			problems = append(problems, fmt.Sprintf("%s %d was found after an earlier restart and is now lost", kind, id))
		case inFlight:
			fates[id] = absent
			settledAbsent++
		}
	}
	return problems, ackedChecked, settledPresent, settledAbsent
}

func (l *ledger) count(kind string, want fate) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, f := range l.fates[kind] {
		if f == want {
			n++
		}
	}
	return n
}

// setup creates the tables the clients write into, once.
func setup(t *testing.T, c *pgx.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for _, q := range []string{
		"CREATE TABLE single (id BIGINT, mode VARCHAR)",
		"CREATE TABLE pair_a (txn BIGINT, k INTEGER)",
		"CREATE TABLE pair_b (txn BIGINT, k INTEGER, note VARCHAR)",
		"CREATE TABLE copied (batch BIGINT, i INTEGER, label VARCHAR)",
		"CREATE TABLE seg (batch BIGINT, customer BIGINT, segment VARCHAR)",
		fmt.Sprintf(`CREATE TABLE orders AS SELECT range %% %d AS customer_id,
			TIMESTAMP '2026-01-01' + to_days((range * 7 %% 90)::INTEGER) AS ts,
			(range %% 17 + 1)::DOUBLE AS amount FROM range(%d)`, customers, customers*10),
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// client runs transactions of one kind until the connection breaks or ctx
// ends.
type client struct {
	kind string
	l    *ledger
	rng  *rand.Rand
}

// The client connects, says so on ready, and starts on go.
func (cl *client) run(ctx context.Context, dsn string, ready *sync.WaitGroup, start <-chan struct{}) {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c, err := pgx.Connect(cctx, dsn)
	cancel()
	ready.Done()
	if err != nil {
		cl.l.mu.Lock()
		cl.l.errs = append(cl.l.errs, fmt.Sprintf("%s: connect: %v", cl.kind, err))
		cl.l.mu.Unlock()
		return
	}
	defer c.Close(context.Background())
	<-start
	for ctx.Err() == nil {
		n := int64(0)
		switch cl.kind {
		case kindCTAS:
			n = 1000 + cl.rng.Int63n(100000)
		case kindCopy:
			n = 100 + cl.rng.Int63n(20000)
		}
		id := cl.l.begin(cl.kind, n)
		octx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := cl.one(octx, c, id, n)
		cancel()
		if cl.l.end(cl.kind, id, err) {
			return
		}
	}
}

// one runs transaction id.
func (cl *client) one(ctx context.Context, c *pgx.Conn, id, n int64) error {
	switch cl.kind {
	case kindSingle:
		if id%2 == 0 {
			_, err := c.Exec(ctx, "INSERT INTO single VALUES ($1, 'auto')", id)
			return err
		}
		return pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			_, err := tx.Exec(ctx, "INSERT INTO single VALUES ($1, 'block')", id)
			return err
		})
	case kindPair:
		return pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, "INSERT INTO pair_a SELECT $1::BIGINT, range FROM range(3)", id); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO pair_b VALUES ($1, 0, 'x'), ($1, 1, 'y')", id)
			return err
		})
	case kindCTAS:
		_, err := c.Exec(ctx, fmt.Sprintf("CREATE TABLE ctas_%d AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(%d)", id, n))
		return err
	case kindCopy:
		var b strings.Builder
		for i := int64(0); i < n; i++ {
			fmt.Fprintf(&b, "%d\t%d\trow %d of a batch\n", id, i, i)
		}
		_, err := c.PgConn().CopyFrom(ctx, strings.NewReader(b.String()), "COPY copied FROM STDIN")
		return err
	case kindRFM:
		_, err := c.Exec(ctx, "INSERT INTO seg SELECT $1::BIGINT, customer, segment FROM rfm(orders, customer_id, ts, amount)", id)
		return err
	}
	panic(cl.kind)
}

// checkpointer runs FORCE CHECKPOINT every now and then (it waits for
// the transactions running; a plain CHECKPOINT fails while any is).
func checkpointer(ctx context.Context, dsn string, rng *rand.Rand, done *atomic.Int64, ready *sync.WaitGroup, start <-chan struct{}) {
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c, err := pgx.Connect(cctx, dsn)
	cancel()
	ready.Done()
	if err != nil {
		return
	}
	defer c.Close(context.Background())
	<-start
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Duration(50+rng.Intn(250)) * time.Millisecond):
		}
		qctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		_, err := c.Exec(qctx, "FORCE CHECKPOINT")
		cancel()
		var pgErr *pgconn.PgError
		switch {
		case err == nil:
			done.Add(1)
		case !errors.As(err, &pgErr):
			return
		}
	}
}

// found lists the ids of kind that are in the database, and the ones that
// are there but not whole.
func found(ctx context.Context, c *pgx.Conn, l *ledger, kind string) (map[int64]bool, []string, error) {
	ids := map[int64]bool{}
	var partial []string
	groups := func(q string, want func(id, n int64) bool) error {
		rows, err := c.Query(ctx, q)
		if err != nil {
			return err
		}
		m, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]int64, error) {
			var v [2]int64
			err := r.Scan(&v[0], &v[1])
			return v, err
		})
		if err != nil {
			return err
		}
		for _, v := range m {
			if !want(v[0], v[1]) {
				partial = append(partial, fmt.Sprintf("%s %d has %d rows (%s)", kind, v[0], v[1], q))
			}
			ids[v[0]] = true
		}
		return nil
	}
	switch kind {
	case kindSingle:
		return ids, partial, groups("SELECT id, count(*) FROM single GROUP BY id", func(_, n int64) bool { return n == 1 })
	case kindPair:
		a := map[int64]bool{}
		if err := groups("SELECT txn, count(*) FROM pair_a GROUP BY txn", func(_, n int64) bool { return n == 3 }); err != nil {
			return nil, nil, err
		}
		for id := range ids {
			a[id] = true
		}
		ids = map[int64]bool{}
		if err := groups("SELECT txn, count(*) FILTER (WHERE note IS NOT NULL) FROM pair_b GROUP BY txn", func(_, n int64) bool { return n == 2 }); err != nil {
			return nil, nil, err
		}
		for id := range a {
			if !ids[id] {
				partial = append(partial, fmt.Sprintf("pair %d is in pair_a but not in pair_b", id))
			}
		}
		for id := range ids {
			if !a[id] {
				partial = append(partial, fmt.Sprintf("pair %d is in pair_b but not in pair_a", id))
			}
		}
		return ids, partial, nil
	case kindCopy:
		return ids, partial, groups("SELECT batch, count(*) FILTER (WHERE label = 'row ' || i || ' of a batch') FROM copied GROUP BY batch",
			func(id, n int64) bool { return n == l.rows(id) })
	case kindRFM:
		return ids, partial, groups("SELECT batch, count(DISTINCT customer) FILTER (WHERE segment IS NOT NULL) FROM seg GROUP BY batch",
			func(_, n int64) bool { return n == customers })
	case kindCTAS:
		rows, err := c.Query(ctx, "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ctas_%'")
		if err != nil {
			return nil, nil, err
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, nil, err
		}
		for _, name := range names {
			id, err := strconv.ParseInt(strings.TrimPrefix(name, "ctas_"), 10, 64)
			if err != nil {
				partial = append(partial, "unexpected table "+name)
				continue
			}
			var n, sum int64
			if err := c.QueryRow(ctx, fmt.Sprintf("SELECT count(*), coalesce(sum(i), 0)::BIGINT FROM %s WHERE h = md5(i::VARCHAR)", name)).Scan(&n, &sum); err != nil {
				return nil, nil, err
			}
			want := l.rows(id)
			if n != want || sum != want*(want-1)/2 {
				partial = append(partial, fmt.Sprintf("%s has %d good rows summing to %d; want %d", name, n, sum, want))
			}
			ids[id] = true
		}
		return ids, partial, nil
	}
	panic(kind)
}

// totals accumulate over a run.
type totals struct {
	cycles, ackedChecks, settledPresent, settledAbsent int
}

// verify checks the database against the ledger after a restart.
func verify(t *testing.T, s *server, l *ledger, tot *totals, label string) {
	t.Helper()
	c := s.connect(t)
	defer c.Close(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var n int64
	if err := c.QueryRow(ctx, "SELECT count(*) FROM orders").Scan(&n); err != nil || n != customers*10 {
		t.Fatalf("%s: orders: %d rows, %v", label, n, err)
	}
	var acks, pres, abs int
	for _, kind := range kinds {
		ids, partial, err := found(ctx, c, l, kind)
		if err != nil {
			t.Fatalf("%s: reading %s: %v\n%s", label, kind, err, s.log())
		}
		for _, p := range partial {
			t.Errorf("%s: not whole: %s", label, p)
		}
		problems, a, p, b := l.reconcile(kind, ids)
		for _, p := range problems {
			t.Errorf("%s: %s", label, p)
		}
		acks, pres, abs = acks+a, pres+p, abs+b
	}
	tot.ackedChecks += acks
	tot.settledPresent += pres
	tot.settledAbsent += abs
	t.Logf("%s: %d acknowledged transactions all there; of those in flight at the kill %d are there whole, %d absent", label, acks, pres, abs)
	if t.Failed() {
		t.FailNow()
	}
}

// TestCrashRecovery is the harness the package doc describes.
func TestCrashRecovery(t *testing.T) {
	cycles := int(envInt(t, "MARTDB_CRASH_CYCLES", 8))
	seed := envInt(t, "MARTDB_CRASH_SEED", time.Now().UnixNano()%1_000_000_007)
	t.Logf("seed %d (replay with MARTDB_CRASH_SEED=%d), %d cycles", seed, seed, cycles)
	rng := rand.New(rand.NewSource(seed))
	dir := t.TempDir()
	db := filepath.Join(dir, "crash.db")
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	l := newLedger()
	tot := &totals{}
	var checkpoints atomic.Int64
	var thresholdErr error

	s := start(t, db, tmp)
	c := s.connect(t)
	setup(t, c)
	c.Close(context.Background())
	for cycle := 1; cycle <= cycles; cycle++ {
		// A small checkpoint threshold makes DuckDB checkpoint by itself
		// on commit, so kills also meet automatic checkpoints.
		c := s.connect(t)
		if _, err := c.Exec(context.Background(), "SET GLOBAL checkpoint_threshold = '2MB'"); err != nil {
			thresholdErr = err
		}
		c.Close(context.Background())

		ctx, stop := context.WithCancel(context.Background())
		var wg, ready sync.WaitGroup
		begin := make(chan struct{})
		t0 := time.Now()
		for i, kind := range kinds {
			cl := &client{kind: kind, l: l, rng: rand.New(rand.NewSource(seed*100 + int64(cycle*10+i)))}
			wg.Add(1)
			ready.Add(1)
			go func() { defer wg.Done(); cl.run(ctx, s.dsn(), &ready, begin) }()
		}
		wg.Add(1)
		ready.Add(1)
		go func() {
			defer wg.Done()
			checkpointer(ctx, s.dsn(), rand.New(rand.NewSource(seed*100+int64(cycle*10+9))), &checkpoints, &ready, begin)
		}()
		ready.Wait()
		if cycle == 1 {
			t.Logf("%d clients connected in %v", len(kinds)+1, time.Since(t0))
		}
		close(begin)
		delay := time.Duration(200+rng.Intn(1000)) * time.Millisecond
		time.Sleep(delay) // the random moment of the kill is the point
		s.kill()
		stop()
		waited := make(chan struct{})
		go func() { wg.Wait(); close(waited) }()
		select {
		case <-waited:
		case <-time.After(90 * time.Second):
			t.Fatalf("cycle %d: clients still running 90s after the kill", cycle)
		}
		tot.cycles++
		s = start(t, db, tmp)
		verify(t, s, l, tot, fmt.Sprintf("cycle %d (SIGKILL after %v)", cycle, delay))
	}
	// A clean stop checkpoints; the file must still hold everything.
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(60 * time.Second):
		s.kill()
		t.Fatal("the server did not stop within 60s of SIGTERM")
	}
	if s.err != nil {
		t.Fatalf("clean stop: %v\n%s", s.err, s.log())
	}
	if _, err := os.Stat(db + ".wal"); err == nil {
		t.Errorf("a write-ahead log remains after a clean stop")
	}
	s = start(t, db, tmp)
	verify(t, s, l, tot, "after a clean stop")
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.exited

	if thresholdErr != nil {
		t.Logf("SET GLOBAL checkpoint_threshold refused: %v", thresholdErr)
	}
	if len(l.errs) > 0 {
		sort.Strings(l.errs)
		t.Errorf("%d transactions failed with an error response (the first: %s)", len(l.errs), l.errs[0])
	}
	var parts []string
	total := 0
	for _, k := range kinds {
		n := l.count(k, acked)
		total += n
		parts = append(parts, fmt.Sprintf("%s %d", k, n))
	}
	if total == 0 {
		t.Fatal("no transaction was acknowledged: the kills came too early to test anything")
	}
	leftover, _ := filepath.Glob(filepath.Join(tmp, "martdb-serve-*"))
	t.Logf("SUMMARY crash recovery: seed %d, %d SIGKILL/restart cycles, %d acknowledged transactions (%s) checked %d times in all, %d in flight at a kill found whole and %d absent, %d CHECKPOINTs, %d spool directories left by killed servers",
		seed, tot.cycles, total, strings.Join(parts, ", "), tot.ackedChecks, tot.settledPresent, tot.settledAbsent, checkpoints.Load(), len(leftover))
}
