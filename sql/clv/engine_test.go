package clv_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/martdb/martdb/engine"
)

// TestEngineSessions: sessions of one engine (each registering the whole
// library, clv's Go functions included) run clv at the same time and
// agree.
func TestEngineSessions(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.Open(ctx, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	first, err := eng.NewSession(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := first.Exec(ctx, `CREATE TABLE buys AS SELECT (i % 300)::VARCHAR AS c,
		DATE '2025-01-01' + (((i * 2654435761) % 1000003) % 200)::INTEGER AS d,
		10 + (i * 7) % 13 AS amount FROM range(2000) t(i) WHERE i < 300 OR (i * 2654435761) % 1000003 % 5 <> 0`, func(*engine.Result) error { return nil }); err != nil {
		t.Fatal(err)
	}
	const n = 4
	out := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			s, err := eng.NewSession(ctx)
			if err != nil {
				t.Error(err)
				return
			}
			defer s.Close()
			err = s.Exec(ctx, `SELECT count(*), round(sum(clv), 6), round(sum(p_alive), 6) FROM clv(buys, c, d, amount)`, func(r *engine.Result) error {
				for r.Next() {
					out[i] = fmt.Sprint(r.Values())
				}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i := range out {
		if out[i] == "" || out[i] != out[0] {
			t.Errorf("session %d: %q, session 0: %q", i, out[i], out[0])
		}
	}
	t.Log(out[0])
}
