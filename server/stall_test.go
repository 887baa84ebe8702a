package server

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// TestStalledClientHoldsLittle asks for a result of about 360 MB (3M rows
// with a 100-byte text each), reads its first row and then stops reading.
// The server's writes block once the socket buffers fill; it must not grow
// by the result's size meanwhile (rows stream from DuckDB as the socket
// takes them; materialised, as duckdb-go runs it, this result added 376 MiB), and it goes on
// serving other clients. The client then reads on, and every row arrives
// in order with the right tag.
func TestStalledClientHoldsLittle(t *testing.T) {
	ts := startServer(t, "", nil)
	other := ts.connect(t)
	rc := ts.raw(t)
	rc.nc.SetDeadline(time.Now().Add(3 * time.Minute))
	rc.startup()
	rc.send(&pgproto3.Query{String: "SELECT count(*) FROM range(1000)"})
	rc.until('Z')
	runtime.GC()
	before := vmRSS(t)

	const rows = 3000000
	rc.send(&pgproto3.Query{String: "SELECT range AS n, repeat('x', 100) || range AS pad FROM range(" + strconv.Itoa(rows) + ")"})
	n := readRows(t, rc, 0, 1)
	peak := stalledPeak(t, before)
	const limitKiB = 100 << 10
	if grown := peak - before; grown > limitKiB {
		t.Errorf("the server grew by %d MiB while its client did not read (limit %d MiB)", grown>>10, limitKiB>>10)
	} else {
		t.Logf("grown while stalled: %d MiB", grown>>10)
	}
	var k int64
	if err := other.QueryRow(ctxT(t), "SELECT count(*) FROM range(1000)").Scan(&k); err != nil || k != 1000 {
		t.Errorf("another client while one stalls: %d, %v", k, err)
	}

	n += readRows(t, rc, n, -1)
	if n != rows {
		t.Fatalf("read %d rows of %d", n, rows)
	}
}

// stalledPeak samples the resident set (KiB) until it has stopped growing
// for a second, and returns the highest seen.
func stalledPeak(t *testing.T, before int64) int64 {
	peak, last, still := before, before, 0
	for k := 0; k < 150 && still < 10; k++ {
		time.Sleep(100 * time.Millisecond)
		now := vmRSS(t)
		peak = max(peak, now)
		if now-last < 1024 {
			still++
		} else {
			still = 0
		}
		last = now
	}
	return peak
}

// readRows reads DataRows until it has want of them (-1: up to
// CommandComplete, whose tag it checks), checking that column 1 counts
// up from next.
func readRows(t *testing.T, rc *rawClient, next, want int64) int64 {
	t.Helper()
	var n int64
	for want < 0 || n < want {
		msg, err := rc.fe.Receive()
		if err != nil {
			t.Fatalf("after %d rows: %v", n, err)
		}
		switch m := msg.(type) {
		case *pgproto3.DataRow:
			if got, _ := strconv.ParseInt(string(m.Values[0]), 10, 64); got != next+n {
				t.Fatalf("row %d came as %s", next+n, m.Values[0])
			}
			n++
		case *pgproto3.CommandComplete:
			if tag := string(m.CommandTag); tag != "SELECT "+strconv.FormatInt(next+n, 10) {
				t.Fatalf("tag %q after %d rows", tag, next+n)
			}
			return n
		case *pgproto3.ErrorResponse:
			t.Fatalf("after %d rows: %s: %s", n, m.Code, m.Message)
		}
	}
	return n
}

// TestCancelWhileStreaming cancels a query while the server is sending
// its rows, in both protocols. The query's first rows (up to a million)
// come at once and the next would take hours to find; its rows stream,
// so the server is running it while it sends, and the CancelRequest must
// reach it there: 57014 after the quick rows, then ReadyForQuery, and the
// session goes on.
func TestCancelWhileStreaming(t *testing.T) {
	const q = "SELECT range FROM range(1000000000000) WHERE range < 1000000 OR range % 1000000007 = 1000000006"
	for _, mode := range []string{"simple", "extended"} {
		t.Run(mode, func(t *testing.T) {
			ts := startServer(t, "", nil)
			rc := ts.raw(t)
			rc.nc.SetDeadline(time.Now().Add(60 * time.Second))
			key := rc.startupKey()
			if mode == "simple" {
				rc.send(&pgproto3.Query{String: q})
			} else {
				rc.send(&pgproto3.Parse{Query: q}, &pgproto3.Bind{}, &pgproto3.Execute{}, &pgproto3.Sync{})
			}
			time.AfterFunc(1500*time.Millisecond, func() { ts.sendCancel(t, key) })
			var rows int
			var code string
			for {
				msg, err := rc.fe.Receive()
				if err != nil {
					t.Fatalf("after %d rows, waiting for the cancel: %v", rows, err)
				}
				switch m := msg.(type) {
				case *pgproto3.DataRow:
					rows++
				case *pgproto3.ErrorResponse:
					code = m.Code
				}
				if _, ok := msg.(*pgproto3.ReadyForQuery); ok {
					break
				}
			}
			if code != "57014" || rows < 100000 || rows > 1000000 {
				t.Fatalf("after %d rows: %q, want 57014 after the quick rows", rows, code)
			}
			rc.query("SELECT 5", "D[5]")
		})
	}
}

// TestSuspendedPortalSurvivesAnotherStatement reads a portal ten rows at
// a time inside a transaction, as JDBC does with setFetchSize, and runs
// another query between two Executes (which makes the engine read the
// rest of the portal's stream into memory): the portal goes on where it
// stopped, with no error.
func TestSuspendedPortalSurvivesAnotherStatement(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.query("BEGIN", "ZT")
	rc.send(&pgproto3.Parse{Name: "s", Query: "SELECT range FROM range(10000)"}, &pgproto3.Bind{DestinationPortal: "p", PreparedStatement: "s"},
		&pgproto3.Execute{Portal: "p", MaxRows: 10}, &pgproto3.Sync{})
	first := rc.until('Z')
	if !strings.Contains(first, "D[9] PortalSuspended") || strings.Contains(first, "E(") {
		t.Fatalf("first ten rows: %s", first)
	}
	rc.query("SELECT 42", "D[42]")
	rc.send(&pgproto3.Execute{Portal: "p"}, &pgproto3.Sync{})
	rest := rc.until('Z')
	if strings.Contains(rest, "E(") || !strings.HasPrefix(rest, "D[10] D[11]") || !strings.Contains(rest, "D[9999] C(") {
		t.Fatalf("the rest of the portal: %.300s ... %s", rest, rest[max(0, len(rest)-100):])
	}
}

// TestCommitDropsOpenResultsFirst ends a transaction holding a cursor,
// then one holding a suspended portal, over a query whose rows beyond
// the first million would take hours: COMMIT closes them without reading
// them to the end. (A statement run while such a result is open does
// read it to the end: its rows must outlive the statement, as they would
// have been computed whole had the query not streamed.)
func TestCommitDropsOpenResultsFirst(t *testing.T) {
	const q = "SELECT range FROM range(1000000000000) WHERE range < 1000000 OR range % 1000000007 = 1000000006"
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.nc.SetDeadline(time.Now().Add(60 * time.Second))
	commit := func(what string) {
		start := time.Now()
		rc.send(&pgproto3.Query{String: "COMMIT"})
		if got := rc.until('Z'); !strings.Contains(got, "C(COMMIT) ZI") {
			t.Fatalf("commit with a %s open: %s", what, got)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("COMMIT with a %s open took %v", what, d)
		}
	}
	rc.query("BEGIN; DECLARE c CURSOR FOR "+q+"; FETCH 5 FROM c", "D[4] C(FETCH 5)")
	commit("cursor")
	rc.query("BEGIN", "ZT")
	rc.send(&pgproto3.Parse{Query: q}, &pgproto3.Bind{DestinationPortal: "p"}, &pgproto3.Execute{Portal: "p", MaxRows: 5}, &pgproto3.Sync{})
	if got := rc.until('Z'); !strings.Contains(got, "D[4] PortalSuspended") {
		t.Fatalf("portal: %s", got)
	}
	commit("portal")
}
