package render

import (
	"bufio"
	"io"

	"github.com/martdb/martdb/engine"
)

// writeJSON writes one JSON array with an object per row, streaming: "["
// and the first object on the first line, then one object per line, and
// "]" on a line of its own. An empty result is "[]".
func writeJSON(w io.Writer, rows Rows, cols []engine.Column, _ Options) (int64, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	enc := newJSONObjects(cols)
	n, err := eachRow(rows, cols, func(i int64, vals []any) error {
		sep := ",\n"
		if i == 0 {
			sep = "[\n"
		}
		if _, err := bw.WriteString(sep); err != nil {
			return err
		}
		_, err := bw.Write(enc.object(vals))
		return err
	})
	if err != nil {
		return n, err
	}
	if rows.Err() != nil {
		// Leave the array open: a reader must not take what came
		// before the failure for the whole result.
		return n, bw.Flush()
	}
	end := "\n]\n"
	if n == 0 {
		end = "[]\n"
	}
	bw.WriteString(end)
	return n, bw.Flush()
}

// writeJSONL writes one JSON object per row and line, as the rows arrive.
func writeJSONL(w io.Writer, rows Rows, cols []engine.Column, _ Options) (int64, error) {
	bw := bufio.NewWriterSize(w, 32<<10)
	enc := newJSONObjects(cols)
	n, err := eachRow(rows, cols, func(_ int64, vals []any) error {
		_, err := bw.Write(append(enc.object(vals), '\n'))
		return err
	})
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// jsonObjects encodes rows as JSON objects whose keys are the column
// names in column order.
type jsonObjects struct {
	keys  [][]byte       // `"name":` of each column
	types []*engine.Type // type of each column, for nested values
	buf   []byte
}

func newJSONObjects(cols []engine.Column) *jsonObjects {
	j := &jsonObjects{keys: make([][]byte, len(cols)), types: make([]*engine.Type, len(cols))}
	for i, c := range cols {
		j.keys[i] = append(appendJSONString(nil, c.Name), ':')
		j.types[i] = engine.ParseType(c.Type)
	}
	return j
}

// object encodes one row. The result is valid until the next call.
func (j *jsonObjects) object(vals []any) []byte {
	b := append(j.buf[:0], '{')
	for i, v := range vals {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, j.keys[i]...)
		b = appendJSONValue(b, v, j.types[i])
	}
	b = append(b, '}')
	j.buf = b
	return b
}
