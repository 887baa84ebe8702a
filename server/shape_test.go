package server

import (
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestResultShapeChangeIsRefused: attribution's columns depend on the
// value of model ('all' adds a model column). Sent as a parameter, the
// statement is described before the value is known, with three columns;
// executed with 'all' it returns four. The server must refuse that with
// PostgreSQL's 0A000 "cached plan must not change result type" rather
// than send rows the client decodes by the wrong description. With a
// model that keeps the shape, the parameter works.
func TestResultShapeChangeIsRefused(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	ctx := ctxT(t)
	if _, err := c.Exec(ctx, `CREATE TABLE tt AS SELECT * FROM (VALUES (1, TIMESTAMP '2025-01-01', 'email'), (1, TIMESTAMP '2025-01-02', 'ads')) v(u, ts, ch);
		CREATE TABLE cc AS SELECT 1 AS u, TIMESTAMP '2025-01-03' AS ts, 10.00::DECIMAL(10,2) AS v`); err != nil {
		t.Fatal(err)
	}
	const q = "SELECT * FROM attribution(tt, u, ts, ch, cc, u, ts, conv_value := v, model := $1) ORDER BY channel"
	var ch string
	var conv, value float64
	if err := c.QueryRow(ctx, q, "first_touch").Scan(&ch, &conv, &value); err != nil || ch != "ads" || conv != 0 {
		t.Errorf("model := $1 = 'first_touch': %v %q %v (want the channels with their credit, ads first with 0)", err, ch, conv)
	}
	_, err := c.Exec(ctx, q, "all")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "0A000" || pe.Message != "cached plan must not change result type" {
		t.Fatalf("model := $1 = 'all': got %v, want 0A000 cached plan must not change result type", err)
	}
	// The session goes on.
	if err := c.QueryRow(ctx, q, "linear").Scan(&ch, &conv, &value); err != nil || conv != 0.5 || value != 5 {
		t.Errorf("after the refusal, model := $1 = 'linear': %v %q %v %v", err, ch, conv, value)
	}
}
