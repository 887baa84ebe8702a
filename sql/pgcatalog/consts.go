package pgcatalog

// The PostgreSQL version the emulation claims. The wire server reports the
// same values in its ParameterStatus messages.
const (
	// ServerVersion is the server_version setting.
	ServerVersion = "15.0"
	// ServerVersionNum is the server_version_num setting.
	ServerVersionNum = "150000"
)

// Schema names as PostgreSQL clients see them.
const (
	// PgCatalog is PostgreSQL's system catalog schema.
	PgCatalog = "pg_catalog"
	// InformationSchema is the SQL-standard catalog schema.
	InformationSchema = "information_schema"
	// Public is what the user's DuckDB schema "main" is called.
	Public = "public"
)

// Session variables (DuckDB SET VARIABLE) the emulation reads. Setup and
// SetSetting write them; nothing else should.
const (
	// DatabaseVariable holds the DuckDB name of the user's database.
	DatabaseVariable = "martdb_pg_database"
	// DatabaseNameVariable holds the name clients connected with, when it
	// differs from the DuckDB name (the wire server serves shop.db as
	// "shop", an in-memory database under its configured name).
	DatabaseNameVariable = "martdb_pg_dbname"
	// UserVariable holds the role name the session logged in as.
	UserVariable = "martdb_pg_user"
	// SettingsVariable holds a MAP(VARCHAR, VARCHAR) of the session's
	// PostgreSQL settings that differ from their defaults.
	SettingsVariable = "martdb_pg_settings"
)

// DefaultUser is the role name used when Setup is not told one.
const DefaultUser = "martdb"

// Helper macros in PgCatalogSchema that the dialect rewriter calls in
// place of PostgreSQL's object identifier casts. Each takes a name (text,
// optionally schema-qualified and double-quoted) or a number (an OID,
// passed through) and returns the OID, or NULL when nothing has that name.
// The *Text variants turn an OID back into the text PostgreSQL prints for
// x::regclass::text and the like.
const (
	RegclassFunc         = "_martdb_regclass"
	RegtypeFunc          = "_martdb_regtype"
	RegprocFunc          = "_martdb_regproc"
	RegnamespaceFunc     = "_martdb_regnamespace"
	RegroleFunc          = "_martdb_regrole"
	RegclassTextFunc     = "_martdb_regclass_text"
	RegtypeTextFunc      = "_martdb_regtype_text"
	RegprocTextFunc      = "_martdb_regproc_text"
	RegnamespaceTextFunc = "_martdb_regnamespace_text"
	RegroleTextFunc      = "_martdb_regrole_text"
)

// Helper macros in PgCatalogSchema that read the text of an int2vector or
// oidvector column ("1 2", as PostgreSQL prints one) into a list
// (SMALLINT[] or UINTEGER[]); a list's own text ("[1, 2]") reads too.
const (
	Int2vectorFunc = "_martdb_int2vector"
	OidvectorFunc  = "_martdb_oidvector"
)

// OIDs. PostgreSQL reserves OIDs below FirstNormalObjectID for objects
// created by initdb; the emulation uses PostgreSQL's own numbers for those
// (types from sql/pgoid, catalog relations, built-in functions, the
// schemas below) and numbers the user's objects from FirstNormalObjectID
// up, so the two never collide:
//
//   - schemas, tables, views, sequences and indexes of the user's database:
//     FirstNormalObjectID + the object's DuckDB oid (DuckDB numbers every
//     catalog entry of an instance from one counter, so these are unique);
//     the schema main is public, OID PublicOID;
//   - objects DuckDB keeps inside a table without an oid of their own
//     (constraints, the indexes behind PRIMARY KEY and UNIQUE, column
//     defaults): SyntheticBase + (table's DuckDB oid mod 2^20) * 1024 +
//     slot, where the slot is the constraint's position in the table (0 to
//     255), 256 + that position for its index, or 512 + the column number
//     for a default;
//   - martdb's own functions in pg_proc: FunctionBase + their rank by name
//     and signature.
//
// All OIDs stay below 2^31, so clients reading them as signed 32-bit
// integers are safe. Every OID column is a DuckDB UINTEGER (PostgreSQL's
// oid is an unsigned 32-bit integer), which the wire server sends as int8.
const (
	FirstNormalObjectID = 16384
	SyntheticBase       = 1 << 30
	FunctionBase        = 1 << 29

	PgCatalogOID         = 11
	PublicOID            = 2200
	InformationSchemaOID = 13207 // PostgreSQL 15's value after initdb
	RoleOID              = 10    // the bootstrap superuser
)
