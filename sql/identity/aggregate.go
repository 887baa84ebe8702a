package identity

/*
#include <stdlib.h>
#include "collect.h"
*/
import "C"

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"unsafe"
)

// aggregateName is the aggregate behind unify_ids:
// _martdb_unify(id_a VARCHAR, id_b VARCHAR) -> STRUCT(id VARCHAR,
// customer_key VARCHAR)[], one element per distinct identifier of the
// group's pairs.
const aggregateName = "_martdb_unify"

// cName is aggregateName in C memory, kept for the life of the process:
// DuckDB holds on to it.
var cName = C.CString(aggregateName)

// registerAggregate registers the aggregate on a DuckDB connection (conn
// its database/sql handle, handle its C duckdb_connection). DuckDB keeps
// C-API aggregates in the database instance's catalog and refuses to
// register one twice, so when it is already there (another session of the
// same database registered it) it is left as it is: both call the same C
// and Go code.
func registerAggregate(ctx context.Context, conn *sql.Conn, handle unsafe.Pointer) error {
	if handle == nil {
		return errors.New("identity: no connection handle")
	}
	if C.mu_register(C.duckdb_connection(handle), cName) != 0 {
		return nil
	}
	var n int
	err := conn.QueryRowContext(ctx,
		"SELECT count(*) FROM duckdb_functions() WHERE function_name = ? AND function_type = 'aggregate'", aggregateName).Scan(&n)
	if err == nil && n > 0 {
		return nil
	}
	return fmt.Errorf("identity: registering %s failed", aggregateName)
}
