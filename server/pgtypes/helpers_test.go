package pgtypes

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// testDB is an in-memory DuckDB for one test.
type testDB struct {
	t    *testing.T
	conn *sql.Conn
}

func openDB(t *testing.T) *testDB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		db.Close()
	})
	return &testDB{t: t, conn: conn}
}

// exec runs a statement that returns no rows.
func (db *testDB) exec(q string) {
	db.t.Helper()
	if _, err := db.conn.ExecContext(context.Background(), q); err != nil {
		db.t.Fatalf("%s: %v", q, err)
	}
}

// result is one row read the way the engine reads rows: through the
// driver, values as duckdb-go returns them, column types as the driver
// names them.
type result struct {
	types []string
	row   []any
}

// query prepares q, binds args as the engine does (driver.NamedValue by
// ordinal) and returns its first row.
func (db *testDB) query(q string, args ...any) (result, error) {
	var res result
	var qerr error
	err := db.conn.Raw(func(dc any) (err error) {
		defer func() {
			if r := recover(); r != nil {
				qerr = errors.New("duckdb-go panicked")
			}
		}()
		st, err := dc.(driver.ConnPrepareContext).PrepareContext(context.Background(), q)
		if err != nil {
			qerr = err
			return nil
		}
		defer st.Close()
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		rows, err := st.(*duckdb.Stmt).QueryContext(context.Background(), named)
		if err != nil {
			qerr = err
			return nil
		}
		defer rows.Close()
		typed := rows.(driver.RowsColumnTypeDatabaseTypeName)
		vals := make([]driver.Value, len(rows.Columns()))
		for i := range vals {
			res.types = append(res.types, typed.ColumnTypeDatabaseTypeName(i))
		}
		if err := rows.Next(vals); err != nil {
			if err == io.EOF {
				err = errors.New("no rows")
			}
			qerr = err
			return nil
		}
		for _, v := range vals {
			res.row = append(res.row, v)
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	return res, qerr
}

// mustQuery is query failing the test on error.
func (db *testDB) mustQuery(q string, args ...any) result {
	db.t.Helper()
	r, err := db.query(q, args...)
	if err != nil {
		db.t.Fatalf("%s: %v", q, err)
	}
	return r
}

// value runs SELECT expr and returns its one value and column type.
func (db *testDB) value(expr string) (any, string) {
	db.t.Helper()
	r := db.mustQuery("SELECT " + expr)
	return r.row[0], r.types[0]
}

// text runs SELECT expr::VARCHAR, DuckDB's own text of a value.
func (db *testDB) text(expr string, args ...any) string {
	db.t.Helper()
	r := db.mustQuery("SELECT ("+expr+")::VARCHAR", args...)
	s, _ := r.row[0].(string)
	return s
}
