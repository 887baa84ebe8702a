package render

import (
	"bufio"
	"io"

	"github.com/martdb/martdb/engine"
)

// writeMarkdown writes a GitHub-flavoured Markdown table as the rows
// arrive: a header of names, a delimiter row with "---:" for numeric
// columns, then a line per row. Cells are not padded to a common width,
// which would need every row in memory first.
func writeMarkdown(w io.Writer, rows Rows, cols []engine.Column, opt Options) (int64, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	line := make([]byte, 0, 256)
	for _, c := range cols {
		line = appendMarkdownCell(line, c.Name)
	}
	line = append(line, "|\n"...)
	for _, c := range cols {
		line = append(line, "| --- "...)
		if c.Numeric() {
			line = append(line[:len(line)-1], ": "...)
		}
	}
	line = append(line, "|\n"...)
	if _, err := bw.Write(line); err != nil {
		return 0, err
	}
	null := opt.null()
	n, err := eachRow(rows, cols, func(_ int64, vals []any) error {
		line = line[:0]
		for i, v := range vals {
			text := null
			if v != nil {
				text = engine.FormatValue(v, cols[i])
			}
			line = appendMarkdownCell(line, text)
		}
		_, err := bw.Write(append(line, "|\n"...))
		return err
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// appendMarkdownCell appends "| text " with text escaped for a cell.
func appendMarkdownCell(b []byte, text string) []byte {
	b = append(b, "| "...)
	b = append(b, escapeMarkdown(text)...)
	return append(b, ' ')
}
