package engine

import (
	"strconv"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// typeNames spells DuckDB's type ids the way the driver names result
// columns (Rows.ColumnTypeDatabaseTypeName), so a prepared statement's
// column types read the same as an executed one's.
var typeNames = map[duckdb.Type]string{
	duckdb.TYPE_BOOLEAN: "BOOLEAN", duckdb.TYPE_TINYINT: "TINYINT", duckdb.TYPE_SMALLINT: "SMALLINT",
	duckdb.TYPE_INTEGER: "INTEGER", duckdb.TYPE_BIGINT: "BIGINT", duckdb.TYPE_UTINYINT: "UTINYINT",
	duckdb.TYPE_USMALLINT: "USMALLINT", duckdb.TYPE_UINTEGER: "UINTEGER", duckdb.TYPE_UBIGINT: "UBIGINT",
	duckdb.TYPE_FLOAT: "FLOAT", duckdb.TYPE_DOUBLE: "DOUBLE", duckdb.TYPE_TIMESTAMP: "TIMESTAMP",
	duckdb.TYPE_DATE: "DATE", duckdb.TYPE_TIME: "TIME", duckdb.TYPE_INTERVAL: "INTERVAL",
	duckdb.TYPE_HUGEINT: "HUGEINT", duckdb.TYPE_UHUGEINT: "UHUGEINT", duckdb.TYPE_VARCHAR: "VARCHAR",
	duckdb.TYPE_BLOB: "BLOB", duckdb.TYPE_DECIMAL: "DECIMAL", duckdb.TYPE_TIMESTAMP_S: "TIMESTAMP_S",
	duckdb.TYPE_TIMESTAMP_MS: "TIMESTAMP_MS", duckdb.TYPE_TIMESTAMP_NS: "TIMESTAMP_NS", duckdb.TYPE_ENUM: "ENUM",
	duckdb.TYPE_LIST: "LIST", duckdb.TYPE_STRUCT: "STRUCT", duckdb.TYPE_MAP: "MAP", duckdb.TYPE_ARRAY: "ARRAY",
	duckdb.TYPE_UUID: "UUID", duckdb.TYPE_UNION: "UNION", duckdb.TYPE_BIT: "BIT", duckdb.TYPE_TIME_TZ: "TIMETZ",
	duckdb.TYPE_TIMESTAMP_TZ: "TIMESTAMPTZ", duckdb.TYPE_BIGNUM: "BIGNUM", duckdb.TYPE_SQLNULL: "SQLNULL",
}

// paramTypeName names a parameter's inferred type; "UNKNOWN" when DuckDB
// could not infer one.
func paramTypeName(t duckdb.Type) string {
	if n, ok := typeNames[t]; ok && t != duckdb.TYPE_SQLNULL {
		return n
	}
	return "UNKNOWN"
}

// typeInfoName spells a full type (with decimal precision, element and
// field types) as the driver spells result column types.
func typeInfoName(info duckdb.TypeInfo) string {
	if info.Alias() == "JSON" {
		return "JSON"
	}
	return typeInfoBase(info)
}

func typeInfoBase(info duckdb.TypeInfo) string {
	switch d := info.Details().(type) {
	case *duckdb.DecimalDetails:
		return "DECIMAL(" + strconv.Itoa(int(d.Width)) + "," + strconv.Itoa(int(d.Scale)) + ")"
	case *duckdb.ListDetails:
		return typeInfoBase(d.Child) + "[]"
	case *duckdb.ArrayDetails:
		return typeInfoBase(d.Child) + "[" + strconv.FormatUint(d.Size, 10) + "]"
	case *duckdb.MapDetails:
		return "MAP(" + typeInfoBase(d.Key) + ", " + typeInfoBase(d.Value) + ")"
	case *duckdb.StructDetails:
		parts := make([]string, len(d.Entries))
		for i, e := range d.Entries {
			parts[i] = quoteFieldName(e.Name()) + " " + typeInfoBase(e.Info())
		}
		return "STRUCT(" + strings.Join(parts, ", ") + ")"
	case *duckdb.UnionDetails:
		parts := make([]string, len(d.Members))
		for i, m := range d.Members {
			parts[i] = quoteFieldName(m.Name) + " " + typeInfoBase(m.Type)
		}
		return "UNION(" + strings.Join(parts, ", ") + ")"
	}
	if n, ok := typeNames[info.InternalType()]; ok {
		return n
	}
	return "UNKNOWN"
}

// quoteFieldName quotes a struct field or union member name the way the
// driver does: always, doubling embedded quotes.
func quoteFieldName(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
