package funnel

import (
	"context"
	_ "embed"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/eventagg"
)

//go:embed report.sql
var reportSQL string

// Family is the funnel family of martdb's SQL function library:
// window_funnel and the funnel report.
var Family = catalog.Family{
	Name: "funnel",
	Functions: []catalog.Function{
		{
			Name: "window_funnel", Kind: catalog.Aggregate, Family: "funnel",
			Signature:   "window_funnel(window INTERVAL|BIGINT, ts TIMESTAMP|TIMESTAMPTZ|DATE|BIGINT, conds BOOLEAN[] [, mode VARCHAR]) -> INTEGER",
			Description: "How far each group got through ordered steps within a window after step 1 (ClickHouse windowFunnel).",
			Example: "SELECT level, count(*) AS users FROM (SELECT user_id, window_funnel(INTERVAL 1 DAY, ts, " +
				"[event = 'product_view', event = 'add_to_cart', event = 'purchase']) AS level FROM events GROUP BY user_id) GROUP BY level ORDER BY level;",
		},
		{
			Name: "funnel", Kind: catalog.Table, Family: "funnel",
			Signature: "funnel(source, user, ts, steps BOOLEAN[], conversion_window := INTERVAL 14 DAY, mode := '', breakdown := NULL) " +
				"-> TABLE(breakdown, step, users, conversion_rate, step_conversion_rate, dropped_off, median_seconds_from_previous, avg_seconds_from_previous)",
			Description: "Conversion funnel report: users at each ordered step, conversion rates, drop-off and time between steps.",
			Choices:     map[string][]string{"mode": ModeNames()},
			Example: "SELECT * FROM funnel(events, user_id, ts, [event = 'page_view', event = 'add_to_cart', event = 'checkout', event = 'purchase'], " +
				"conversion_window := INTERVAL 1 DAY);",
		},
	},
	Shared:   registerShared,
	Session:  registerSession,
	Register: register,
}

// register makes the whole family callable on one connection: the two
// aggregates, then the report's macros, which use them.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the two aggregates, which DuckDB keeps in the
// database instance's catalog for every connection of it.
func registerShared(ctx context.Context, conn catalog.Conn) error {
	for _, spec := range []eventagg.Spec{windowFunnelSpec, pathSpec} {
		if err := eventagg.Register(ctx, conn.SQL, conn.Handle, spec); err != nil {
			return err
		}
	}
	return nil
}

// registerSession creates the report's temporary macros on conn.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "funnel", reportSQL)
}
