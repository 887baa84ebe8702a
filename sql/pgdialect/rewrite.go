package pgdialect

import (
	"strings"

	"github.com/martdb/martdb/sql/pgcatalog"
	pg_query "github.com/pganalyze/pg_query_go/v6"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// rewrite applies the dialect rewrites to one parsed statement.
func rewrite(text string, stmt *pg_query.Node) (string, []edit) {
	w := &rewriter{s: text, skip: map[*pg_query.TypeCast]bool{}, wantOID: map[*pg_query.TypeCast]bool{},
		keepText: map[*pg_query.ColumnRef]bool{}, vectorNames: map[*pg_query.ColumnRef]string{}}
	w.keepOutputVectors(stmt)
	walk(stmt.ProtoReflect(), w.visit)
	w.outputNames(stmt)
	if len(w.edits) == 0 {
		return text, nil
	}
	return newRenderer(text, w.edits).apply()
}

type rewriter struct {
	s     string
	edits []*edit
	skip  map[*pg_query.TypeCast]bool // inner casts an outer edit already covers
	// wantOID are reg* casts whose value is cast on to oid: x::regclass::oid
	// is the OID x names (or is), whatever x's type.
	wantOID map[*pg_query.TypeCast]bool
	// keepText are references to vector columns that stay text
	// (vectors.go).
	keepText map[*pg_query.ColumnRef]bool
	// vectorNames are the names vector columns read into lists keep as
	// columns of an inner SELECT list.
	vectorNames map[*pg_query.ColumnRef]string
}

func (w *rewriter) add(start, end int, build func(r *renderer) string) {
	if start < 0 || end > len(w.s) || start >= end {
		return
	}
	w.edits = append(w.edits, &edit{start: start, end: end, build: build})
}

func (w *rewriter) replace(start, end int, text string) {
	w.add(start, end, func(*renderer) string { return text })
}

// walk calls fn for every message in the tree, parents first.
func walk(m protoreflect.Message, fn func(protoreflect.Message)) {
	fn(m)
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsList() && fd.Message() != nil:
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walk(l.Get(i).Message(), fn)
			}
		case fd.Message() != nil && !fd.IsMap():
			walk(v.Message(), fn)
		}
		return true
	})
}

// minLocation is the smallest parser location in a subtree: where the
// text of the expression it stands for begins (or -1).
func minLocation(n *pg_query.Node) int {
	least := -1
	if n == nil {
		return least
	}
	walk(n.ProtoReflect(), func(m protoreflect.Message) {
		fd := m.Descriptor().Fields().ByName("location")
		if fd == nil || fd.Kind() != protoreflect.Int32Kind {
			return
		}
		if loc := int(m.Get(fd).Int()); loc >= 0 && (least < 0 || loc < least) {
			least = loc
		}
	})
	return least
}

func (w *rewriter) visit(m protoreflect.Message) {
	switch x := m.Interface().(type) {
	case *pg_query.RangeVar:
		w.rangeVar(x)
	case *pg_query.FuncCall:
		w.funcCall(x)
		w.regprocArguments(x)
		w.toTimestamp(x)
		w.format(x)
	case *pg_query.A_Expr:
		w.vectorStringComparison(x)
		w.regprocMembership(x)
		w.operator(x)
	case *pg_query.SubLink:
		w.regprocMembership(x)
	case *pg_query.ResTarget:
		w.vectorTarget(x)
	case *pg_query.ColumnRef:
		w.vectorList(x)
	case *pg_query.A_Indirection:
		w.vectorSubscript(x)
	case *pg_query.CollateClause:
		w.collate(x)
	case *pg_query.TypeCast:
		w.typeCast(x)
	case *pg_query.RangeFunction:
		w.rangeFunction(x)
		w.ordinality(x)
	}
}

// Where the emulated catalog's objects are, fully qualified.
var (
	pgCatalogPath  = pgcatalog.Database + "." + pgcatalog.PgCatalogSchema + "."
	infoSchemaPath = pgcatalog.Database + "." + pgcatalog.InfoSchema + "."
)

// catalogRelations is the set of pg_catalog relations the emulation has.
var catalogRelations = func() map[string]bool {
	out := map[string]bool{}
	for _, r := range pgcatalog.Relations() {
		if r.Schema == pgcatalog.PgCatalog {
			out[r.Name] = true
		}
	}
	return out
}()

// rangeVar sends pg_catalog.X and information_schema.X to the emulation.
func (w *rewriter) rangeVar(r *pg_query.RangeVar) {
	loc := int(r.GetLocation())
	if loc < 0 || r.GetCatalogname() != "" {
		return
	}
	end := nameEnd(w.s, loc)
	switch r.GetSchemaname() {
	case pgcatalog.PgCatalog:
		if catalogRelations[r.GetRelname()] {
			w.replace(loc, end, pgCatalogPath+quoteIdent(r.GetRelname()))
		} else {
			w.replace(loc, end, quoteIdent(r.GetRelname()))
		}
	case pgcatalog.InformationSchema:
		w.replace(loc, end, infoSchemaPath+quoteIdent(r.GetRelname()))
	}
}

// funcCall drops the pg_catalog qualifier of a function (the search path
// finds the emulated function, or DuckDB's) and sends
// information_schema functions to the emulation.
func (w *rewriter) funcCall(f *pg_query.FuncCall) {
	names := stringList(f.GetFuncname())
	loc := int(f.GetLocation())
	if len(names) != 2 || loc < 0 {
		return
	}
	end := nameEnd(w.s, loc)
	// The parser turns some SQL syntax into pg_catalog functions (trim
	// is pg_catalog.btrim): only a qualifier the client wrote goes.
	written := strings.ToLower(strings.ReplaceAll(w.s[loc:end], `"`, ""))
	if written != names[0]+"."+names[1] {
		return
	}
	switch names[0] {
	case pgcatalog.PgCatalog:
		w.replace(loc, end, quoteIdent(names[1]))
	case pgcatalog.InformationSchema:
		w.replace(loc, end, infoSchemaPath+quoteIdent(names[1]))
	}
}

// regexOps are PostgreSQL's regular expression operators, as
// (negated, case-insensitive).
var regexOps = map[string][2]bool{"~": {false, false}, "~*": {false, true}, "!~": {true, false}, "!~*": {true, true}}

// operator rewrites regular expression matches (DuckDB's ~ is a full
// match) and OPERATOR(pg_catalog.op) spellings.
func (w *rewriter) operator(a *pg_query.A_Expr) {
	if k := a.GetKind(); k == pg_query.A_Expr_Kind_AEXPR_OP_ANY || k == pg_query.A_Expr_Kind_AEXPR_OP_ALL {
		w.arrayMembership(a)
		return
	}
	if a.GetKind() != pg_query.A_Expr_Kind_AEXPR_OP {
		return
	}
	w.regprocComparison(a)
	names := stringList(a.GetName())
	if len(names) == 0 {
		return
	}
	op := names[len(names)-1]
	loc := int(a.GetLocation())
	if loc < 0 {
		return
	}
	opEnd := loc + len(op)
	qualified := hasWords(w.s[loc:], "operator")
	if qualified {
		k := skipSpace(w.s, loc+len("operator"))
		opEnd = groupEnd(w.s, k)
	}
	re, isRegex := regexOps[op]
	if !isRegex || a.GetLexpr() == nil {
		if qualified {
			w.replace(loc, opEnd, op)
		}
		return
	}
	lstart := minLocation(a.GetLexpr())
	if lstart < 0 || lstart >= loc {
		return
	}
	lstart = openingBefore(w.s, lstart, loc)
	lend := strings.TrimRight(w.s[:loc], " \t\r\n")
	rstart := skipSpace(w.s, opEnd)
	rend := operandEnd(w.s, rstart)
	lspan := [2]int{lstart, len(lend)}
	w.add(lstart, rend, func(r *renderer) string {
		call := "regexp_matches(" + r.render(lspan[0], lspan[1]) + ", " + r.render(rstart, rend)
		if re[1] {
			call += ", 'i'"
		}
		call += ")"
		if re[0] {
			return "(NOT " + call + ")"
		}
		return call
	})
}

// collate drops the collations DuckDB does not know that mean "as
// usual" to PostgreSQL clients.
func (w *rewriter) collate(c *pg_query.CollateClause) {
	names := stringList(c.GetCollname())
	if len(names) == 0 {
		return
	}
	switch strings.ToLower(names[len(names)-1]) {
	case "default", "c", "posix":
	default:
		return
	}
	loc := int(c.GetLocation())
	if loc < 0 || !hasWords(w.s[loc:], "collate") {
		return
	}
	end := nameEnd(w.s, skipSpace(w.s, loc+len("collate")))
	w.replace(loc, end, "")
}

func stringList(nodes []*pg_query.Node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		if s := n.GetString_(); s != nil {
			out = append(out, s.GetSval())
		}
	}
	return out
}

// quoteIdent quotes a name unless it is a plain lower-case identifier.
func quoteIdent(s string) string {
	plain := s != ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			plain = false
		}
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// arrayMembership rewrites x = ANY(array) and x <> ALL(array) as
// list_contains: DuckDB plans = ANY as a subquery, which it cannot use
// in an outer join's condition (SQLAlchemy's index reflection has one).
// (Unlike = ANY, list_contains is false rather than NULL when the array
// holds a NULL and no match.)
func (w *rewriter) arrayMembership(a *pg_query.A_Expr) {
	names := stringList(a.GetName())
	if len(names) != 1 || a.GetRexpr().GetSubLink() != nil || a.GetLexpr() == nil {
		return
	}
	isAny := a.GetKind() == pg_query.A_Expr_Kind_AEXPR_OP_ANY
	if !(isAny && names[0] == "=" || !isAny && names[0] == "<>") {
		return
	}
	loc := int(a.GetLocation())
	lstart := minLocation(a.GetLexpr())
	if loc < 0 || lstart < 0 || lstart >= loc {
		return
	}
	lstart = openingBefore(w.s, lstart, loc)
	lend := len(strings.TrimRight(w.s[:loc], " \t\r\n"))
	k := skipSpace(w.s, loc+len(names[0]))
	word := w.s[k:tokenEnd(w.s, k)]
	if !strings.EqualFold(word, "any") && !strings.EqualFold(word, "some") && !strings.EqualFold(word, "all") {
		return
	}
	open := skipSpace(w.s, k+len(word))
	if open >= len(w.s) || w.s[open] != '(' {
		return
	}
	end := groupEnd(w.s, open)
	w.add(lstart, end, func(r *renderer) string {
		call := "list_contains(" + r.render(open+1, end-1) + ", " + r.render(lstart, lend) + ")"
		if !isAny {
			return "(NOT " + call + ")"
		}
		return call
	})
}
