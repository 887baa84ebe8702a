package pgcatalog

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Setup prepares one session on an instance where Install ran: the
// search path becomes the user's main schema followed by the emulation's
// pg_catalog (never first: the first entry is where CREATE puts new
// tables), and the session records userDB, the DuckDB name of the user's
// database, which the catalog shows as current_database() and whose
// objects it lists.
func Setup(ctx context.Context, conn *sql.Conn, userDB string) error {
	if userDB == "" {
		return fmt.Errorf("pgcatalog.Setup: no database name")
	}
	path := quoteIdent(userDB) + ".main," + Database + "." + PgCatalogSchema
	for _, stmt := range []string{
		"SET search_path = " + quoteLiteral(path),
		"SET VARIABLE " + DatabaseVariable + " = " + quoteLiteral(userDB),
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("pgcatalog.Setup(%q): %w", userDB, err)
		}
	}
	return nil
}

// SetUser records the role the session logged in as: current_user,
// pg_roles and the owner of every object show it. Without it the role is
// DefaultUser.
func SetUser(ctx context.Context, conn *sql.Conn, user string) error {
	if user == "" {
		return fmt.Errorf("pgcatalog.SetUser: no user name")
	}
	if _, err := conn.ExecContext(ctx, "SET VARIABLE "+UserVariable+" = "+quoteLiteral(user)); err != nil {
		return fmt.Errorf("pgcatalog.SetUser(%q): %w", user, err)
	}
	return nil
}

// SetSetting records a PostgreSQL setting the session changed (SET name =
// value, or a startup parameter such as application_name), so that
// pg_settings, current_setting and SHOW report it. Names are
// case-insensitive, as in PostgreSQL. The wire server decides which
// settings it accepts; this only records them.
func SetSetting(ctx context.Context, conn *sql.Conn, name, value string) error {
	if name == "" {
		return fmt.Errorf("pgcatalog.SetSetting: no setting name")
	}
	const mapType = "MAP(VARCHAR, VARCHAR)"
	stmt := fmt.Sprintf("SET VARIABLE %s = map_concat(coalesce(getvariable('%s')::%s, MAP {}::%s), MAP {%s: %s})",
		SettingsVariable, SettingsVariable, mapType, mapType, quoteLiteral(strings.ToLower(name)), quoteLiteral(value))
	if _, err := conn.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("pgcatalog.SetSetting(%q): %w", name, err)
	}
	return nil
}

// SetDatabaseName records the name clients know the database by, which
// pg_database and current_database() show.
func SetDatabaseName(ctx context.Context, conn *sql.Conn, name string) error {
	if name == "" {
		return fmt.Errorf("pgcatalog.SetDatabaseName: no name")
	}
	if _, err := conn.ExecContext(ctx, "SET VARIABLE "+DatabaseNameVariable+" = "+quoteLiteral(name)); err != nil {
		return fmt.Errorf("pgcatalog.SetDatabaseName(%q): %w", name, err)
	}
	return nil
}
