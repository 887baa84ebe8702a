package paths

import "github.com/martdb/martdb/sql/catalog"

// Family is the paths function family: paths, the most common event
// sequences of sessions; next_steps, the events that follow a sequence;
// and sequence_next_node, ClickHouse's sequenceNextNode.
var Family = catalog.Family{
	Name:      "paths",
	Functions: functions,
	Session:   register,
	Register:  register,
}

var functions = []catalog.Function{
	{
		Name:   "paths",
		Kind:   catalog.Table,
		Family: "paths",
		Signature: "paths(source, user, ts, event, start := NULL, end_event := NULL, max_steps := 5, " +
			"session_gap := INTERVAL 30 MINUTE, collapse := true) " +
			"-> TABLE(path VARCHAR[], steps INTEGER, sessions BIGINT, users BIGINT, share DOUBLE)",
		Description: "The most common event paths of sessions (split as sessions does): from the session's start or the first " +
			"start event, or up to the first end_event, at most max_steps events, repeats collapsed; counts and share of sessions.",
		Example: "SELECT * FROM paths(events, user_id, ts, event, start := 'page_view', max_steps := 4) LIMIT 10;",
	},
	{
		Name:   "next_steps",
		Kind:   catalog.Table,
		Family: "paths",
		Signature: "next_steps(source, user, ts, event, after, session_gap := INTERVAL 30 MINUTE, collapse := true) " +
			"-> TABLE(next_event VARCHAR, sessions BIGINT, users BIGINT, share DOUBLE)",
		Description: "Where sessions go next: for each session containing the events after (a name or a list, consecutive, " +
			"repeats collapsed), the event after its first occurrence (NULL: the session ended); counts and share.",
		Example: "SELECT * FROM next_steps(events, user_id, ts, event, after := ['page_view', 'product_view']);",
	},
	{
		Name:   "sequence_next_node",
		Kind:   catalog.Aggregate,
		Family: "paths",
		Signature: "sequence_next_node(direction VARCHAR, base VARCHAR, ts, event, base_condition BOOLEAN, events BOOLEAN[]) " +
			"-> <type of event>",
		Description: "ClickHouse's sequenceNextNode: the event after (forward) or before (backward) a chain of consecutive events " +
			"matching events[1], events[2], ... from the base point (head, tail, first_match, last_match); NULL when none.",
		Example: "SELECT next_event, count(*) AS users FROM (SELECT user_id, sequence_next_node('forward', 'first_match', ts, event, true, " +
			"[event = 'product_view', event = 'add_to_cart']) AS next_event FROM events GROUP BY user_id) " +
			"WHERE next_event IS NOT NULL GROUP BY next_event ORDER BY users DESC;",
	},
}
