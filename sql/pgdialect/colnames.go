package pgdialect

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// Result column names. PostgreSQL names an unaliased output column after
// the function it calls (count(*) is "count", sum(x) is "sum"), the type
// of a cast of a constant (1::int is "int4"), "case" for CASE, and
// "?column?" for other expressions; DuckDB names it after the expression
// text ("count_star()", "sum(x)"). BI tools show these names and clients
// look columns up by them, so the top-level SELECT list of a statement
// gets PostgreSQL's names as aliases. Plain column references need none.

// selectListEnd are the keywords that end a SELECT list at depth zero.
var selectListEnd = map[string]bool{
	"from": true, "where": true, "group": true, "having": true, "window": true, "order": true,
	"limit": true, "offset": true, "union": true, "intersect": true, "except": true, "into": true,
	"fetch": true, "for": true, "qualify": true,
}

// outputNames aliases the unaliased expressions of a SELECT statement's
// output list (the first branch of a set operation names the columns).
func (w *rewriter) outputNames(stmt *pg_query.Node) {
	sel := stmt.GetSelectStmt()
	for sel != nil && sel.GetLarg() != nil {
		sel = sel.GetLarg()
	}
	if sel == nil {
		return
	}
	for _, n := range sel.GetTargetList() {
		rt := n.GetResTarget()
		if rt == nil || rt.GetName() != "" || rt.GetVal().GetColumnRef() != nil {
			continue
		}
		name := figureName(rt.GetVal())
		loc := int(rt.GetLocation())
		if name == "" || loc < 0 {
			continue
		}
		end := targetEnd(w.s, loc)
		if end <= loc {
			continue
		}
		w.insert(end, ` AS "`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	}
}

// figureName is PostgreSQL's name for an unaliased output expression
// (FigureColname's rules for the common expressions), or "" for *.
func figureName(n *pg_query.Node) string {
	switch x := n.GetNode().(type) {
	case *pg_query.Node_ColumnRef:
		fields := x.ColumnRef.GetFields()
		if len(fields) > 0 {
			if s := fields[len(fields)-1].GetString_(); s != nil {
				return s.GetSval()
			}
		}
	case *pg_query.Node_FuncCall:
		names := stringList(x.FuncCall.GetFuncname())
		if len(names) > 0 {
			return names[len(names)-1]
		}
	case *pg_query.Node_TypeCast:
		if inner := figureName(x.TypeCast.GetArg()); inner != "" && inner != "?column?" {
			return inner
		}
		names := stringList(x.TypeCast.GetTypeName().GetNames())
		if len(names) > 0 {
			return names[len(names)-1]
		}
	case *pg_query.Node_CaseExpr:
		return "case"
	case *pg_query.Node_SubLink:
		switch x.SubLink.GetSubLinkType() {
		case pg_query.SubLinkType_EXISTS_SUBLINK:
			return "exists"
		case pg_query.SubLinkType_ARRAY_SUBLINK:
			return "array"
		}
		return "?column?"
	case *pg_query.Node_CoalesceExpr:
		return "coalesce"
	case *pg_query.Node_AConst, *pg_query.Node_AExpr, *pg_query.Node_BoolExpr, *pg_query.Node_NullTest:
		return "?column?"
	}
	return ""
}

// targetEnd is where the output expression starting at i ends: before
// the comma or keyword that follows it at depth zero, trailing spaces
// excluded.
func targetEnd(s string, i int) int {
	depth, last := 0, i
	for j := i; j < len(s); {
		k := tokenEnd(s, j)
		switch tok := strings.ToLower(s[j:k]); {
		case tok == "(" || tok == "[":
			depth++
		case tok == ")" || tok == "]":
			if depth == 0 {
				return last
			}
			depth--
		case depth == 0 && (tok == "," || tok == ";" || selectListEnd[tok]):
			return last
		}
		last = k
		j = skipSpace(s, k)
	}
	return last
}

// insert adds text at offset at without replacing anything.
func (w *rewriter) insert(at int, text string) {
	w.edits = append(w.edits, &edit{start: at, end: at, build: func(*renderer) string { return text }})
}
