package engine

import (
	"context"
	"strconv"
	"strings"

	"github.com/martdb/martdb/sql/split"
)

// Parameters DuckDB cannot type. DuckDB leaves a parameter untyped when
// its context allows several types (i + $1 could be INTEGER or DATE) and
// then describes the whole result as one column of unknown type. Front
// ends that must describe a statement before running it (the wire
// server's Describe) need better: the columns are learned from probes,
// and text given for such a parameter is retried as a number.

// unknownColumns reports whether DuckDB left the result columns open.
func (p *Prepared) unknownColumns() bool {
	for _, c := range p.cols {
		if c.Type == "UNKNOWN" {
			return true
		}
	}
	return false
}

// probeColumns learns the result columns of a statement whose parameter
// types DuckDB could not infer (it then describes the result as one
// column of unknown type): it prepares copies with each parameter
// replaced by a NULL of a type, and reads the last copy's columns. A
// parameter's type is DuckDB's inference, else the client's hint, else
// VARCHAR where the statement accepts it (PostgreSQL, too, takes an
// untyped parameter as text), else an untyped NULL (which arithmetic
// accepts). If no copy prepares, the columns stay unknown.
func (p *Prepared) probeColumns(ctx context.Context, hints []string) {
	params := split.Params(p.text)
	types := make([]string, len(p.params))
	var open []int // parameters to try as VARCHAR
	for i, t := range p.params {
		switch {
		case t != "UNKNOWN":
			types[i] = t
		case i < len(hints) && hints[i] != "":
			types[i] = hints[i]
		default:
			open = append(open, i)
		}
	}
	for _, i := range open {
		types[i] = "VARCHAR"
		if !p.probe(ctx, params, types, false) {
			types[i] = ""
		}
	}
	p.probe(ctx, params, types, true)
}

// probe prepares the statement with parameters replaced by typed NULLs
// ("" untyped) and reports whether it prepared; keep stores its columns.
func (p *Prepared) probe(ctx context.Context, params []split.Param, types []string, keep bool) bool {
	var b strings.Builder
	last := 0
	for _, prm := range params {
		b.WriteString(p.text[last:prm.Start])
		if prm.N >= 1 && prm.N <= len(types) && types[prm.N-1] != "" {
			b.WriteString("CAST(NULL AS " + types[prm.N-1] + ")")
		} else {
			b.WriteString("NULL")
		}
		last = prm.End
	}
	b.WriteString(p.text[last:])
	stmt, _, err := p.s.prepare(ctx, b.String())
	if err != nil {
		return false
	}
	defer stmt.Close()
	probe := &Prepared{s: p.s, stmt: stmt, kind: p.kind}
	if err := probe.describe(); err != nil || probe.unknownColumns() {
		return false
	}
	if keep {
		p.cols = probe.cols
	}
	return true
}

// guessArgs converts string arguments of parameters whose type DuckDB
// could not infer into numbers where they read as numbers. ok is false
// when nothing changed.
func (p *Prepared) guessArgs(args []any) ([]any, bool) {
	var out []any
	for i, a := range args {
		str, isStr := a.(string)
		if !isStr || i >= len(p.params) || p.params[i] != "UNKNOWN" {
			continue
		}
		var v any
		if n, err := strconv.ParseInt(str, 10, 64); err == nil {
			v = n
		} else if f, err := strconv.ParseFloat(str, 64); err == nil && !strings.ContainsAny(str, "nNiI") {
			v = f
		} else {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = v
	}
	return out, out != nil
}
