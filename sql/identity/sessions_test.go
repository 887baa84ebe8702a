package identity_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestTwoSessions: the engine registers the library on every session; the
// aggregate lives in the database instance, so the second session finds it
// registered and both sessions (and a third opened after the first closed)
// run unify_ids.
func TestTwoSessions(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.Open(ctx, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	sessions := make([]*engine.Session, 3)
	for i := range 2 {
		if sessions[i], err = eng.NewSession(ctx); err != nil {
			t.Fatalf("session %d: %v", i+1, err)
		}
	}
	run := func(i int, want string) {
		t.Helper()
		err := sessions[i].WithConn(ctx, func(conn *sql.Conn) error {
			got := sqltest.Rows(t, conn, "SELECT string_agg(id || '>' || customer_key, ' ' ORDER BY id) FROM unify_ids(p, a, b)")
			sqltest.SameRows(t, "session result", got, []string{want})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := sessions[0].WithConn(ctx, func(conn *sql.Conn) error {
		sqltest.Exec(t, conn, "CREATE TABLE p AS SELECT * FROM (VALUES ('b', 'c'), ('c', 'a'), ('d', NULL)) t(a, b)")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	run(0, "a>a b>a c>a d>d")
	run(1, "a>a b>a c>a d>d")
	sessions[0].Close()
	if sessions[2], err = eng.NewSession(ctx); err != nil {
		t.Fatalf("session 3: %v", err)
	}
	run(2, "a>a b>a c>a d>d")
	run(1, "a>a b>a c>a d>d")
	sessions[1].Close()
	sessions[2].Close()
}
