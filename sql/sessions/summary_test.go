package sessions

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestSessionsSummary: one row per session of handEvents (see
// sessionize_test.go). User 1: session 1 is a and b (10:00 to 10:30, 1800
// s), session 2 is c, d, e (11:00:00.000001 to 11:10, 599.999999 s); user
// 2: f alone and g alone; user 3: h, i, j at one instant (0 s). The NULL
// user and NULL ts rows are left out.
func TestSessionsSummary(t *testing.T) {
	conn := handEvents(t)
	got := sqltest.Rows(t, conn, `SELECT * FROM sessions(ev, u, ts)`)
	sqltest.SameRows(t, "sessions", got, []string{
		"1|1|2025-01-01 10:00:00|2025-01-01 10:30:00|2|1800.0",
		"1|2|2025-01-01 11:00:00.000001|2025-01-01 11:10:00|3|599.999999",
		"2|1|2025-01-01 10:10:00|2025-01-01 10:10:00|1|0.0",
		"2|2|2025-01-01 10:40:00.000001|2025-01-01 10:40:00.000001|1|0.0",
		"3|1|2025-01-01 09:00:00|2025-01-01 09:00:00|3|0.0",
	})
	types := sqltest.Rows(t, conn, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM sessions(ev, u, ts))`)
	sqltest.SameRows(t, "columns", types, []string{
		"user|INTEGER", "session_number|BIGINT", "session_start|TIMESTAMP", "session_end|TIMESTAMP", "events|BIGINT", "duration_seconds|DOUBLE",
	})
	// A wider gap merges; the summary agrees with sessionize.
	got = sqltest.Rows(t, conn, `SELECT "user", session_number, events FROM sessions(ev, u, ts, gap := INTERVAL 2 HOUR)`)
	sqltest.SameRows(t, "two hours", got, []string{"1|1|5", "2|1|2", "3|1|3"})
	got = sqltest.Rows(t, conn, `SELECT count(*) FROM (
		SELECT "user", session_number, session_start, events FROM sessions(ev, u, ts, gap := INTERVAL 0 SECOND)
		EXCEPT SELECT u, session_number, session_start, count(*) FROM sessionize(ev, u, ts, gap := INTERVAL 0 SECOND)
		WHERE session_number IS NOT NULL GROUP BY ALL)`)
	sqltest.SameRows(t, "summary of sessionize", got, []string{"0"})
}
