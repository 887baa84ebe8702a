package pgdialect

import (
	"strings"

	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// toTimestamp rewrites to_timestamp(text, template) with a constant
// template (or a constant cast to text) as
// strptime(text, format)::TIMESTAMPTZ: DuckDB's to_timestamp takes epoch
// seconds only, and its strptime needs a constant format, so the template
// is translated here (pgcatalog.StrftimeFormat). A template that is not
// a constant (a column, a parameter, an expression) cannot be done that
// way: the call becomes an error naming the function and saying why,
// rather than DuckDB's "no function matches to_timestamp(VARCHAR,
// VARCHAR)". to_timestamp(epoch) is left to DuckDB.
func (w *rewriter) toTimestamp(f *pg_query.FuncCall) {
	names := stringList(f.GetFuncname())
	args := f.GetArgs()
	if len(names) == 0 || names[len(names)-1] != "to_timestamp" || len(args) != 2 {
		return
	}
	loc := int(f.GetLocation())
	if loc < 0 {
		return
	}
	open := skipSpace(w.s, nameEnd(w.s, loc))
	if open >= len(w.s) || w.s[open] != '(' {
		return
	}
	end := groupEnd(w.s, open)
	tmplNode := args[1]
	if tc := tmplNode.GetTypeCast(); tc != nil && textTypes[lastName(tc)] {
		tmplNode = tc.GetArg()
		w.skip[tc] = true
	}
	tmpl := tmplNode.GetAConst().GetSval()
	if tmpl == nil {
		w.replace(loc, end, "CAST(error("+quoteLiteral(nonConstantTemplate)+") AS TIMESTAMPTZ)")
		return
	}
	astart, tstart := minLocation(args[0]), minLocation(args[1])
	if astart < 0 || tstart <= astart {
		return
	}
	aend := strings.LastIndexByte(w.s[:tstart], ',')
	if aend < astart {
		return
	}
	format := pgcatalog.StrftimeFormat(tmpl.GetSval())
	w.add(loc, end, func(r *renderer) string {
		return "CAST(strptime(" + r.render(astart, aend) + ", " + quoteLiteral(format) + ") AS TIMESTAMPTZ)"
	})
}

// nonConstantTemplate is the error a to_timestamp template that is not a
// constant gives.
const nonConstantTemplate = "to_timestamp(text, template): the template must be a constant string: " +
	"martdb translates it to a strptime format when the statement is planned"

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
