package server

import (
	"context"
	"database/sql"
	"strings"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgdialect"
)

// DuckDB's own settings (as opposed to the PostgreSQL parameters the
// server keeps per connection, settings.go) are of two kinds. Most belong
// to the database instance: memory_limit, threads, temp_directory,
// enable_external_access, default_null_order, preserve_insertion_order...
// A change to one reaches every session of the server, so a client could
// lift the operator's memory limit, widen file access or change how
// everyone's queries sort. Like PostgreSQL, which lets only superusers
// change server-wide parameters, the server refuses them all with 42501;
// the operator sets them when starting the server.
//
// Of the few DuckDB keeps per connection (scope LOCAL), clients may change
// only those that cannot reach past their own session: the search path,
// the profiling detail and a few tuning knobs (clientSettings). The rest
// are refused too: profile_output and the other file-naming settings
// write the server's files; enable_profiling and the progress bar's
// printing write to the server's terminal; errors_as_json,
// enable_progress_bar and streaming_buffer_size are what the engine's
// SQLSTATEs, its progress reports and its bounded memory for streamed
// results rest on. Read-only users may change none. DuckDB's connection
// variables (SET VARIABLE) stay every client's own.

// clientSettings are the DuckDB settings clients may change, where DuckDB
// keeps them per connection. Calendar, ICU's, is an extension option,
// which DuckDB lists with scope GLOBAL but sets for the connection.
var clientSettings = map[string]bool{
	"search_path": true, "schema": true, "enable_caching_operators": true, "progress_bar_time": true,
	"profiling_mode": true, "profiling_coverage": true, "custom_profiling_settings": true,
}

// extensionSettings are client settings DuckDB does not list as LOCAL.
var extensionSettings = []string{"calendar"}

// loadClientSettings reads which of clientSettings DuckDB keeps per
// connection (all, in the pinned version; a later DuckDB that made one
// database-wide would make it refused).
func loadClientSettings(ctx context.Context, c *sql.Conn) (map[string]bool, error) {
	rows, err := c.QueryContext(ctx, "SELECT lower(name) FROM duckdb_settings() WHERE scope = 'LOCAL'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	local := map[string]bool{}
	for _, n := range extensionSettings {
		local[n] = true
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		if clientSettings[n] {
			local[n] = true
		}
	}
	return local, rows.Err()
}

// checkDuckSetting refuses a change to the DuckDB setting name unless
// clients may change it (a read-only user: none).
func (c *conn) checkDuckSetting(name string, global bool) error {
	if c.readOnlyUser {
		return errReadOnlySetting(c)
	}
	if global || !c.srv.settable[strings.ToLower(name)] {
		return errSharedSetting(name)
	}
	return nil
}

// checkDuckSettingSQL applies checkDuckSetting to a statement that
// changes a setting in DuckDB's own syntax (SET GLOBAL, PRAGMA x = v).
func (c *conn) checkDuckSettingSQL(sql string) error {
	ch, ok := pgdialect.DuckSettingChange(sql)
	switch {
	case !ok:
		if c.readOnlyUser {
			return errReadOnlySetting(c)
		}
		return engine.Errorf(engine.CodeInsufficientPrivilege, "permission denied: cannot tell which setting this statement changes")
	case ch.Variable:
		return nil
	}
	return c.checkDuckSetting(ch.Name, ch.Global)
}

// sharedPragmas are DuckDB's pragmas that change the database instance's
// configuration rather than the connection's.
var sharedPragmas = map[string]bool{
	"disable_checkpoint_on_shutdown": true, "enable_checkpoint_on_shutdown": true,
	"disable_object_cache": true, "enable_object_cache": true, "add_parquet_key": true,
}

// checkPragma refuses the pragmas that change what every session shares.
func (c *conn) checkPragma(sql string) error {
	if name := pgdialect.PragmaName(sql); sharedPragmas[name] {
		return engine.Errorf(engine.CodeInsufficientPrivilege, "permission denied to run PRAGMA %s: it changes the configuration every session of the server shares", name)
	}
	return nil
}

// errSharedSetting is PostgreSQL's refusal of a parameter the role may
// not set, explained.
func errSharedSetting(name string) error {
	return &engine.Error{
		Code:    engine.CodeInsufficientPrivilege,
		Message: "permission denied to set parameter \"" + name + "\"",
		Detail:  "DuckDB's " + name + " is the server's: it is shared by every session, or reaches the server's files, terminal or limits",
		Hint:    "the operator sets such settings when starting the server (martdb serve --memory-limit), or in the martdb shell on the database file",
	}
}
