package engine

import (
	"context"
	"fmt"
	"testing"
)

// libraryFixture is a few events and orders the library checks run on.
const libraryFixture = `
	CREATE TABLE ev AS SELECT * FROM (VALUES
		(1, TIMESTAMP '2026-01-01 10:00', 'a'), (1, TIMESTAMP '2026-01-01 10:30', 'b'),
		(2, TIMESTAMP '2026-01-01 10:00', 'a'), (2, TIMESTAMP '2026-01-01 12:00', 'b')) t(u, ts, e);
	CREATE TABLE ord AS SELECT range * range % 53 AS customer,
		TIMESTAMP '2025-01-01' + to_days((range * 37 % 365 + range * range % 11)::INTEGER) AS ts,
		(range % 17 + 5)::DOUBLE AS amount FROM range(300)`

// libraryChecks call a function of every kind the engine registers once
// per database (C aggregates, Go scalar functions), each through the
// macros a session creates, with the answer worked out by hand (user 1
// does a then b within 30 minutes, user 2 two hours apart).
var libraryChecks = []struct{ query, want string }{
	{"SELECT list(v ORDER BY u) FROM (SELECT u, window_funnel(INTERVAL 1 HOUR, ts, [e = 'a', e = 'b']) AS v FROM ev GROUP BY u)", "[2, 1]"},
	{"SELECT list(v ORDER BY u) FROM (SELECT u, sequence_match('(?1)(?t<=3600)(?2)', ts, [e = 'a', e = 'b']) AS v FROM ev GROUP BY u)", "[true, false]"},
	{"SELECT sum(v) FROM (SELECT u, sequence_count('(?1)(?2)', ts, [e = 'a', e = 'b']) AS v FROM ev GROUP BY u)", "2"},
	{"SELECT list(r ORDER BY u) FROM (SELECT u, retention([e = 'a', ts >= TIMESTAMP '2026-01-01 11:00']) AS r FROM ev GROUP BY u)", "[[1, 0], [1, 1]]"},
	{"WITH p(a, b) AS (VALUES ('x', 'y'), ('z', 'y'), ('w', NULL)) SELECT string_agg(id || '=' || customer_key, ' ' ORDER BY id) FROM unify_ids(p, a, b)", "w=w x=x y=x z=x"},
	// 27 customers: range * range % 53 takes the 26 quadratic residues mod 53 and 0.
	{"SELECT customers FROM clv_fit(ord, customer, ts, amount) WHERE r > 0 AND a > 0", "27"},
}

// runLibraryChecks runs libraryChecks on s.
func runLibraryChecks(s *Session) error {
	for _, c := range libraryChecks {
		var got string
		err := s.Exec(context.Background(), c.query, func(r *Result) error {
			for r.Next() {
				got = FormatValue(r.Values()[0], r.Columns()[0])
			}
			return r.Err()
		})
		if err != nil {
			return fmt.Errorf("%s: %w", c.query, err)
		}
		if got != c.want {
			return fmt.Errorf("%s: got %s, want %s", c.query, got, c.want)
		}
	}
	return nil
}

// TestSharedFunctionsOutliveTheFirstSession: the database-wide functions
// are registered on the first session's connection only; they go on
// working on sessions opened after it closed.
func TestSharedFunctionsOutliveTheFirstSession(t *testing.T) {
	eng, first := openTest(t, tempDB(t))
	mustExec(t, first, libraryFixture)
	first.Close()
	for range 2 {
		s, err := eng.NewSession(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if err := runLibraryChecks(s); err != nil {
			t.Error(err)
		}
		s.Close()
	}
}

// TestFirstSessionsOpenTogether: on a fresh engine, sessions opened at
// the same moment race for the once-per-database registration; every one
// must end up with the whole library.
func TestFirstSessionsOpenTogether(t *testing.T) {
	opt := Options{}
	opt.Path = tempDB(t)
	eng, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	const n = 8
	sessions := make([]*Session, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			s, err := eng.NewSession(context.Background())
			sessions[i] = s
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	mustExec(t, sessions[0], libraryFixture)
	for i, s := range sessions {
		if err := runLibraryChecks(s); err != nil {
			t.Errorf("session %d: %v", i, err)
		}
	}
}
