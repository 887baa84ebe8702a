package pgcatalog

// Where the emulated PostgreSQL catalog lives. DuckDB reserves the schema
// names pg_catalog and information_schema in every database, so the
// emulation is an in-memory database attached once per DuckDB instance,
// holding two schemas under other names. Each wire session puts
// PgCatalogSchema on its search_path after the user's schema (first would
// make it the default schema for CREATE), and the dialect rewriter
// (sql/pgdialect) turns the qualified names clients write,
// pg_catalog.pg_class and information_schema.tables, into these.
const (
	// Database is the attached in-memory database holding the emulation.
	Database = "__martdb_pg"
	// PgCatalogSchema holds the pg_catalog relations and functions.
	PgCatalogSchema = "pgcatalog"
	// InfoSchema holds the information_schema views.
	InfoSchema = "infoschema"
)
