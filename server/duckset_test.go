package server

import (
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestSharedSettingsRefused: a client (not a read-only one) may change
// DuckDB's per-connection settings and variables, but not those every
// session shares, in any syntax or protocol; the shared values stay as
// the operator set them.
func TestSharedSettingsRefused(t *testing.T) {
	ts := startServer(t, "", nil)
	c := ts.connect(t)
	watcher := ts.connect(t)
	setting := func(name string) string {
		var v string
		if err := watcher.QueryRow(ctxT(t), "SELECT value FROM duckdb_settings() WHERE name = $1", name).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := map[string]string{}
	for _, n := range []string{"memory_limit", "threads", "default_null_order", "preserve_insertion_order", "enable_external_access"} {
		before[n] = setting(n)
	}
	refused := []string{
		"SET memory_limit = '100GB'",
		"SET threads TO 1",
		"SET SESSION threads = 1",
		"SET default_null_order = 'nulls_first'",
		"SET preserve_insertion_order = false",
		"SET enable_external_access = true",
		"SET lock_configuration = true",
		"RESET memory_limit",
		"SET GLOBAL memory_limit = '100GB'",
		"SET GLOBAL search_path = 'main'",
		"PRAGMA threads = 1",
		"PRAGMA disable_checkpoint_on_shutdown",
		"SET max_memory = '100GB'",
		"SET profiling_output = '/tmp/martdb-profile.json'",
		"SET enable_profiling = 'json'",
		"SET errors_as_json = false",
		"SET streaming_buffer_size = '100GB'",
		"SET enable_progress_bar_print = true",
	}
	for _, q := range refused {
		for _, mode := range []pgx.QueryExecMode{pgx.QueryExecModeSimpleProtocol, pgx.QueryExecModeExec} {
			_, err := c.Exec(ctxT(t), q, mode)
			wantCode(t, q, err, "42501")
		}
	}
	for n, v := range before {
		if got := setting(n); got != v {
			t.Errorf("%s changed from %q to %q", n, v, got)
		}
	}
	allowed := []string{
		"SET profiling_mode = 'detailed'",
		"SET schema = 'main'",
		"SET VARIABLE campaign = 'spring'",
		"SET Calendar = 'gregorian'",
		"PRAGMA table_info('pg_class')",
	}
	for _, q := range allowed {
		if _, err := c.Exec(ctxT(t), q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	var campaign string
	if err := c.QueryRow(ctxT(t), "SELECT getvariable('campaign')").Scan(&campaign); err != nil || campaign != "spring" {
		t.Errorf("the client's variable: %q, %v", campaign, err)
	}
}
