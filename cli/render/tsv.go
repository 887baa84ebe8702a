package render

import (
	"bufio"
	"io"

	"github.com/martdb/martdb/engine"
)

// writeTSV writes a header and one tab-separated line per row as the rows
// arrive. NULL is an empty field; tabs, newlines, carriage returns and
// backslashes inside values (and names) are escaped as \t, \n, \r and \\.
func writeTSV(w io.Writer, rows Rows, cols []engine.Column, _ Options) (int64, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	line := make([]byte, 0, 256)
	for i, c := range cols {
		line = appendTSVField(line, i, c.Name)
	}
	if _, err := bw.Write(append(line, '\n')); err != nil {
		return 0, err
	}
	n, err := eachRow(rows, cols, func(_ int64, vals []any) error {
		line = line[:0]
		for i, v := range vals {
			line = appendTSVField(line, i, plainText(v, cols[i]))
		}
		_, err := bw.Write(append(line, '\n'))
		return err
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// appendTSVField appends field i of a line, with the tab before it.
func appendTSVField(b []byte, i int, s string) []byte {
	if i > 0 {
		b = append(b, '\t')
	}
	return append(b, escapeTSV(s)...)
}
