package retention

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/sqltest"
)

// openFamily opens an in-memory database, takes one connection and
// registers the family on it.
func openFamily(t testing.TB) *sql.Conn {
	t.Helper()
	_, conn := openDBFamily(t)
	return conn
}

// openDBFamily is openFamily returning the database too.
func openDBFamily(t testing.TB) (*sql.DB, *sql.Conn) {
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
	return db, conn
}

// registeredConn opens an in-memory database and one connection with the
// family registered; the caller closes them.
func registeredConn() (*sql.DB, *sql.Conn, error) { return sqltest.RegisteredConn(Family) }

// exec runs statements that return no rows.
func exec(t testing.TB, conn *sql.Conn, stmts ...string) {
	t.Helper()
	sqltest.Exec(t, conn, stmts...)
}

// strings1 runs a query with one column and returns its values as text
// (NULL as "NULL").
func strings1(t testing.TB, conn *sql.Conn, q string) []string {
	t.Helper()
	return sqltest.Column(t, conn, q)
}

// row is one row of the retention table.
type row struct {
	k, cohort, retained int64
}

func (r row) String() string { return fmt.Sprintf("{%d %d %d}", r.k, r.cohort, r.retained) }

// table runs a query returning (period_offset, cohort_users,
// retained_users, retention_rate) rows and checks on the way that each
// rate is retained/cohort, NULL when cohort is 0.
func table(t testing.TB, conn *sql.Conn, q string) []row {
	t.Helper()
	rows, err := conn.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []row
	for rows.Next() {
		var r row
		var rate sql.NullFloat64
		if err := rows.Scan(&r.k, &r.cohort, &r.retained, &rate); err != nil {
			t.Fatal(err)
		}
		switch {
		case r.cohort == 0 && rate.Valid:
			t.Errorf("%s: offset %d has no cohort but a rate %v", q, r.k, rate.Float64)
		case r.cohort > 0 && (!rate.Valid || math.Abs(rate.Float64-float64(r.retained)/float64(r.cohort)) > 1e-12):
			t.Errorf("%s: offset %d rate %v, want %d/%d", q, r.k, rate, r.retained, r.cohort)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// sameRows fails when got and want differ.
func sameRows(t testing.TB, what string, got, want []row) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s\n got %v\nwant %v", what, got, want)
	}
}
