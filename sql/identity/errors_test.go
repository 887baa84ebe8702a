package identity

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestErrors: bad input fails with a message naming what is wrong.
func TestErrors(t *testing.T) {
	conn := open(t)
	load(t, conn, "p", []pair{{s("a"), s("b")}})
	for _, c := range []struct {
		q     string
		parts []string
	}{
		{"SELECT * FROM unify_ids(p, a, phone)", []string{`column "phone" not found`}},
		{"SELECT * FROM unify_ids(p, email, b)", []string{`column "email" not found`}},
		{"SELECT * FROM unify_ids(nowhere, a, b)", []string{"nowhere does not exist"}},
		{"SELECT * FROM unify_ids(p, a)", []string{"unify_ids(source, id_a, id_b)"}},
		{"SELECT * FROM unify_ids(p, a, b, c)", []string{"unify_ids(source, id_a, id_b)"}},
	} {
		sqltest.WantError(t, conn, c.q, c.parts...)
	}
}

// TestMixedTypes: the columns need not share a type, both are compared
// as VARCHAR (a constant side links every row's other id together).
func TestMixedTypes(t *testing.T) {
	conn := open(t)
	load(t, conn, "p", []pair{{s("a"), s("b")}, {s("c"), nil}})
	sqltest.SameRows(t, "VARCHAR with an INTEGER constant",
		sqltest.Rows(t, conn, "SELECT * FROM unify_ids(p, a, 42) ORDER BY id"),
		[]string{"42|42", "a|42", "c|42"})
	sqltest.SameRows(t, "DATE with BOOLEAN",
		sqltest.Rows(t, conn, "SELECT * FROM unify_ids(p, DATE '2025-01-02', a = 'c') ORDER BY id"),
		[]string{"2025-01-02|2025-01-02", "false|2025-01-02", "true|2025-01-02"})
}
