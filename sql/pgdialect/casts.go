package pgdialect

import (
	"strings"

	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// regHelpers are the emulation's helpers for the object identifier
// types: name to OID, and OID to the name PostgreSQL prints.
var regHelpers = map[string][2]string{
	"regclass":     {pgcatalog.RegclassFunc, pgcatalog.RegclassTextFunc},
	"regtype":      {pgcatalog.RegtypeFunc, pgcatalog.RegtypeTextFunc},
	"regproc":      {pgcatalog.RegprocFunc, pgcatalog.RegprocTextFunc},
	"regprocedure": {pgcatalog.RegprocFunc, pgcatalog.RegprocTextFunc},
	"regnamespace": {pgcatalog.RegnamespaceFunc, pgcatalog.RegnamespaceTextFunc},
	"regrole":      {pgcatalog.RegroleFunc, pgcatalog.RegroleTextFunc},
}

// typeNames are PostgreSQL type names DuckDB spells differently.
var typeNames = map[string]string{
	"name":       "VARCHAR",
	"jsonb":      "JSON",
	"int2vector": "SMALLINT[]",
	"oidvector":  "UINTEGER[]",
	"oid":        "UINTEGER",
	"xid":        "UINTEGER",
	"regoper":    "VARCHAR",
}

// textTypes are the types a reg* value is cast to when a client wants
// its printed name.
var textTypes = map[string]bool{"text": true, "varchar": true, "name": true, "bpchar": true}

// typeCast rewrites casts to types DuckDB lacks.
func (w *rewriter) typeCast(tc *pg_query.TypeCast) {
	if w.skip[tc] {
		return
	}
	names := stringList(tc.GetTypeName().GetNames())
	if len(names) == 0 {
		return
	}
	base := names[len(names)-1]
	w.vectorTextCast(tc, base)
	if inner := tc.GetArg().GetTypeCast(); inner != nil && textTypes[base] {
		if h, ok := regHelpers[lastName(inner)]; ok {
			w.skip[inner] = true
			w.castCall(tc, inner, h[1])
			return
		}
	}
	if oidTypes[base] && isRegprocColumn(tc.GetArg()) {
		w.regprocOID(tc.GetArg())
	}
	if inner := tc.GetArg().GetTypeCast(); inner != nil && base == "oid" {
		w.wantOID[inner] = true
	}
	if h, ok := regHelpers[base]; ok {
		helper := h[1] // an OID (or expression) shown as its name
		if isConstOrParam(tc.GetArg()) || w.wantOID[tc] {
			helper = h[0] // a name looked up (or an OID kept)
		}
		w.castCall(tc, tc, helper)
		return
	}
	w.constCast(tc, base)
	w.typeName(tc.GetTypeName(), names)
}

func lastName(tc *pg_query.TypeCast) string {
	names := stringList(tc.GetTypeName().GetNames())
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1]
}

func isConstOrParam(n *pg_query.Node) bool {
	return n.GetAConst() != nil || n.GetParamRef() != nil
}

// castCall replaces the whole cast tc (x::t, or CAST(x AS t)) with a
// call of the helper on the argument of inner (tc itself, or the cast
// tc applies to, as in x::regclass::text).
func (w *rewriter) castCall(tc, inner *pg_query.TypeCast, helper string) {
	loc := int(tc.GetLocation())
	astart := minLocation(inner.GetArg())
	if loc < 0 || astart < 0 {
		return
	}
	call := pgCatalogPath + helper
	if hasWords(w.s[loc:], "cast") {
		open := skipSpace(w.s, loc+len("cast"))
		end := groupEnd(w.s, open)
		as := keywordAfter(w.s[:end-1], open+1, "as")
		if as < 0 {
			return
		}
		aend := len(strings.TrimRight(w.s[:as-len("as")], " \t\r\n"))
		w.add(loc, end, func(r *renderer) string { return call + "(" + r.render(astart, aend) + ")" })
		return
	}
	if !strings.HasPrefix(w.s[loc:], "::") {
		return
	}
	argEnd := int(inner.GetLocation())
	if argEnd < astart || !strings.HasPrefix(w.s[argEnd:], "::") {
		return
	}
	astart = openingBefore(w.s, astart, argEnd)
	aend := len(strings.TrimRight(w.s[:argEnd], " \t\r\n"))
	end := typeEnd(w.s, skipSpace(w.s, loc+2))
	w.add(astart, end, func(r *renderer) string { return call + "(" + r.render(astart, aend) + ")" })
}

// typeName rewrites a type name DuckDB would not know: pg_catalog
// qualifiers go, and names DuckDB spells differently are translated.
func (w *rewriter) typeName(tn *pg_query.TypeName, names []string) {
	loc := int(tn.GetLocation())
	if loc < 0 {
		return
	}
	base := names[len(names)-1]
	end := nameEnd(w.s, loc)
	written := strings.ToLower(strings.ReplaceAll(w.s[loc:end], `"`, ""))
	// The parser turns standard names into pg_catalog ones (integer is
	// pg_catalog.int4): only what the client wrote is rewritten.
	mapped, rename := typeNames[base]
	switch {
	case rename && (written == base || written == "pg_catalog."+base):
	case !rename && written == "pg_catalog."+base:
		mapped = quoteIdent(base)
	default:
		return
	}
	w.replace(loc, end, mapped)
}
