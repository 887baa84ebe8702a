package sessions

import (
	"context"
	"github.com/martdb/martdb/sql/sqltest"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
)

// TestDemoShopSessions: the demo shop's generator writes session_id itself
// and promises (benchmarks/datagen/doc.go) that a customer's sessions are
// at least 45 minutes apart and the events of a session less than 20
// minutes apart, so a 30-minute sessionization must find its sessions
// exactly. For every event, session_number, session_start and
// event_in_session are compared with the same columns computed from
// session_id in plain SQL (session ids grow with time for each customer,
// so the k-th session_id of a customer is session k); and sessions() is
// compared with a GROUP BY session_id.
func TestDemoShopSessions(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 1, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	// The premise: the gaps the generator promises.
	got := sqltest.Rows(t, conn, `WITH g AS (
			SELECT session_id, lag(session_id) OVER w AS prev_session, ts - lag(ts) OVER w AS pause
			FROM events WINDOW w AS (PARTITION BY user_id ORDER BY ts))
		SELECT max(pause) FILTER (WHERE session_id = prev_session) < INTERVAL 20 MINUTE,
		       min(pause) FILTER (WHERE session_id <> prev_session) >= INTERVAL 45 MINUTE FROM g`)
	sqltest.SameRows(t, "generator gaps", got, []string{"true|true"})

	plain := `SELECT user_id, ts, event, session_id, properties,
			dense_rank() OVER (PARTITION BY user_id ORDER BY session_id) AS session_number,
			min(ts) OVER (PARTITION BY session_id) AS session_start,
			rank() OVER (PARTITION BY session_id ORDER BY ts) AS event_in_session
		FROM events`
	mine := `SELECT * FROM sessionize(events, user_id, ts)`
	diff := sqltest.Int(t, conn, `SELECT (SELECT count(*) FROM (`+mine+` EXCEPT ALL `+plain+`))
		+ (SELECT count(*) FROM (`+plain+` EXCEPT ALL `+mine+`))`)
	if diff != 0 {
		t.Errorf("%d event rows differ from the generator's sessions", diff)
	}
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM (`+mine+`)`); n != sqltest.Int(t, conn, `SELECT count(*) FROM events`) || n < 50000 {
		t.Errorf("sessionize returned %d rows", n)
	}

	plainSummary := `SELECT user_id, dense_rank() OVER (PARTITION BY user_id ORDER BY session_id), min(ts), max(ts), count(*),
			epoch(max(ts) - min(ts))::DOUBLE
		FROM events GROUP BY user_id, session_id`
	mineSummary := `SELECT * FROM sessions(events, user_id, ts)`
	diff = sqltest.Int(t, conn, `SELECT (SELECT count(*) FROM (`+mineSummary+` EXCEPT ALL `+plainSummary+`))
		+ (SELECT count(*) FROM (`+plainSummary+` EXCEPT ALL `+mineSummary+`))`)
	if diff != 0 {
		t.Errorf("%d session rows differ from the generator's sessions", diff)
	}
	if n, want := sqltest.Int(t, conn, `SELECT count(*) FROM (`+mineSummary+`)`), sqltest.Int(t, conn, `SELECT count(DISTINCT session_id) FROM events`); n != want {
		t.Errorf("sessions() has %d rows, the shop %d sessions", n, want)
	}
	// A 60-minute gap must merge some of them (sessions 45 to 60 minutes
	// apart), so the comparison above is not trivially satisfied.
	if merged := sqltest.Int(t, conn, `SELECT (SELECT count(DISTINCT session_id) FROM events) - (SELECT count(*) FROM sessions(events, user_id, ts, gap := INTERVAL 60 MINUTE))`); merged <= 0 {
		t.Errorf("a 60-minute gap merged %d sessions, want some", merged)
	}
}
