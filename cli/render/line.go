package render

import (
	"bufio"
	"io"

	"github.com/martdb/martdb/engine"
)

// writeLine writes every row as "name = value" lines with the names
// right-aligned to the widest one, and a blank line between rows, like the
// line mode of the DuckDB and SQLite shells. Values are escaped as in
// table, so that each stays on its line.
func writeLine(w io.Writer, rows Rows, cols []engine.Column, opt Options) (int64, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	labels := lineLabels(cols)
	null := escapeDisplay(opt.null())
	var line []byte
	n, err := eachRow(rows, cols, func(r int64, vals []any) error {
		line = line[:0]
		if r > 0 {
			line = append(line, '\n')
		}
		for i, v := range vals {
			text := null
			if v != nil {
				text = escapeDisplay(engine.FormatValue(v, cols[i]))
			}
			line = append(line, labels[i]...)
			line = append(line, text...)
			line = append(line, '\n')
		}
		_, err := bw.Write(line)
		return err
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// lineLabels returns "name = " for every column, the names padded on the
// left to the widest.
func lineLabels(cols []engine.Column) []string {
	names := make([]tableCell, len(cols))
	widest := 0
	for i, c := range cols {
		names[i] = newCell(c.Name)
		widest = max(widest, names[i].width)
	}
	labels := make([]string, len(cols))
	for i, name := range names {
		b := appendPadded(nil, name.text, name.width, widest, alignRight)
		labels[i] = string(append(b, " = "...))
	}
	return labels
}
