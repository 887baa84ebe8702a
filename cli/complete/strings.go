package complete

import (
	"strings"

	"github.com/martdb/martdb/cli/sqltok"
)

// completeString completes inside a string literal: an option's value, or
// a file path where a file fits.
func completeString(stmt string, tok sqltok.Token, cursor int, ctx *sqlContext, s Schema, files FileLister) ([]Candidate, int) {
	body := tok.Start + 1
	if stmt[tok.Start] != '\'' {
		return nil, cursor // E'' and $$ strings hold no options or paths
	}
	content := stmt[body:cursor]
	b := &builder{s: s}
	if c := ctx.innermost(); c != nil && ctx.lastText(0) == ":=" && ctx.last(1).Kind == sqltok.Word {
		option := strings.ToLower(ctx.last(1).Text(stmt))
		var choices []string
		for _, f := range b.named(c.fn) {
			if choices == nil {
				choices = f.Choices[option]
			}
		}
		// Options such as mode take a comma-separated set.
		i := strings.LastIndexByte(content, ',') + 1
		for i < len(content) && content[i] == ' ' {
			i++
		}
		b.prefix = content[i:]
		b.choices(choices, strings.Split(content[:i], ","))
		return b.out, body + i
	}
	if wantsFile(ctx) && files != nil {
		b.prefix = content
		for _, p := range files(content) {
			b.add(Candidate{Text: p, Display: p, Kind: "file"})
		}
		return b.out, body
	}
	return nil, cursor
}

// wantsFile reports whether a string at the cursor names a file: after
// FROM or JOIN, after COPY ... TO/FROM, or as the first argument of a
// read_* function.
func wantsFile(ctx *sqlContext) bool {
	switch ctx.lastText(0) {
	case "FROM", "JOIN", "TO", "ATTACH":
		return true
	case "(":
		c := ctx.innermost()
		return c != nil && (strings.HasPrefix(c.fn, "read_") || c.fn == "parquet_scan")
	}
	return false
}
