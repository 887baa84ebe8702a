package cli

import (
	"github.com/martdb/martdb/cli/chart"
	"github.com/martdb/martdb/cli/render"
	"github.com/martdb/martdb/engine"
)

// recorder passes a result's rows to a renderer and keeps a copy of the
// first limit of them, for .chart and for rendering again.
type recorder struct {
	src       render.Rows
	limit     int
	rows      [][]any
	truncated bool // more rows than limit
}

func (r *recorder) Columns() []engine.Column { return r.src.Columns() }
func (r *recorder) Values() []any            { return r.src.Values() }
func (r *recorder) Err() error               { return r.src.Err() }

func (r *recorder) Next() bool {
	if !r.src.Next() {
		return false
	}
	if len(r.rows) < r.limit {
		r.rows = append(r.rows, append([]any(nil), r.src.Values()...))
	} else {
		r.truncated = true
	}
	return true
}

// table is the recorded rows in the chart package's terms.
func (r *recorder) table() chart.Table {
	return chartTable(r.src.Columns(), r.rows)
}

// replay returns the recorded rows as a new result to render.
func (r *recorder) replay() render.Rows {
	return &replayRows{cols: r.src.Columns(), rows: r.rows, i: -1}
}

type replayRows struct {
	cols []engine.Column
	rows [][]any
	i    int
}

func (p *replayRows) Columns() []engine.Column { return p.cols }
func (p *replayRows) Next() bool               { p.i++; return p.i < len(p.rows) }
func (p *replayRows) Values() []any            { return p.rows[p.i] }
func (p *replayRows) Err() error               { return nil }
