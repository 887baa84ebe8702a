package attribution

import "github.com/martdb/martdb/sql/catalog"

// Family is the attribution function family: the attribution table report.
var Family = catalog.Family{
	Name:      "attribution",
	Functions: functions,
	Session:   register,
	Register:  register,
}

// Models are the attribution models, in the order of the report's rows;
// the model option also accepts "all".
var Models = []string{"first_touch", "last_touch", "last_non_direct", "linear", "position_based", "time_decay"}

// Unattributed is the channel the report credits conversions without an
// eligible touch to.
const Unattributed = "(unattributed)"

var functions = []catalog.Function{
	{
		Name:   "attribution",
		Kind:   catalog.Table,
		Family: "attribution",
		Signature: "attribution(touches, user, ts, channel, conversions, conv_user, conv_ts, conv_value := NULL, " +
			"model := 'last_touch', lookback := INTERVAL 30 DAY, direct := 'direct', half_life := INTERVAL 7 DAY) " +
			"-> TABLE([model VARCHAR,] channel VARCHAR, conversions DOUBLE, value DOUBLE)",
		Description: "Multi-touch attribution: each conversion (and its value) credited to the channels of the user's touches " +
			"in the lookback window before it, by first/last touch, last non-direct, linear, position-based or time-decay, or all side by side.",
		Choices: map[string][]string{"model": append(append([]string{}, Models...), "all")},
		Example: "WITH touches AS (SELECT user_id, ts, properties->>'utm_source' AS channel FROM events " +
			"WHERE properties LIKE '%utm_source%') " +
			"SELECT * FROM attribution(touches, user_id, ts, channel, orders, customer_id, ts, conv_value := amount, model := 'all');",
	},
}
