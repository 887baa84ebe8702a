package pgdialect

import (
	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// The catalog's regproc columns (pg_type.typinput and the others) hold the
// function's name, which is what PostgreSQL prints for a regproc; but a
// regproc is an OID, and clients compare it with OIDs: Npgsql joins
// pg_proc ON proc.oid = typ.typreceive, pgjdbc asks for
// typinput = 'array_in'::regproc (which the cast rewrite turns into an
// OID) and asyncpg for typreceive::oid != 0. So a reference to such a
// column, by its name, becomes the OID its name looks up to
// (pgcatalog.RegprocFunc) where it is compared with anything other than a
// string, a parameter or another regproc column, where it is cast to oid
// or an integer, and where it is passed to a function that takes a
// function's OID (psql's \do calls obj_description(o.oprcode, 'pg_proc')).
// Compared with a string it stays a name, as in typinput = 'array_in'.
var regprocColumns = pgcatalog.RegprocColumns()

// comparisonOps are the operators under which a regproc column is an OID.
var comparisonOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, ">": true, "<=": true, ">=": true}

// oidTypes are the types a regproc column is cast to as its OID.
var oidTypes = map[string]bool{"oid": true, "int4": true, "int8": true}

// oidFunctions are the functions whose arguments are OIDs, where a
// regproc column stands for its function's OID.
var oidFunctions = map[string]bool{
	"obj_description": true, "shobj_description": true, "pg_describe_object": true, "pg_identify_object": true,
	"pg_get_functiondef": true, "pg_get_function_arguments": true, "pg_get_function_identity_arguments": true,
	"pg_get_function_result": true, "pg_get_function_sqlbody": true, "pg_function_is_visible": true,
	"has_function_privilege": true,
}

// regprocArguments turns regproc columns passed to oidFunctions into
// their OIDs.
func (w *rewriter) regprocArguments(f *pg_query.FuncCall) {
	names := stringList(f.GetFuncname())
	if len(names) == 0 || !oidFunctions[names[len(names)-1]] {
		return
	}
	for _, a := range f.GetArgs() {
		if isRegprocColumn(a) {
			w.regprocOID(a)
		}
	}
}

// regprocMembership turns a regproc column tested for membership into its
// OID: against a subquery (typinput IN (SELECT oid FROM pg_proc ...)), or
// a list holding anything but strings and parameters (typinput IN (750,
// 751)).
func (w *rewriter) regprocMembership(n any) {
	switch x := n.(type) {
	case *pg_query.SubLink:
		k := x.GetSubLinkType()
		if (k == pg_query.SubLinkType_ANY_SUBLINK || k == pg_query.SubLinkType_ALL_SUBLINK) && isRegprocColumn(x.GetTestexpr()) {
			w.regprocOID(x.GetTestexpr())
		}
	case *pg_query.A_Expr:
		if x.GetKind() != pg_query.A_Expr_Kind_AEXPR_IN || !isRegprocColumn(x.GetLexpr()) {
			return
		}
		for _, item := range x.GetRexpr().GetList().GetItems() {
			if !isNameValue(item) {
				w.regprocOID(x.GetLexpr())
				return
			}
		}
	}
}

// regprocComparison turns the regproc column side of a comparison into
// its OID, unless the other side is a name too.
func (w *rewriter) regprocComparison(a *pg_query.A_Expr) {
	names := stringList(a.GetName())
	if len(names) == 0 || !comparisonOps[names[len(names)-1]] || a.GetLexpr() == nil || a.GetRexpr() == nil {
		return
	}
	l, r := a.GetLexpr(), a.GetRexpr()
	switch {
	case isRegprocColumn(l) && !isRegprocColumn(r) && !isNameValue(r):
		w.regprocOID(l)
	case isRegprocColumn(r) && !isRegprocColumn(l) && !isNameValue(l):
		w.regprocOID(r)
	}
}

// isRegprocColumn says whether n is a column reference named as one of
// the catalog's regproc columns.
func isRegprocColumn(n *pg_query.Node) bool {
	fields := n.GetColumnRef().GetFields()
	if len(fields) == 0 {
		return false
	}
	s := fields[len(fields)-1].GetString_()
	return s != nil && regprocColumns[s.GetSval()]
}

// isNameValue says whether n is a string constant or a parameter, which
// a regproc column is compared with as a name.
func isNameValue(n *pg_query.Node) bool {
	if c := n.GetAConst(); c != nil {
		return c.GetSval() != nil
	}
	return n.GetParamRef() != nil
}

// regprocOID replaces the column reference n with the OID its value
// names.
func (w *rewriter) regprocOID(n *pg_query.Node) {
	loc := int(n.GetColumnRef().GetLocation())
	if loc < 0 {
		return
	}
	end := nameEnd(w.s, loc)
	w.replace(loc, end, pgCatalogPath+pgcatalog.RegprocFunc+"("+w.s[loc:end]+")")
}
