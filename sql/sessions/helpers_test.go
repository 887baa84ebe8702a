package sessions

import (
	"database/sql"
	"github.com/martdb/martdb/sql/sqltest"

	_ "github.com/duckdb/duckdb-go/v2"
)

// registeredConn opens an in-memory database and one connection with the
// family registered; the caller closes them.
func registeredConn() (*sql.DB, *sql.Conn, error) { return sqltest.RegisteredConn(Family) }
