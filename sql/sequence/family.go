package sequence

import (
	"context"
	_ "embed"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/eventagg"
)

//go:embed macros.sql
var macrosSQL string

// Family is the sequence family of martdb's SQL function library:
// sequence_match and sequence_count.
var Family = catalog.Family{
	Name: "sequence",
	Functions: []catalog.Function{
		{
			Name: "sequence_match", Kind: catalog.Aggregate, Family: "sequence",
			Signature:   "sequence_match(pattern VARCHAR, ts TIMESTAMP|TIMESTAMPTZ|DATE|BIGINT, conds BOOLEAN[]) -> BOOLEAN",
			Description: "Whether a group's events, in time order, match a pattern such as '(?1).*(?2)(?t<=3600)(?3)' (ClickHouse sequenceMatch).",
			Example: "SELECT sequence_match('(?1).*(?2)', ts, [event = 'add_to_cart', event = 'purchase']) AS bought_after_cart, count(*) AS users " +
				"FROM events GROUP BY user_id ORDER BY 1;",
		},
		{
			Name: "sequence_count", Kind: catalog.Aggregate, Family: "sequence",
			Signature:   "sequence_count(pattern VARCHAR, ts TIMESTAMP|TIMESTAMPTZ|DATE|BIGINT, conds BOOLEAN[]) -> BIGINT",
			Description: "How many non-overlapping times a group's events match a pattern (ClickHouse sequenceCount).",
			Example: "SELECT user_id, sequence_count('(?1)(?t<=1800)(?2)', ts, [event = 'add_to_cart', event = 'checkout']) AS quick_checkouts " +
				"FROM events GROUP BY user_id ORDER BY quick_checkouts DESC LIMIT 5;",
		},
	},
	Shared:   registerShared,
	Session:  registerSession,
	Register: register,
}

// register makes the whole family callable on one connection: the
// pattern interning function and the two aggregates, then the macros that
// join them.
func register(ctx context.Context, conn catalog.Conn) error {
	if err := registerShared(ctx, conn); err != nil {
		return err
	}
	return registerSession(ctx, conn)
}

// registerShared registers the pattern interning function and the two
// aggregates, which DuckDB keeps in the database instance's catalog for
// every connection of it.
func registerShared(ctx context.Context, conn catalog.Conn) error {
	if err := duckdb.RegisterScalarUDF(conn.SQL, patternUDFName, patternUDF{}); err != nil {
		return err
	}
	for _, spec := range []eventagg.Spec{matchSpec, countSpec} {
		if err := eventagg.Register(ctx, conn.SQL, conn.Handle, spec); err != nil {
			return err
		}
	}
	return nil
}

// registerSession creates the temporary macros on conn.
func registerSession(ctx context.Context, conn catalog.Conn) error {
	return catalog.ExecScript(ctx, conn.SQL, "sequence", macrosSQL)
}
