package pgcatalog

import "strings"

// pgFormatPatterns are the PostgreSQL date/time template patterns the
// emulation understands, with their strftime equivalents, in the order
// they are replaced (longer patterns before their prefixes). FM, the fill
// mode prefix, is dropped.
var pgFormatPatterns = []struct{ pg, strftime string }{
	{"FM", ""},
	{"HH24", "%H"}, {"HH12", "%I"}, {"HH", "%I"},
	{"YYYY", "%Y"}, {"YY", "%y"},
	{"Month", "%B"}, {"Mon", "%b"}, {"MM", "%m"},
	{"MS", "%g"}, {"US", "%f"}, {"MI", "%M"}, {"SS", "%S"},
	{"DD", "%d"}, {"Day", "%A"}, {"Dy", "%a"},
	{"AM", "%p"}, {"PM", "%p"},
	{"TZ", "%Z"}, {"OF", "%z"},
}

// StrftimeFormat translates a PostgreSQL date/time template ("YYYY-MM-DD
// HH24:MI:SS") to DuckDB's strftime/strptime format ("%Y-%m-%d
// %H:%M:%S"), pattern by pattern as listed in pgFormatPatterns; other
// text is kept. The catalog's to_char uses the same translation. DuckDB's
// strptime needs a constant format, so the dialect rewriter translates
// to_timestamp(text, template) with this function rather than with a
// macro.
func StrftimeFormat(pgFormat string) string {
	for _, p := range pgFormatPatterns {
		pgFormat = strings.ReplaceAll(pgFormat, p.pg, p.strftime)
	}
	return pgFormat
}

// pgFormatMacroSQL creates _martdb_pg_format, the SQL twin of
// StrftimeFormat.
func pgFormatMacroSQL(name string) string {
	expr := "f"
	for _, p := range pgFormatPatterns {
		expr = "replace(" + expr + ", " + quoteLiteral(p.pg) + ", " + quoteLiteral(p.strftime) + ")"
	}
	return "CREATE OR REPLACE MACRO " + name + "(f) AS " + expr
}
