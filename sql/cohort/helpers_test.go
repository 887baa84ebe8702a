package cohort

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/sqltest"
)

// openFamily opens an in-memory database, takes one connection and
// registers the family on it.
func openFamily(t testing.TB) *sql.Conn {
	t.Helper()
	db, conn, err := registeredConn()
	if db != nil {
		t.Cleanup(func() { db.Close() })
	}
	if conn != nil {
		t.Cleanup(func() { conn.Close() })
	}
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// registeredConn opens an in-memory database and one connection with the
// family registered; the caller closes them.
func registeredConn() (*sql.DB, *sql.Conn, error) { return sqltest.RegisteredConn(Family) }

// exec runs statements that return no rows.
func exec(t testing.TB, conn *sql.Conn, stmts ...string) {
	t.Helper()
	sqltest.Exec(t, conn, stmts...)
}

// query runs q and returns every row, each value as text (NULL as
// "NULL").
func query(t testing.TB, conn *sql.Conn, q string) [][]string {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = "NULL"
			if v.Valid {
				row[i] = v.String
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// cell is one row of the cohort table. rev is the revenue as text (""
// for the table without revenue) and cum the cumulative revenue per user.
type cell struct {
	cohort          string
	size, k, active int64
	rev             string
	cum             float64
}

func (c cell) String() string {
	if c.rev == "" {
		return fmt.Sprintf("{%s %d %d %d}", c.cohort, c.size, c.k, c.active)
	}
	return fmt.Sprintf("{%s %d %d %d %s %.4f}", c.cohort, c.size, c.k, c.active, c.rev, c.cum)
}

// noRev and withRev build expected cells.
func noRev(cohort string, size, k, active int64) cell {
	return cell{cohort: cohort, size: size, k: k, active: active}
}

func withRev(cohort string, size, k, active int64, rev string, cum float64) cell {
	return cell{cohort: cohort, size: size, k: k, active: active, rev: rev, cum: cum}
}

// cohortCells reads the rows of from, a FROM item with the cohort
// report's columns in order (5 or 7 of them), every value as text, in the
// order received. On the way it checks that retention_rate is
// active_users / cohort_size.
func cohortCells(t testing.TB, conn *sql.Conn, from string) []cell {
	t.Helper()
	q := "SELECT COLUMNS(*)::VARCHAR FROM " + from
	var out []cell
	for _, r := range query(t, conn, q) {
		if len(r) != 5 && len(r) != 7 {
			t.Fatalf("%s: %d columns, want 5 or 7", q, len(r))
		}
		var c cell
		var rate float64
		c.cohort = r[0]
		if _, err := fmt.Sscan(strings.Join(r[1:5], " "), &c.size, &c.k, &c.active, &rate); err != nil {
			t.Fatalf("%s: row %v: %v", q, r, err)
		}
		if math.Abs(rate-float64(c.active)/float64(c.size)) > 1e-12 {
			t.Errorf("%s: %v: rate %v, want %d/%d", q, r, rate, c.active, c.size)
		}
		if len(r) == 7 {
			c.rev = r[5]
			if _, err := fmt.Sscan(r[6], &c.cum); err != nil {
				t.Fatalf("%s: row %v: %v", q, r, err)
			}
		}
		out = append(out, c)
	}
	return out
}

// sameCells fails when got and want differ (cum to 4 decimals).
func sameCells(t testing.TB, what string, got, want []cell) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s\n got %v\nwant %v", what, got, want)
	}
}

// statuses is one period of the lifecycle report: users new, returning,
// resurrecting and dormant.
type statuses struct {
	period                              string
	fresh, returning, resurrecting, dor int64
}

// lifecycleRows reads the (period, status, users) rows of from, a FROM
// item, and folds each period's four rows into one, checking that every
// period has the four statuses in order.
func lifecycleRows(t testing.TB, conn *sql.Conn, from string) []statuses {
	t.Helper()
	q := "SELECT COLUMNS(*)::VARCHAR FROM " + from
	rows := query(t, conn, q)
	if len(rows)%4 != 0 {
		t.Fatalf("%s: %d rows, not four per period", q, len(rows))
	}
	order := []string{"new", "returning", "resurrecting", "dormant"}
	var out []statuses
	for i := 0; i < len(rows); i += 4 {
		s := statuses{period: rows[i][0]}
		counts := []*int64{&s.fresh, &s.returning, &s.resurrecting, &s.dor}
		for j := range 4 {
			r := rows[i+j]
			if r[0] != s.period || r[1] != order[j] {
				t.Fatalf("%s: row %d is %v, want period %s status %s", q, i+j, r, s.period, order[j])
			}
			if _, err := fmt.Sscan(r[2], counts[j]); err != nil {
				t.Fatalf("%s: %v: %v", q, r, err)
			}
		}
		out = append(out, s)
	}
	return out
}

// sameStatuses fails when got and want differ.
func sameStatuses(t testing.TB, what string, got, want []statuses) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s\n got %v\nwant %v", what, got, want)
	}
}
