package rfm

import (
	"context"
	"database/sql"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/storage"
)

// registeredConn opens an in-memory database and one connection with the
// family registered; the caller closes them.
func registeredConn() (*sql.DB, *sql.Conn, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, nil, err
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		return db, nil, err
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		return db, conn, err
	}
	return db, conn, Family.Register(context.Background(), catalog.Conn{SQL: conn, Handle: raw.Handle()})
}
