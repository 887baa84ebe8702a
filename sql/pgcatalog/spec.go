package pgcatalog

import (
	_ "embed" // the column list
	"fmt"
	"strings"
)

//go:embed sql/columns.txt
var columnsText string

// specColumn is one column of a PostgreSQL catalog relation: its name and
// its PostgreSQL type as format_type spells it.
type specColumn struct {
	Name   string
	PgType string
}

// columnSpec maps "schema.relation" to the relation's columns in order.
var columnSpec = parseColumnSpec(columnsText)

// parseColumnSpec reads sql/columns.txt: one "schema.relation column type"
// line per column, # comments.
func parseColumnSpec(text string) map[string][]specColumn {
	spec := map[string][]specColumn{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, " ", 3)
		if len(fields) != 3 {
			panic(fmt.Sprintf("pgcatalog: bad line in columns.txt: %q", line))
		}
		spec[fields[0]] = append(spec[fields[0]], specColumn{Name: fields[1], PgType: fields[2]})
	}
	return spec
}

// columnType is how a PostgreSQL catalog column type is stored in DuckDB,
// and the value a view gives the column when it has nothing better.
type columnType struct {
	Duck    string
	Default string
}

// catalogTypes maps the PostgreSQL types of catalog columns to DuckDB.
// OIDs, regtype and xid are unsigned 32-bit integers; regproc columns hold
// the function's name as PostgreSQL prints it ('-' for none), which the
// dialect rewriter turns into the OID where a query compares one with an
// OID or casts it to oid (RegprocColumns); names, "char",
// expression trees and the information_schema domains over text are
// VARCHAR; arrays and vectors are lists. Catalog tables in PostgreSQL have
// NOT NULL flags and counters, so those default to false and 0; the
// information_schema's cardinal_number defaults to NULL, as it does there
// for most rows. The vector types (int2vector, oidvector) are VARCHAR
// holding PostgreSQL's text form, numbers separated by spaces; a view
// gives them as lists and shapeView writes them out (VectorColumns).
var catalogTypes = map[string]columnType{
	"oid":                                {"UINTEGER", "0"},
	"regproc":                            {"VARCHAR", "'-'"},
	"regtype":                            {"UINTEGER", "0"},
	"xid":                                {"UINTEGER", "0"},
	"name":                               {"VARCHAR", "NULL"},
	"text":                               {"VARCHAR", "NULL"},
	`"char"`:                             {"VARCHAR", "NULL"},
	"pg_node_tree":                       {"VARCHAR", "NULL"},
	"inet":                               {"VARCHAR", "NULL"},
	"boolean":                            {"BOOLEAN", "false"},
	"smallint":                           {"SMALLINT", "0"},
	"integer":                            {"INTEGER", "0"},
	"bigint":                             {"BIGINT", "0"},
	"real":                               {"FLOAT", "0"},
	"bytea":                              {"BLOB", "NULL"},
	"timestamp with time zone":           {"TIMESTAMP WITH TIME ZONE", "NULL"},
	"text[]":                             {"VARCHAR[]", "NULL"},
	"aclitem[]":                          {"VARCHAR[]", "NULL"},
	`"char"[]`:                           {"VARCHAR[]", "NULL"},
	"anyarray":                           {"VARCHAR[]", "NULL"},
	"oid[]":                              {"UINTEGER[]", "NULL"},
	"oidvector":                          {"VARCHAR", "''"},
	"smallint[]":                         {"SMALLINT[]", "NULL"},
	"int2vector":                         {"VARCHAR", "''"},
	"information_schema.sql_identifier":  {"VARCHAR", "NULL"},
	"information_schema.character_data":  {"VARCHAR", "NULL"},
	"information_schema.yes_or_no":       {"VARCHAR", "NULL"},
	"information_schema.cardinal_number": {"INTEGER", "NULL"},
	"information_schema.time_stamp":      {"TIMESTAMP WITH TIME ZONE", "NULL"},
}

// shapeView returns the body of a catalog view: the inner query's columns
// in the order and with the types PostgreSQL gives the relation, missing
// ones filled with their type's default. provided lists the inner query's
// column names; a name the relation does not have is an error, since it
// means a typo in the scripts.
func shapeView(relation, inner string, provided []string) (string, error) {
	cols, ok := columnSpec[relation]
	if !ok {
		return "", fmt.Errorf("pgcatalog: no column list for %s", relation)
	}
	have := map[string]bool{}
	for _, p := range provided {
		have[p] = true
	}
	known := map[string]bool{}
	var b strings.Builder
	b.WriteString("SELECT ")
	for i, c := range cols {
		known[c.Name] = true
		t, ok := catalogTypes[c.PgType]
		if !ok {
			return "", fmt.Errorf("pgcatalog: %s.%s has type %s, which has no DuckDB mapping", relation, c.Name, c.PgType)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		value := t.Default
		if have[c.Name] {
			value = "q." + quoteIdent(c.Name)
			if isVector(c.PgType) {
				value = vectorText(value)
			}
		}
		fmt.Fprintf(&b, "CAST(%s AS %s) AS %s", value, t.Duck, quoteIdent(c.Name))
	}
	for _, p := range provided {
		if !known[p] {
			return "", fmt.Errorf("pgcatalog: the view %s defines a column %q that PostgreSQL's has not", relation, p)
		}
	}
	b.WriteString(" FROM (" + inner + ") AS q")
	return b.String(), nil
}

// quoteIdent double-quotes a DuckDB identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// quoteLiteral single-quotes a DuckDB string literal.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// RegprocColumns are the names of the catalog columns of type regproc
// (pg_type.typinput, pg_aggregate.aggfnoid, pg_operator.oprcode, ...).
// They hold function names; the dialect rewriter looks the name up to an
// OID (RegprocFunc) where a query compares such a column with anything but
// a string or casts it to oid, as PostgreSQL's regproc is an OID.
func RegprocColumns() map[string]bool {
	out := map[string]bool{}
	for _, cols := range columnSpec {
		for _, c := range cols {
			if c.PgType == "regproc" {
				out[c.Name] = true
			}
		}
	}
	return out
}

// isVector says whether a catalog column type is one of PostgreSQL's
// vector types.
func isVector(pgType string) bool {
	return pgType == "int2vector" || pgType == "oidvector"
}

// vectorText is the SQL for a list's vector text: its numbers separated
// by spaces, the empty string for an empty list.
func vectorText(list string) string {
	return "CASE WHEN " + list + " IS NULL THEN NULL ELSE coalesce(list_aggr(list_transform(" + list +
		", x -> x::VARCHAR), 'string_agg', ' '), '') END"
}

// VectorColumns maps the names of the catalog's int2vector and oidvector
// columns (pg_index.indkey, pg_proc.proargtypes, ...) to the helper macro
// in PgCatalogSchema that reads their text back into a list
// (Int2vectorFunc or OidvectorFunc). They hold PostgreSQL's text form,
// numbers separated by spaces, which is what clients that read them as
// text expect; the dialect rewriter makes a list of them wherever a query
// does more than print them.
func VectorColumns() map[string]string {
	out := map[string]string{}
	for _, cols := range columnSpec {
		for _, c := range cols {
			switch c.PgType {
			case "int2vector":
				out[c.Name] = Int2vectorFunc
			case "oidvector":
				out[c.Name] = OidvectorFunc
			}
		}
	}
	return out
}
