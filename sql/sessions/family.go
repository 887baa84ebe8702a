package sessions

import "github.com/martdb/martdb/sql/catalog"

// Family is the sessions function family: sessionize, which numbers the
// sessions of every event row, and sessions, one row per session.
var Family = catalog.Family{
	Name:      "sessions",
	Functions: functions,
	Session:   register, // temporary macros only: nothing to share
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "sessionize",
		Kind:   catalog.Table,
		Family: "sessions",
		Signature: "sessionize(source, user, ts, gap := INTERVAL 30 MINUTE) " +
			"-> TABLE(<source columns>, session_number BIGINT, session_start <type of ts>, event_in_session BIGINT)",
		Description: "Every source row with its session: a user's new session starts when more than gap passed since their " +
			"previous event; sessions numbered from 1 per user in time order, events from 1 per session (equal timestamps share).",
		Example: "SELECT user_id, ts, event, session_number, session_start, event_in_session " +
			"FROM sessionize(events, user_id, ts) WHERE user_id = 1 ORDER BY ts;",
	},
	{
		Name:   "sessions",
		Kind:   catalog.Table,
		Family: "sessions",
		Signature: "sessions(source, user, ts, gap := INTERVAL 30 MINUTE) " +
			"-> TABLE(user, session_number BIGINT, session_start, session_end, events BIGINT, duration_seconds DOUBLE)",
		Description: "One row per session, split as sessionize does: the user, the session number, its first and last " +
			"timestamps, its number of events and the seconds between its first and last event.",
		Example: "SELECT count(*) AS sessions, round(avg(events), 2) AS events_per_session, " +
			"round(median(duration_seconds) / 60, 1) AS median_minutes FROM sessions(events, user_id, ts);",
	},
}
