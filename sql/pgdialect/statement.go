package pgdialect

// Kind is what a statement is, for the server.
type Kind int

// The kinds of statements. Query goes to DuckDB; the others the server
// handles itself.
const (
	Query          Kind = iota // run SQL on DuckDB
	Empty                      // nothing but comments
	Begin                      // BEGIN, START TRANSACTION
	Commit                     // COMMIT, END
	Rollback                   // ROLLBACK, ABORT
	Savepoint                  // SAVEPOINT name
	Release                    // RELEASE [SAVEPOINT] name
	RollbackTo                 // ROLLBACK TO [SAVEPOINT] name
	SetTransaction             // SET TRANSACTION ..., SET SESSION CHARACTERISTICS AS TRANSACTION ...
	Set                        // SET name = value
	Reset                      // RESET name, RESET ALL
	Show                       // SHOW name, SHOW ALL
	Discard                    // DISCARD ALL (and PLANS, SEQUENCES, TEMP)
	Deallocate                 // DEALLOCATE [PREPARE] name | ALL
	DeclareCursor              // DECLARE name CURSOR FOR query
	Fetch                      // FETCH
	Move                       // MOVE
	CloseCursor                // CLOSE name | ALL
	Copy                       // COPY
	Listen                     // LISTEN
	Notify                     // NOTIFY
	Unlisten                   // UNLISTEN
)

// Statement is one translated statement.
type Statement struct {
	Kind Kind
	// SQL is the text DuckDB runs: for Query the statement, rewritten
	// (the original bytes when nothing needed changing); for
	// DeclareCursor the cursor's query, rewritten.
	SQL string
	// Tag is PostgreSQL's command tag for the statement ("BEGIN", "SET",
	// "CREATE TABLE", "DECLARE CURSOR", ...), or the leading tag word for
	// statements that report a count ("SELECT", "INSERT", ...).
	Tag string
	// Name is the setting (lower case), savepoint, cursor or prepared
	// statement the statement is about.
	Name string
	// Value is SET's new value as PostgreSQL shows it.
	Value string
	// Default: SET name TO DEFAULT. Local: SET LOCAL. All: RESET ALL, SHOW
	// ALL, DEALLOCATE ALL, CLOSE ALL, FETCH ALL.
	Default, Local, All bool
	// ReadOnly is set by BEGIN/START TRANSACTION/SET TRANSACTION READ
	// ONLY (true) or READ WRITE (false).
	ReadOnly *bool
	// Isolation is the isolation level asked for, in lower case.
	Isolation string
	// Session marks SET SESSION CHARACTERISTICS AS TRANSACTION.
	Session bool
	// Hold marks DECLARE ... WITH HOLD.
	Hold bool
	// Count and Direction are FETCH/MOVE's row count and direction
	// ("forward", "backward", "absolute", "relative").
	Count     int64
	Direction string
	// Copy describes a COPY statement.
	Copy *CopySpec

	edits []edit // the rewrites applied to SQL, for MapPosition
	base  int    // byte offset of SQL in the text Translate was given
	text  string // the text Translate was given
}

// CopySpec is what a COPY statement asks for.
type CopySpec struct {
	Table   string   // the table (qualified as written), or "" for a query
	Columns []string // the column list, if any
	Query   string   // COPY (query) TO: the query, rewritten
	From    bool     // FROM (load) rather than TO (unload)
	Stdio   bool     // STDIN / STDOUT rather than a file
	Format  string   // "text", "csv" or "binary"
	Header  bool
	Options map[string]string // the other options, lower-case names, values as written
}
