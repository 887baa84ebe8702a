package datagen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// tableDDL creates the three tables, in the order they are created and
// filled.
var tableDDL = []struct{ name, ddl string }{
	{"customers", `CREATE TABLE customers(customer_id BIGINT, signup_ts TIMESTAMP, country VARCHAR, channel VARCHAR, device VARCHAR, email VARCHAR)`},
	{"events", `CREATE TABLE events(user_id BIGINT, ts TIMESTAMP, event VARCHAR, session_id BIGINT, properties VARCHAR)`},
	{"orders", `CREATE TABLE orders(order_id BIGINT, customer_id BIGINT, ts TIMESTAMP, amount DECIMAL(12,2), items INTEGER)`},
}

// ErrTableExists is returned (wrapped, naming the table) when Generate
// finds one of its tables, or a view of the same name, already there.
var ErrTableExists = errors.New("table already exists")

// checkNoTables fails with ErrTableExists if the connection's current
// schema already holds a table or view named like one of ours.
func checkNoTables(ctx context.Context, conn *sql.Conn) error {
	const q = `SELECT lower(name) FROM (
		SELECT table_name AS name, database_name AS db, schema_name AS sch FROM duckdb_tables()
		UNION ALL
		SELECT view_name, database_name, schema_name FROM duckdb_views()
	) WHERE db = current_database() AND sch = current_schema()
	  AND lower(name) IN ('customers', 'events', 'orders')
	ORDER BY 1 LIMIT 1`
	var name string
	switch err := conn.QueryRowContext(ctx, q).Scan(&name); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("datagen: looking for existing tables: %w", err)
	default:
		return fmt.Errorf("datagen: %s: %w", name, ErrTableExists)
	}
}

// createTables creates the empty tables.
func createTables(ctx context.Context, conn *sql.Conn) error {
	for _, t := range tableDDL {
		if _, err := conn.ExecContext(ctx, t.ddl); err != nil {
			return fmt.Errorf("datagen: creating table %s: %w", t.name, err)
		}
	}
	return nil
}
