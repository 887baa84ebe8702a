package complete

import (
	"strings"

	"github.com/martdb/martdb/cli/sqltok"
)

// completeSQL completes inside one statement; cursor is an offset of stmt.
func completeSQL(stmt string, cursor int, s Schema, files FileLister) ([]Candidate, int) {
	all := sqltok.Tokens(stmt)
	var before []sqltok.Token
	var at *sqltok.Token // the token the cursor is in or at the end of
	for i := range all {
		t := all[i]
		if t.End == cursor && (t.Kind == sqltok.Number || t.Kind == sqltok.Param) {
			return nil, cursor // a number being typed
		}
		if t.End < cursor || t.End == cursor && !touches(t) {
			before = append(before, t)
			continue
		}
		if t.Start < cursor {
			at = &all[i]
		}
		break
	}
	ctx := analyze(stmt, before)
	b := &builder{s: s, lower: lowerCase(stmt, all)}
	if at != nil {
		switch at.Kind {
		case sqltok.Comment, sqltok.Number, sqltok.Param:
			return nil, cursor
		case sqltok.String:
			if at.Open || cursor < at.End {
				return completeString(stmt, *at, cursor, &ctx, s, files)
			}
			return nil, cursor
		case sqltok.Word, sqltok.Ident:
			b.prefix = stmt[at.Start:cursor]
		}
	}
	start := cursor - len(b.prefix)
	b.expression(&ctx, statementTables(stmt, all))
	return b.out, start
}

// touches reports whether the cursor at the end of t is still in t: words
// and identifiers being typed, and strings and comments left open.
func touches(t sqltok.Token) bool {
	switch t.Kind {
	case sqltok.Word, sqltok.Ident:
		return true
	case sqltok.String, sqltok.Comment:
		return t.Open
	}
	return false
}

// lowerCase reports whether the statement is typed in lower case, judged
// by its first word.
func lowerCase(stmt string, toks []sqltok.Token) bool {
	for _, t := range toks {
		if t.Kind == sqltok.Word {
			w := t.Text(stmt)
			return strings.ToLower(w) == w
		}
	}
	return false
}

// statementKeywords start a statement.
var statementKeywords = strings.Fields("SELECT WITH FROM CREATE INSERT UPDATE DELETE DROP ALTER DESCRIBE SUMMARIZE SHOW EXPLAIN COPY EXPORT IMPORT ATTACH DETACH USE PIVOT UNPIVOT BEGIN COMMIT ROLLBACK SET PRAGMA CHECKPOINT")

// expression fills the candidates for a word at the cursor.
func (b *builder) expression(ctx *sqlContext, refs []tableRef) {
	if len(ctx.toks) == 0 {
		b.keywords(statementKeywords)
		return
	}
	if ctx.lastText(0) == "." {
		b.qualified(ctx, refs)
		return
	}
	if ctx.wantsTable() {
		b.tables()
		b.functions(func(f *Function) bool { return f.isTable() })
		return
	}
	if c := ctx.innermost(); c != nil && c.fn != "" {
		if b.callArgument(ctx, c) {
			return
		}
	}
	for _, r := range refs {
		b.columns(r.table)
	}
	b.functions(func(f *Function) bool { return !f.isTable() })
	b.keywords(sqltok.Keywords)
}

// qualified completes "alias." with the columns of the aliased table.
func (b *builder) qualified(ctx *sqlContext, refs []tableRef) {
	q := ctx.last(1)
	if q.Kind != sqltok.Word && q.Kind != sqltok.Ident {
		return
	}
	name := unquote(q.Text(ctx.src))
	for _, r := range refs {
		if strings.EqualFold(r.alias, name) || strings.EqualFold(r.table, name) {
			b.columns(r.table)
			return
		}
	}
	b.columns(name)
}

// callArgument completes an argument of a call to fn: the source table of
// a table function, its named options and, inside it, its source's
// columns. It reports whether it decided the candidates alone.
func (b *builder) callArgument(ctx *sqlContext, c *call) bool {
	fns := b.named(c.fn)
	if len(fns) == 0 {
		return false
	}
	table := false
	for _, f := range fns {
		table = table || f.isTable()
	}
	if table && c.arg == 0 {
		b.tables()
		return true
	}
	if prev := ctx.lastText(0); prev == "(" || prev == "," {
		for _, f := range fns {
			b.options(f, c.named)
		}
	}
	if table && c.firstArg != "" {
		b.columns(unquote(c.firstArg))
	}
	return false
}
