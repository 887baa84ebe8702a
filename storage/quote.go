package storage

import "strings"

// QuoteIdent quotes an identifier for DuckDB; a dotted name is quoted part
// by part ("schema"."table").
func QuoteIdent(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = `"` + strings.ReplaceAll(p, `"`, `""`) + `"`
	}
	return strings.Join(parts, ".")
}

// QuoteString quotes a string literal for DuckDB.
func QuoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
