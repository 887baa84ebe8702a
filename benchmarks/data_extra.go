package main

import (
	"context"
	"database/sql"
	"fmt"
)

// dataVersion names the cached files: it changes whenever what
// ensureData writes changes, so that a run never reads an older cache.
const dataVersion = "v2"

// addExtraTables writes the inputs of the customer-value and identity
// questions next to the shop, sized from it, with the same seed on every
// run (hash() of the row number is the randomness):
//
//   - clv_orders: the shop's orders, copied as often as it takes to
//     reach as many buyers as the shop has customers (9 copies, 1.03M
//     buyers at 10M events); copy k has its customer ids offset by k * 1e9
//     and its timestamps moved k days earlier, so the copies' histories
//     end at different distances from the calibration end;
//   - id_pairs: one (email, phone) pair per shop event (10M at 10M
//     events), shaped like orders: person k places four, with two emails
//     and one phone, and one pair in a hundred carries another person's
//     phone, which merges groups (7.5M identifiers at 10M pairs).
func addExtraTables(ctx context.Context, conn *sql.Conn, customers, events int64) error {
	persons := max(events/4, 1)
	stmts := []string{
		fmt.Sprintf(`CREATE TABLE clv_orders AS
			WITH copies AS (
			    SELECT range AS k FROM range((SELECT greatest(1, ceil(%d / count(DISTINCT customer_id)))::BIGINT FROM orders)))
			SELECT o.customer_id + k * 1000000000 AS customer_id, o.ts - to_days(k::INTEGER) AS ts, o.amount
			FROM orders o, copies`, customers),
		fmt.Sprintf(`CREATE TABLE id_pairs AS
			SELECT 'e' || (i // 4) || '_' || (i %% 2) AS email,
			       'p' || CASE WHEN i %% 100 = 0 THEN (i * 31) %% %d ELSE i // 4 END AS phone
			FROM range(%d) t(i)`, persons, events),
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("benchmark tables: %w", err)
		}
	}
	return nil
}
