package complete

import (
	"strings"

	"github.com/martdb/martdb/cli/sqltok"
)

// sqlContext is what the tokens before the cursor say about it.
type sqlContext struct {
	src  string
	toks []sqltok.Token // significant tokens before the word at the cursor

	clause string // the last clause keyword at the cursor's depth, upper case
	calls  []call // open parentheses and brackets, innermost last
}

// call is an open parenthesis or bracket before the cursor.
type call struct {
	fn       string // the function it calls ("" for a plain parenthesis or a list)
	bracket  bool   // a [ list ]
	arg      int    // index of the argument the cursor is in
	firstArg string // the first argument when it is a single name
	named    map[string]bool
}

// clauseWords are the keywords that decide what follows in a statement.
var clauseWords = map[string]bool{
	"SELECT": true, "FROM": true, "JOIN": true, "WHERE": true, "GROUP": true, "ORDER": true,
	"HAVING": true, "QUALIFY": true, "ON": true, "USING": true, "INTO": true, "UPDATE": true,
	"SET": true, "TABLE": true, "DESCRIBE": true, "SUMMARIZE": true, "LIMIT": true,
	"VALUES": true, "WITH": true, "BY": true, "WINDOW": true, "RETURNING": true,
}

// analyze reads the significant tokens of src before offset end.
func analyze(src string, toks []sqltok.Token) sqlContext {
	ctx := sqlContext{src: src}
	clauses := []string{""}
	for _, t := range toks {
		if t.Kind == sqltok.Space || t.Kind == sqltok.Comment {
			continue
		}
		text := t.Text(src)
		switch {
		case t.Kind == sqltok.Punct && (text == "(" || text == "["):
			c := call{bracket: text == "[", named: map[string]bool{}}
			if prev := ctx.last(0); !c.bracket && prev.Kind == sqltok.Word && !sqltok.IsKeyword(prev.Text(src)) {
				c.fn = strings.ToLower(prev.Text(src))
			}
			ctx.calls = append(ctx.calls, c)
			clauses = append(clauses, "")
		case t.Kind == sqltok.Punct && (text == ")" || text == "]"):
			if len(ctx.calls) > 0 {
				ctx.calls = ctx.calls[:len(ctx.calls)-1]
				clauses = clauses[:len(clauses)-1]
			}
		case t.Kind == sqltok.Punct && text == ",":
			if n := len(ctx.calls); n > 0 {
				ctx.calls[n-1].arg++
			}
		case t.Kind == sqltok.Operator && text == ":=":
			if n := len(ctx.calls); n > 0 && ctx.last(0).Kind == sqltok.Word {
				ctx.calls[n-1].named[strings.ToLower(ctx.last(0).Text(src))] = true
			}
		case t.Kind == sqltok.Word && clauseWords[strings.ToUpper(text)]:
			clauses[len(clauses)-1] = strings.ToUpper(text)
		}
		if n := len(ctx.calls); n > 0 && ctx.calls[n-1].arg == 0 && t.Kind == sqltok.Word && ctx.last(0).Kind == sqltok.Punct && ctx.last(0).Text(src) == "(" {
			ctx.calls[n-1].firstArg = text
		}
		ctx.toks = append(ctx.toks, t)
	}
	ctx.clause = clauses[len(clauses)-1]
	return ctx
}

// last returns the significant token n places before the cursor (0 is the
// nearest), or a zero token.
func (c *sqlContext) last(n int) sqltok.Token {
	if i := len(c.toks) - 1 - n; i >= 0 {
		return c.toks[i]
	}
	return sqltok.Token{Kind: sqltok.Space}
}

// lastText is the text of last(n), upper-cased for a word.
func (c *sqlContext) lastText(n int) string {
	t := c.last(n)
	if t.Kind == sqltok.Space {
		return ""
	}
	if t.Kind == sqltok.Word {
		return strings.ToUpper(t.Text(c.src))
	}
	return t.Text(c.src)
}

// innermost is the innermost open parenthesis, if any.
func (c *sqlContext) innermost() *call {
	if n := len(c.calls); n > 0 {
		return &c.calls[n-1]
	}
	return nil
}

// wantsTable reports whether a table name fits at the cursor.
func (c *sqlContext) wantsTable() bool {
	switch c.lastText(0) {
	case "FROM", "JOIN", "INTO", "UPDATE", "TABLE", "DESCRIBE", "SUMMARIZE":
		return true
	case ",":
		return c.clause == "FROM" && c.innermost() == nil
	}
	return false
}

// tableRef is a table named in the statement and the alias it goes by.
type tableRef struct{ table, alias string }

// statementTables finds the tables the whole statement reads: the names
// after FROM, JOIN, INTO and UPDATE and in FROM's comma list, with their
// aliases.
func statementTables(src string, toks []sqltok.Token) []tableRef {
	var sig []sqltok.Token
	for _, t := range toks {
		if t.Kind != sqltok.Space && t.Kind != sqltok.Comment {
			sig = append(sig, t)
		}
	}
	var refs []tableRef
	inFrom := false
	for i := 0; i < len(sig); i++ {
		word := strings.ToUpper(sig[i].Text(src))
		isComma := sig[i].Kind == sqltok.Punct && word == ","
		switch {
		case sig[i].Kind == sqltok.Word && (word == "FROM" || word == "JOIN" || word == "INTO" || word == "UPDATE"):
			inFrom = word == "FROM" || word == "JOIN"
		case isComma && inFrom:
		case sig[i].Kind == sqltok.Word && clauseWords[word]:
			inFrom = false
			continue
		default:
			continue
		}
		name, next := qualifiedName(src, sig, i+1)
		if name == "" {
			continue
		}
		ref := tableRef{table: name}
		if next < len(sig) && strings.EqualFold(sig[next].Text(src), "AS") {
			next++
		}
		if next < len(sig) && (sig[next].Kind == sqltok.Word && !sqltok.IsKeyword(sig[next].Text(src)) || sig[next].Kind == sqltok.Ident) {
			ref.alias = unquote(sig[next].Text(src))
		}
		refs = append(refs, ref)
	}
	return refs
}

// qualifiedName reads a possibly dotted table name at sig[i] (the last
// part is the table), returning it and the index after it; "" when no
// name is there or when it is a function call.
func qualifiedName(src string, sig []sqltok.Token, i int) (string, int) {
	name := ""
	for i < len(sig) && (sig[i].Kind == sqltok.Word && !sqltok.IsKeyword(sig[i].Text(src)) || sig[i].Kind == sqltok.Ident) {
		name = unquote(sig[i].Text(src))
		i++
		if i < len(sig) && sig[i].Text(src) == "." {
			i++
			continue
		}
		break
	}
	if i < len(sig) && sig[i].Text(src) == "(" {
		return "", i
	}
	return name, i
}

// unquote removes an identifier's double quotes.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
