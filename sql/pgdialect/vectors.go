package pgdialect

import (
	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// The catalog's int2vector and oidvector columns (pg_index.indkey,
// pg_proc.proargtypes, ...) hold PostgreSQL's text of a vector, numbers
// separated by spaces ("1 2"), which is what clients that print or split
// them get from PostgreSQL. Wherever a query does more with one than
// output it, a reference to such a column by its name reads the text back
// into a list (pgcatalog.VectorColumns): in = ANY(indkey), unnest(indkey),
// _pg_expandarray(indkey), array functions and comparisons with other
// lists. It stays text as a column of the statement's own SELECT list, cast
// to a text type, or compared with a string. A subscript of such a column
// counts from 0, as PostgreSQL's vectors do: indkey[0] is the first key.
var vectorColumns = pgcatalog.VectorColumns()

// vectorColumn is the list helper for n when n references a vector
// column by name, else "".
func vectorColumn(n *pg_query.Node) string {
	fields := n.GetColumnRef().GetFields()
	if len(fields) == 0 {
		return ""
	}
	s := fields[len(fields)-1].GetString_()
	if s == nil {
		return ""
	}
	return vectorColumns[s.GetSval()]
}

// keepOutputVectors marks the vector columns the statement outputs as
// they are: the plain column references of its SELECT list (of every
// branch of a set operation, and of a cursor's query).
func (w *rewriter) keepOutputVectors(stmt *pg_query.Node) {
	if q := stmt.GetDeclareCursorStmt().GetQuery(); q != nil {
		stmt = q
	}
	var mark func(sel *pg_query.SelectStmt)
	mark = func(sel *pg_query.SelectStmt) {
		if sel == nil {
			return
		}
		if sel.GetLarg() != nil || sel.GetRarg() != nil {
			mark(sel.GetLarg())
			mark(sel.GetRarg())
			return
		}
		for _, t := range sel.GetTargetList() {
			if v := t.GetResTarget().GetVal(); vectorColumn(v) != "" {
				w.keepText[v.GetColumnRef()] = true
			}
		}
	}
	mark(stmt.GetSelectStmt())
}

// vectorTextCast keeps a vector column cast to a text type as its text.
func (w *rewriter) vectorTextCast(tc *pg_query.TypeCast, base string) {
	if textTypes[base] && vectorColumn(tc.GetArg()) != "" {
		w.keepText[tc.GetArg().GetColumnRef()] = true
	}
}

// vectorStringComparison keeps a vector column compared with a string as
// its text (indkey = '1 2').
func (w *rewriter) vectorStringComparison(a *pg_query.A_Expr) {
	l, r := a.GetLexpr(), a.GetRexpr()
	if vectorColumn(l) != "" && r.GetAConst().GetSval() != nil {
		w.keepText[l.GetColumnRef()] = true
	}
	if vectorColumn(r) != "" && l.GetAConst().GetSval() != nil {
		w.keepText[r.GetColumnRef()] = true
	}
}

// vectorTarget notes a vector column that is a column of an inner SELECT
// list without an alias: read into a list, it keeps its name.
func (w *rewriter) vectorTarget(t *pg_query.ResTarget) {
	if v := t.GetVal(); t.GetName() == "" && vectorColumn(v) != "" {
		fields := v.GetColumnRef().GetFields()
		w.vectorNames[v.GetColumnRef()] = fields[len(fields)-1].GetString_().GetSval()
	}
}

// vectorList reads a vector column's text into a list, unless it is to
// stay text.
func (w *rewriter) vectorList(c *pg_query.ColumnRef) {
	if w.keepText[c] {
		return
	}
	alias := ""
	if name, ok := w.vectorNames[c]; ok {
		alias = " AS " + quoteIdent(name)
	}
	helper := vectorColumn(&pg_query.Node{Node: &pg_query.Node_ColumnRef{ColumnRef: c}})
	loc := int(c.GetLocation())
	if helper == "" || loc < 0 {
		return
	}
	end := nameEnd(w.s, loc)
	w.replace(loc, end, pgCatalogPath+helper+"("+w.s[loc:end]+")"+alias)
}

// vectorSubscript counts a vector column's subscripts from 0, as
// PostgreSQL does: indkey[i] becomes list[(i) + 1]. Slices are left
// alone.
func (w *rewriter) vectorSubscript(ind *pg_query.A_Indirection) {
	if vectorColumn(ind.GetArg()) == "" {
		return
	}
	loc := int(ind.GetArg().GetColumnRef().GetLocation())
	if loc < 0 {
		return
	}
	pos := skipSpace(w.s, nameEnd(w.s, loc))
	for _, n := range ind.GetIndirection() {
		idx := n.GetAIndices()
		if idx == nil || pos >= len(w.s) || w.s[pos] != '[' {
			return
		}
		end := groupEnd(w.s, pos)
		if !idx.GetIsSlice() && end > pos+1 && w.s[end-1] == ']' {
			open, close := pos+1, end-1
			w.add(pos, end, func(r *renderer) string { return "[(" + r.render(open, close) + ") + 1]" })
		}
		pos = skipSpace(w.s, end)
	}
}
