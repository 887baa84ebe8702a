package pgcatalog

import (
	"context"
	"database/sql"
	"fmt"
)

// UseActivityTable makes pg_stat_activity list the sessions a table
// function reports instead of the calling session alone. fn is the name
// of a table function (registered on conn's DuckDB instance) with the
// columns pid INTEGER, usename, application_name, client_addr VARCHAR,
// client_port INTEGER, backend_start, xact_start, query_start,
// state_change TIMESTAMPTZ, state, query VARCHAR. The wire server, which
// knows every session, registers one; the emulation is shared by the
// instance, so this holds for every session of it.
func UseActivityTable(ctx context.Context, conn *sql.Conn, fn string) error {
	installMu.Lock()
	defer installMu.Unlock()
	pgc := Database + "." + PgCatalogSchema
	q := "CREATE OR REPLACE MACRO " + pgc + "._martdb_activity() AS TABLE " +
		"SELECT pid, usename, application_name, client_addr, client_port, backend_start, " +
		"xact_start, query_start, state_change, state, query FROM " + quoteIdent(fn) + "()"
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("pgcatalog.UseActivityTable(%q): %w", fn, err)
	}
	return nil
}
