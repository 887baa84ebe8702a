package render

import (
	"encoding/csv"
	"io"

	"github.com/martdb/martdb/engine"
)

// writeCSV writes an RFC 4180 header and one record per row as the rows
// arrive, NULL as an empty field. Records end in "\n", as encoding/csv
// writes them by default.
func writeCSV(w io.Writer, rows Rows, cols []engine.Column, _ Options) (int64, error) {
	cw := csv.NewWriter(w)
	record := make([]string, len(cols))
	for i, c := range cols {
		record[i] = c.Name
	}
	if err := cw.Write(record); err != nil {
		return 0, err
	}
	n, err := eachRow(rows, cols, func(_ int64, vals []any) error {
		for i, v := range vals {
			record[i] = plainText(v, cols[i])
		}
		return cw.Write(record)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// plainText is the text of a value for the formats that show NULL as
// nothing.
func plainText(v any, col engine.Column) string {
	if v == nil {
		return ""
	}
	return engine.FormatValue(v, col)
}
