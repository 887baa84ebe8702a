package basket

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestErrors: every bad option fails with a message naming basket_rules,
// the argument and what was expected, on an empty source too.
func TestErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	sqltest.Exec(t, conn,
		`CREATE TABLE l AS SELECT * FROM (VALUES (1, 'a'), (1, 'b'), (2, 'a')) v(o, i)`,
		`CREATE TABLE empty AS SELECT * FROM l WHERE false`)
	bad := []string{"0", "-0.1", "1.0001", "2", "NULL", "'often'", "true", "'nan'::DOUBLE", "'inf'::DOUBLE"}
	for _, source := range []string{"l", "empty"} {
		for _, v := range bad {
			sqltest.WantError(t, conn, `SELECT * FROM basket_rules(`+source+`, o, i, min_support := `+v+`)`,
				"basket_rules: min_support: expected a number greater than 0 and at most 1, got")
			sqltest.WantError(t, conn, `SELECT * FROM basket_rules(`+source+`, o, i, min_confidence := `+v+`)`,
				"basket_rules: min_confidence: expected a number greater than 0 and at most 1, got")
		}
		for _, v := range []string{"1", "5", "0", "-2", "2.5", "NULL", "'long'", "true"} {
			sqltest.WantError(t, conn, `SELECT * FROM basket_rules(`+source+`, o, i, max_len := `+v+`)`,
				"basket_rules: max_len: expected a whole number from 2 to 4, got")
		}
	}
	sqltest.WantError(t, conn, `SELECT * FROM basket_rules(l, o, i, max_len := 7)`, "got 7")
	sqltest.WantError(t, conn, `SELECT * FROM basket_rules(l, o, i, min_support := 0)`, "got 0")
	// The limits themselves are fine, as are numbers written otherwise.
	for _, opts := range []string{"min_support := 1", "min_confidence := 1", "min_support := 1e-9", "max_len := 4",
		"max_len := 2.0", "max_len := '3'", "min_support := '0.5'", "min_support := 0.5::FLOAT"} {
		sqltest.Rows(t, conn, `SELECT * FROM basket_rules(l, o, i, `+opts+`)`)
	}
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM basket_rules(empty, o, i)`); n != 0 {
		t.Errorf("%d rules on an empty source", n)
	}
	// Nothing but NULLs: no transactions, no rules (and no division by 0).
	if n := sqltest.Int(t, conn, `SELECT count(*) FROM basket_rules(l, NULL::INTEGER, i)`); n != 0 {
		t.Errorf("%d rules without orders", n)
	}
}
