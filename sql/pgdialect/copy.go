package pgdialect

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// copyStatement describes COPY: the table or query, the direction, and
// the options in either syntax (WITH (FORMAT csv, HEADER) or CSV HEADER).
func copyStatement(text string, c *pg_query.CopyStmt) Statement {
	spec := &CopySpec{From: c.GetIsFrom(), Stdio: c.GetFilename() == "" && !c.GetIsProgram(), Format: "text", Options: map[string]string{}}
	if r := c.GetRelation(); r != nil {
		spec.Table = qualifiedName(r)
	}
	for _, a := range c.GetAttlist() {
		if s := a.GetString_(); s != nil {
			spec.Columns = append(spec.Columns, s.GetSval())
		}
	}
	if c.GetQuery() != nil {
		open := skipSpace(text, keywordAfter(text, 0, "copy"))
		if open < len(text) && text[open] == '(' {
			end := groupEnd(text, open)
			if q, err := Translate(text[open+1 : end-1]); err == nil {
				spec.Query = q.SQL
			}
		}
	}
	for _, o := range c.GetOptions() {
		d := o.GetDefElem()
		if d == nil {
			continue
		}
		name := strings.ToLower(d.GetDefname())
		value := "true"
		if d.GetArg() != nil {
			value = constString(d.GetArg())
		}
		switch name {
		case "format":
			spec.Format = strings.ToLower(value)
		case "header":
			spec.Header = isTrue(value)
		default:
			spec.Options[name] = value
		}
	}
	return Statement{Kind: Copy, Tag: "COPY", Copy: spec}
}

func qualifiedName(r *pg_query.RangeVar) string {
	name := quoteIdent(r.GetRelname())
	if r.GetSchemaname() != "" {
		name = quoteIdent(r.GetSchemaname()) + "." + name
	}
	return name
}

func isTrue(v string) bool {
	switch strings.ToLower(v) {
	case "true", "on", "1", "yes", "t":
		return true
	}
	return false
}
