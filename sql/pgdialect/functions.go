package pgdialect

import (
	"strings"

	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// toTimestamp rewrites to_timestamp(text, template) with a constant
// template as strptime(text, format)::TIMESTAMPTZ: DuckDB's to_timestamp
// takes epoch seconds only, and its strptime needs a constant format, so
// the template is translated here (pgcatalog.StrftimeFormat). Other
// forms are left to DuckDB.
func (w *rewriter) toTimestamp(f *pg_query.FuncCall) {
	names := stringList(f.GetFuncname())
	args := f.GetArgs()
	if len(names) == 0 || names[len(names)-1] != "to_timestamp" || len(args) != 2 {
		return
	}
	tmpl := args[1].GetAConst().GetSval()
	loc, astart := int(f.GetLocation()), minLocation(args[0])
	tstart := int(args[1].GetAConst().GetLocation())
	if tmpl == nil || loc < 0 || astart < 0 || tstart <= astart {
		return
	}
	open := skipSpace(w.s, nameEnd(w.s, loc))
	if open >= len(w.s) || w.s[open] != '(' {
		return
	}
	end := groupEnd(w.s, open)
	aend := strings.LastIndexByte(w.s[:tstart], ',')
	if aend < astart {
		return
	}
	format := pgcatalog.StrftimeFormat(tmpl.GetSval())
	w.add(loc, end, func(r *renderer) string {
		return "CAST(strptime(" + r.render(astart, aend) + ", " + quoteLiteral(format) + ") AS TIMESTAMPTZ)"
	})
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
