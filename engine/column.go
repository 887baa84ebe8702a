package engine

import "strings"

// Column describes one column of a result: its name and its DuckDB type as
// DuckDB spells it (for example "INTEGER", "DECIMAL(18,3)", "VARCHAR[]",
// "STRUCT(a INTEGER, b VARCHAR)").
type Column struct {
	Name string
	Type string
}

// numericTypes are the DuckDB base type names whose values are numbers.
var numericTypes = map[string]bool{
	"TINYINT": true, "SMALLINT": true, "INTEGER": true, "BIGINT": true, "HUGEINT": true,
	"UTINYINT": true, "USMALLINT": true, "UINTEGER": true, "UBIGINT": true, "UHUGEINT": true,
	"FLOAT": true, "DOUBLE": true, "DECIMAL": true, "BIGNUM": true,
}

// BaseType is the type name without parameters: "DECIMAL" for
// "DECIMAL(18,3)". Lists, arrays, structs, maps and unions keep their
// outer shape ("LIST", "ARRAY", "STRUCT", "MAP", "UNION").
func (c Column) BaseType() string {
	t := c.Type
	switch {
	case strings.HasSuffix(t, "]"):
		if strings.HasSuffix(t, "[]") {
			return "LIST"
		}
		return "ARRAY"
	case strings.HasPrefix(t, "STRUCT("):
		return "STRUCT"
	case strings.HasPrefix(t, "MAP("):
		return "MAP"
	case strings.HasPrefix(t, "UNION("):
		return "UNION"
	case strings.HasPrefix(t, "ENUM("):
		return "ENUM"
	}
	if i := strings.IndexByte(t, '('); i >= 0 {
		return t[:i]
	}
	return t
}

// Numeric reports whether the column holds numbers (renderers right-align
// them).
func (c Column) Numeric() bool { return numericTypes[c.BaseType()] }
