package pgdialect

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// scalarSetFunctions return one unnamed column. In PostgreSQL that column
// takes the name of the FROM item's alias (generate_series(1, 3) s gives
// a column s); in DuckDB the alias names the row, so s would be a struct.
var scalarSetFunctions = map[string]bool{
	"generate_series": true, "generate_subscripts": true, "unnest": true,
	"regexp_split_to_table": true, "string_to_table": true,
}

// rangeFunction names the column of a scalar set-returning function in
// FROM after its alias, as PostgreSQL does: f(...) s becomes f(...) s(s).
func (w *rewriter) rangeFunction(rf *pg_query.RangeFunction) {
	alias := rf.GetAlias()
	if alias == nil || len(alias.GetColnames()) > 0 || len(rf.GetFunctions()) != 1 || rf.GetOrdinality() {
		return
	}
	items := rf.GetFunctions()[0].GetList().GetItems()
	if len(items) == 0 {
		return
	}
	fc := items[0].GetFuncCall()
	names := stringList(fc.GetFuncname())
	if fc == nil || len(names) == 0 || !scalarSetFunctions[names[len(names)-1]] {
		return
	}
	loc := int(fc.GetLocation())
	if loc < 0 {
		return
	}
	open := skipSpace(w.s, nameEnd(w.s, loc))
	if open >= len(w.s) || w.s[open] != '(' {
		return
	}
	at := skipSpace(w.s, groupEnd(w.s, open))
	if hasWords(w.s[at:], "as") {
		at = skipSpace(w.s, at+2)
	}
	end := tokenEnd(w.s, at)
	if strings.Trim(w.s[at:end], `"`) != alias.GetAliasname() {
		return
	}
	name := w.s[at:end]
	w.replace(at, end, name+"("+name+")")
}
