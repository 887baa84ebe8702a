package pgdialect

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// Functions in FROM. PostgreSQL lets any function be a FROM item: a
// set-returning one gives a row per value, a scalar one a single row,
// and either's one column takes the name of the item's alias
// (generate_series(1, 3) s has a column s). DuckDB has table functions
// for some of them, names the row after the alias (s would be a struct)
// and refuses subqueries in their arguments (Grafana passes
// current_setting(...), which the emulated catalog answers with one).
// So such items become subqueries that compute the value and name the
// column: f(...) s is (SELECT unnest(f(...)) AS s) s for a set-returning
// f, (SELECT f(...) AS s) s for a scalar one and for unnest itself.

// setReturning are the set-returning functions whose DuckDB scalar twin
// returns the same values as a list.
var setReturning = map[string]bool{"generate_series": true, "unnest": true}

// scalarInFrom are scalar functions clients put in FROM.
var scalarInFrom = map[string]bool{
	"string_to_array": true, "current_schemas": true, "parse_ident": true, "regexp_split_to_array": true,
	"current_setting": true, "array_lower": true, "array_upper": true,
}

func (w *rewriter) rangeFunction(rf *pg_query.RangeFunction) {
	alias := rf.GetAlias()
	if alias == nil || len(alias.GetColnames()) > 0 || len(rf.GetFunctions()) != 1 || rf.GetOrdinality() || rf.GetLateral() {
		return
	}
	fn, loc, callEnd, ok := w.soleCall(rf)
	if !ok || !setReturning[fn] && !scalarInFrom[fn] {
		return
	}
	at := skipSpace(w.s, callEnd)
	if hasWords(w.s[at:], "as") {
		at = skipSpace(w.s, at+2)
	}
	end := tokenEnd(w.s, at)
	if strings.Trim(w.s[at:end], `"`) != alias.GetAliasname() {
		return
	}
	name := w.s[at:end]
	w.add(loc, end, func(r *renderer) string {
		call := r.render(loc, callEnd)
		if setReturning[fn] && fn != "unnest" {
			call = "unnest(" + call + ")"
		}
		return "(SELECT " + call + " AS " + name + ") " + name
	})
}

// nativeOrdinality are the table functions DuckDB numbers itself WITH
// ORDINALITY. On a table macro (martdb's functions are table macros)
// DuckDB accepts the clause and silently drops the column.
var nativeOrdinality = map[string]bool{"unnest": true, "generate_series": true, "range": true}

// ordinality rewrites f(...) WITH ORDINALITY, for f other than DuckDB's
// own table functions, as (SELECT *, row_number() OVER () AS ordinality
// FROM f(...)): the rows numbered from 1 in the order f returns them,
// in a last column named ordinality, as in PostgreSQL. An alias and its
// column list stay, so AS t(a, b, n) still names the number n.
func (w *rewriter) ordinality(rf *pg_query.RangeFunction) {
	if !rf.GetOrdinality() || rf.GetLateral() || len(rf.GetFunctions()) != 1 {
		return
	}
	fn, loc, callEnd, ok := w.soleCall(rf)
	if !ok || nativeOrdinality[fn] {
		return
	}
	at := skipSpace(w.s, callEnd)
	if !hasWords(w.s[at:], "with") {
		return
	}
	at = skipSpace(w.s, at+len("with"))
	if !hasWords(w.s[at:], "ordinality") {
		return
	}
	end := at + len("ordinality")
	w.add(loc, end, func(r *renderer) string {
		return "(SELECT *, row_number() OVER () AS ordinality FROM " + r.render(loc, callEnd) + ")"
	})
}

// soleCall finds the one function call of rf in the text: its name
// (unqualified), where the call starts and where its argument list ends.
// ok is false when rf holds no plain call whose text can be located.
func (w *rewriter) soleCall(rf *pg_query.RangeFunction) (fn string, loc, callEnd int, ok bool) {
	items := rf.GetFunctions()[0].GetList().GetItems()
	if len(items) == 0 {
		return "", 0, 0, false
	}
	fc := items[0].GetFuncCall()
	names := stringList(fc.GetFuncname())
	if fc == nil || len(names) == 0 {
		return "", 0, 0, false
	}
	loc = int(fc.GetLocation())
	if loc < 0 {
		return "", 0, 0, false
	}
	open := skipSpace(w.s, nameEnd(w.s, loc))
	if open >= len(w.s) || w.s[open] != '(' {
		return "", 0, 0, false
	}
	return names[len(names)-1], loc, groupEnd(w.s, open), true
}
