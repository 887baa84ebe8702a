package pgdialect

import (
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// PostgreSQL's format(formatstr, args...) takes %s, %I and %L
// conversions; DuckDB's format is fmt's {} syntax, so format('%I.%I',
// s, t) would come back unchanged. A call whose format string is a
// constant with PostgreSQL conversions becomes their concatenation:
// %s the argument as text ('' for NULL), %I quote_ident of it, %L it
// as a quoted literal ('NULL' for NULL), %% a percent sign, and %n$s
// and the like take the n-th argument. A format string with widths or
// flags, or with no conversions at all, is left to DuckDB.

// formatPiece is one part of a format string: literal text, or the
// conversion of the arg-th argument (0-based).
type formatPiece struct {
	text string
	conv byte
	arg  int
}

// parseFormat splits a PostgreSQL format string into pieces; ok is
// false when it holds no conversion or one this rewrite does not
// handle.
func parseFormat(f string) (pieces []formatPiece, ok bool) {
	next, convs := 0, 0
	var lit strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			lit.WriteByte(f[i])
			continue
		}
		i++
		if i >= len(f) {
			return nil, false
		}
		if f[i] == '%' {
			lit.WriteByte('%')
			continue
		}
		arg := next
		if j := strings.IndexByte(f[i:], '$'); j > 0 {
			if n, err := strconv.Atoi(f[i : i+j]); err == nil && n >= 1 {
				arg = n - 1
				i += j + 1
			}
		}
		if i >= len(f) || !strings.ContainsRune("sIL", rune(f[i])) {
			return nil, false
		}
		if lit.Len() > 0 {
			pieces = append(pieces, formatPiece{text: lit.String()})
			lit.Reset()
		}
		pieces = append(pieces, formatPiece{conv: f[i], arg: arg})
		next = arg + 1
		convs++
	}
	if lit.Len() > 0 {
		pieces = append(pieces, formatPiece{text: lit.String()})
	}
	return pieces, convs > 0
}

// format rewrites format(constant, args...) with PostgreSQL conversions.
func (w *rewriter) format(f *pg_query.FuncCall) {
	names := stringList(f.GetFuncname())
	args := f.GetArgs()
	if len(names) == 0 || names[len(names)-1] != "format" || len(args) < 2 || f.GetAggStar() || f.GetOver() != nil {
		return
	}
	tmpl := args[0].GetAConst().GetSval()
	loc := int(f.GetLocation())
	if tmpl == nil || loc < 0 {
		return
	}
	pieces, ok := parseFormat(tmpl.GetSval())
	if !ok {
		return
	}
	open := skipSpace(w.s, nameEnd(w.s, loc))
	if open >= len(w.s) || w.s[open] != '(' {
		return
	}
	end := groupEnd(w.s, open)
	spans := splitArgs(w.s, open, end)
	if len(spans) != len(args) {
		return
	}
	for _, p := range pieces {
		if p.conv != 0 && p.arg+1 >= len(spans) {
			return // too few arguments: PostgreSQL's error, from DuckDB
		}
	}
	w.add(loc, end, func(r *renderer) string {
		parts := make([]string, 0, len(pieces))
		for _, p := range pieces {
			if p.conv == 0 {
				parts = append(parts, quoteLiteral(p.text))
				continue
			}
			span := spans[p.arg+1]
			text := "CAST(" + r.render(span[0], span[1]) + " AS VARCHAR)"
			switch p.conv {
			case 's':
				parts = append(parts, "coalesce("+text+", '')")
			case 'I':
				parts = append(parts, pgCatalogPath+"quote_ident("+text+")")
			case 'L':
				parts = append(parts, "coalesce('''' || replace("+text+", '''', '''''') || '''', 'NULL')")
			}
		}
		return "(" + strings.Join(parts, " || ") + ")"
	})
}

// splitArgs are the byte ranges of the comma-separated arguments
// between the parentheses at open and end-1, spaces trimmed.
func splitArgs(s string, open, end int) [][2]int {
	var spans [][2]int
	start, depth := open+1, 0
	closeSpan := func(j int) {
		a := skipSpace(s, start)
		b := len(strings.TrimRight(s[:j], " \t\r\n"))
		if a < b {
			spans = append(spans, [2]int{a, b})
		}
	}
	for j := skipSpace(s, open+1); j < end-1; j = skipSpace(s, tokenEnd(s, j)) {
		switch s[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth == 0 {
				closeSpan(j)
				start = j + 1
			}
		}
	}
	closeSpan(end - 1)
	return spans
}
