package cli

import (
	"math/big"
	"strings"
	"time"

	"github.com/martdb/martdb/cli/chart"
	"github.com/martdb/martdb/engine"
)

// chartTable converts recorded rows to the chart package's plain values:
// numbers to float64, dates and timestamps to time.Time, anything else to
// its text as the table shows it, except that a list becomes the text of
// each element (a path's steps, a rule's items).
func chartTable(cols []engine.Column, rows [][]any) chart.Table {
	t := chart.Table{Rows: make([][]any, len(rows))}
	for _, c := range cols {
		t.Columns = append(t.Columns, chart.Column{Name: c.Name, Type: c.Type})
	}
	for i, r := range rows {
		out := make([]any, len(r))
		for j, v := range r {
			out[j] = chartValue(v, cols[j])
		}
		t.Rows[i] = out
	}
	return t
}

func chartValue(v any, col engine.Column) any {
	switch x := v.(type) {
	case nil:
		return nil
	case int8:
		return float64(x)
	case int16:
		return float64(x)
	case int32:
		return float64(x)
	case int64:
		return float64(x)
	case uint8:
		return float64(x)
	case uint16:
		return float64(x)
	case uint32:
		return float64(x)
	case uint64:
		return float64(x)
	case float32:
		return float64(x)
	case float64:
		return x
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	case interface{ Float64() float64 }: // DECIMAL
		return x.Float64()
	case []any:
		if col.BaseType() == "LIST" {
			elem := engine.Column{Name: col.Name, Type: strings.TrimSuffix(col.Type, "[]")}
			out := make([]string, len(x))
			for i, e := range x {
				if e == nil {
					out[i] = "NULL"
					continue
				}
				out[i] = engine.FormatValue(e, elem)
			}
			return out
		}
	case time.Time:
		if col.BaseType() == "TIME" {
			return engine.FormatValue(v, col)
		}
		return x
	}
	return engine.FormatValue(v, col)
}
