package pgcatalog

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/martdb/martdb/sql/pgoid"
)

// Version is martdb's version as version() reports it, "PostgreSQL 15.0
// (martdb <Version>, DuckDB <version>) on <arch>-<os>, 64-bit". The
// caller sets it before the first Install; an empty Version is left out.
var Version string

// installMu serialises Install across the process: DuckDB reports a
// conflict when two connections replace the same catalog entries at once.
var installMu sync.Mutex

// Install creates the emulation in conn's DuckDB instance, once: it
// attaches the in-memory Database (read-write, so that it works when the
// user's database is read-only), creates its schemas and fills them. A
// marker table holds a hash of everything Install writes, so calling it
// again, from any connection of the instance, does nothing unless the
// emulation changed (a new Version, a new build).
func Install(ctx context.Context, conn *sql.Conn) error {
	installMu.Lock()
	defer installMu.Unlock()
	if _, err := conn.ExecContext(ctx, "ATTACH IF NOT EXISTS ':memory:' AS "+Database+" (READ_WRITE)"); err != nil {
		return fmt.Errorf("pgcatalog.Install: attaching %s: %w", Database, err)
	}
	vars, err := staticVars()
	if err != nil {
		return err
	}
	hash := installHash(vars)
	if done, err := installed(ctx, conn, hash); err != nil || done {
		return err
	}
	if err := addInstanceVars(ctx, conn, vars); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("pgcatalog.Install: %w", err)
	}
	if err := install(ctx, conn, vars, hash); err != nil {
		_, _ = conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("pgcatalog.Install: %w", err)
	}
	return nil
}

// markerTable records the hash of the installed emulation.
const markerTable = "_martdb_installed"

// installed reports whether the emulation with this hash is in place.
func installed(ctx context.Context, conn *sql.Conn, hash string) (bool, error) {
	var n int
	err := conn.QueryRowContext(ctx, "SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND schema_name = ? AND table_name = ?",
		Database, PgCatalogSchema, markerTable).Scan(&n)
	if err != nil || n == 0 {
		return false, wrapInstall(err)
	}
	var got string
	err = conn.QueryRowContext(ctx, "SELECT hash FROM "+qualified(PgCatalogSchema, markerTable)).Scan(&got)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return got == hash, wrapInstall(err)
}

func wrapInstall(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("pgcatalog.Install: %w", err)
}

// install writes everything inside the caller's transaction.
func install(ctx context.Context, conn *sql.Conn, vars map[string]string, hash string) error {
	for _, schema := range []string{PgCatalogSchema, InfoSchema} {
		if _, err := conn.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+Database+"."+schema); err != nil {
			return fmt.Errorf("pgcatalog.Install: creating schema %s: %w", schema, err)
		}
	}
	for _, stmt := range baseTables() {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("pgcatalog.Install: %s: %w", firstLine(stmt), err)
		}
	}
	for _, st := range statements() {
		text, err := expand(st.text, vars)
		if err != nil {
			return err
		}
		if st.relation != "" {
			if text, err = catalogViewSQL(ctx, conn, st, vars); err != nil {
				return err
			}
		}
		if _, err := conn.ExecContext(ctx, text); err != nil {
			return fmt.Errorf("pgcatalog.Install: %s: %s: %w", st.file, firstLine(st.text), err)
		}
	}
	marker := "CREATE OR REPLACE TABLE " + qualified(PgCatalogSchema, markerTable) + " AS SELECT " + quoteLiteral(hash) + " AS hash"
	if _, err := conn.ExecContext(ctx, marker); err != nil {
		return fmt.Errorf("pgcatalog.Install: %w", err)
	}
	return nil
}

// catalogViewSQL is the CREATE statement of one catalog view: its query's
// columns, learnt by describing the query, shaped to PostgreSQL's.
func catalogViewSQL(ctx context.Context, conn *sql.Conn, st statement, vars map[string]string) (string, error) {
	query, err := expand(st.query, vars)
	if err != nil {
		return "", err
	}
	key := st.relation + "\x00" + query
	if sql, ok := shapedViews.Load(key); ok {
		return sql.(string), nil
	}
	rows, err := conn.QueryContext(ctx, "DESCRIBE "+query)
	if err != nil {
		return "", fmt.Errorf("pgcatalog.Install: %s: view %s: %w", st.file, st.relation, err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name, typ string
		var null, key, def, extra sql.NullString
		if err := rows.Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
			return "", fmt.Errorf("pgcatalog.Install: describing %s: %w", st.relation, err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("pgcatalog.Install: describing %s: %w", st.relation, err)
	}
	body, err := shapeView(st.relation, query, names)
	if err != nil {
		return "", err
	}
	schema := PgCatalogSchema
	if strings.HasPrefix(st.relation, InformationSchema+".") {
		schema = InfoSchema
	}
	name := st.relation[strings.IndexByte(st.relation, '.')+1:]
	create := "CREATE OR REPLACE VIEW " + qualified(schema, name) + " AS " + body
	shapedViews.Store(key, create)
	return create, nil
}

// shapedViews remembers each catalog view's shaped definition by its
// query: the columns a query yields depend only on this build and
// DuckDB's, so other instances of the process need not describe it again.
var shapedViews sync.Map

// qualified names an object of the emulation database.
func qualified(schema, name string) string {
	return Database + "." + schema + "." + name
}

// baseTables creates the tables the views read (types, built-in
// functions, settings, the list of catalog relations) and the macros
// generated from Go tables.
func baseTables() []string {
	return []string{
		typesTableSQL(qualified(PgCatalogSchema, "_martdb_types")),
		procsTableSQL(qualified(PgCatalogSchema, "_martdb_procs")),
		operatorsTableSQL(qualified(PgCatalogSchema, "_martdb_operators")),
		settingsTableSQL(qualified(PgCatalogSchema, "_martdb_settings")),
		catalogRelsTableSQL(qualified(PgCatalogSchema, "_martdb_catalog_rels")),
		pgFormatMacroSQL(qualified(PgCatalogSchema, "_martdb_pg_format")),
	}
}

// catalogRelsTableSQL lists the catalog relations with their OIDs, kinds,
// numbers of columns and where they live.
func catalogRelsTableSQL(table string) string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM (VALUES ")
	for i, r := range catalogRelations {
		if i > 0 {
			b.WriteString(", ")
		}
		duckSchema := PgCatalogSchema
		if r.Schema == InformationSchema {
			duckSchema = InfoSchema
		}
		fmt.Fprintf(&b, "(%d::UINTEGER, %s, %s, %s, %s, %d)", r.OID, quoteLiteral(r.Name), quoteLiteral(r.Schema),
			quoteLiteral(duckSchema), quoteLiteral(string(r.Kind)), len(columnSpec[r.Schema+"."+r.Name]))
	}
	b.WriteString(") AS t(oid, relname, nspname, duck_schema, relkind, natts)")
	return b.String()
}

// staticVars are the placeholder values that depend only on this build.
func staticVars() (map[string]string, error) {
	vars := map[string]string{
		"pgc":          Database + "." + PgCatalogSchema,
		"info":         Database + "." + InfoSchema,
		"database":     Database,
		"pgcschema":    PgCatalogSchema,
		"infoschema":   InfoSchema,
		"dbvar":        DatabaseVariable,
		"dbnamevar":    DatabaseNameVariable,
		"uservar":      UserVariable,
		"settingsvar":  SettingsVariable,
		"defaultuser":  DefaultUser,
		"firstnormal":  fmt.Sprint(FirstNormalObjectID),
		"synthetic":    fmt.Sprint(SyntheticBase),
		"funcbase":     fmt.Sprint(FunctionBase),
		"pgcatalogoid": fmt.Sprint(PgCatalogOID),
		"publicoid":    fmt.Sprint(PublicOID),
		"infooid":      fmt.Sprint(InformationSchemaOID),
		"roleoid":      fmt.Sprint(RoleOID),
	}
	display, elem, array := map[uint32]string{}, map[uint32]uint32{}, map[uint32]uint32{}
	names, byTypname := map[string]uint32{}, map[string]uint32{}
	for _, r := range typeRows() {
		display[r.OID] = r.Display
		if r.Input == "array_in" {
			elem[r.OID] = r.Elem
		}
		if r.Array != 0 {
			array[r.OID] = r.Array
		}
		byTypname[r.Name] = r.OID
		names[r.Name] = r.OID
		names[r.Display] = r.OID
	}
	for alias, name := range typeAliases {
		t, ok := byTypname[name]
		if !ok {
			return nil, fmt.Errorf("pgcatalog: type alias %s names %s, which is not a type", alias, name)
		}
		names[alias] = t
	}
	vars["typedisplay"] = pairsLiteral(display)
	vars["typeelem"] = pairsLiteral(elem)
	vars["typearray"] = pairsLiteral(array)
	vars["typenames"] = pairsLiteral(names)
	return vars, nil
}

// typeAliases are the other names PostgreSQL accepts for its types.
var typeAliases = map[string]string{
	"int": "int4", "integer": "int4", "smallint": "int2", "bigint": "int8", "real": "float4",
	"float": "float8", "double precision": "float8", "decimal": "numeric", "boolean": "bool",
	"varchar": "varchar", "character varying": "varchar", "char varying": "varchar",
	"char": "bpchar", "character": "bpchar", `"char"`: "char",
	"timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
	"time without time zone": "time", "time with time zone": "timetz",
}

// pairsLiteral writes a lookup table as the "|key=value|" string the
// scripts' _martdb_lookup reads, keys in order.
func pairsLiteral[K uint32 | string, V any](m map[K]V) string {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var b strings.Builder
	b.WriteString("|")
	for _, k := range keys {
		fmt.Fprintf(&b, "%v=%v|", k, m[k])
	}
	return strings.ReplaceAll(b.String(), "'", "''")
}

// installHash identifies what Install writes: the scripts, the base
// tables and the placeholder values of this build.
func installHash(vars map[string]string) string {
	h := sha256.New()
	for _, s := range scripts() {
		fmt.Fprintf(h, "%s\x00%s\x00", s.name, s.text)
	}
	for _, t := range baseTables() {
		fmt.Fprintf(h, "%s\x00", t)
	}
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%s=%s\x00", k, vars[k])
	}
	fmt.Fprintf(h, "version=%s\x00", Version)
	return hex.EncodeToString(h.Sum(nil))
}

// addInstanceVars adds the placeholder values read from the DuckDB
// instance: its type names mapped with pgoid.ForDuckDB, its keywords, its
// version, and the time of installation.
func addInstanceVars(ctx context.Context, conn *sql.Conn, vars map[string]string) error {
	names, err := stringColumn(ctx, conn,
		"SELECT DISTINCT upper(n) FROM (SELECT type_name AS n FROM duckdb_types() UNION ALL SELECT logical_type FROM duckdb_types()) WHERE n IS NOT NULL ORDER BY 1")
	if err != nil {
		return fmt.Errorf("pgcatalog.Install: listing DuckDB types: %w", err)
	}
	scalars := map[string]uint32{}
	for _, n := range names {
		scalars[n] = pgoid.ForDuckDB(n).OID
	}
	vars["duckscalars"] = pairsLiteral(scalars)
	keywords, err := stringColumn(ctx, conn, "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category <> 'unreserved' ORDER BY 1")
	if err != nil {
		return fmt.Errorf("pgcatalog.Install: listing DuckDB keywords: %w", err)
	}
	vars["keywords"] = strings.ReplaceAll("|"+strings.Join(keywords, "|")+"|", "'", "''")
	var duckVersion string
	if err := conn.QueryRowContext(ctx, "SELECT library_version FROM pragma_version()").Scan(&duckVersion); err != nil {
		return fmt.Errorf("pgcatalog.Install: reading DuckDB's version: %w", err)
	}
	vars["version"] = strings.ReplaceAll(versionString(duckVersion), "'", "''")
	vars["starttime"] = time.Now().UTC().Format("2006-01-02 15:04:05.999999-07")
	return nil
}

// versionString is what version() returns.
func versionString(duckVersion string) string {
	martdb := "martdb"
	if Version != "" {
		martdb += " " + Version
	}
	return fmt.Sprintf("PostgreSQL %s (%s, DuckDB %s) on %s-%s, 64-bit", ServerVersion, martdb, duckVersion, runtime.GOARCH, runtime.GOOS)
}

// stringColumn runs a one-column query.
func stringColumn(ctx context.Context, conn *sql.Conn, q string) ([]string, error) {
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
