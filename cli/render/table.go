package render

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/martdb/martdb/engine"
)

// tableCell is a piece of text as the grid shows it, with its display
// width.
type tableCell struct {
	text  string
	width int
}

func newCell(text string) tableCell {
	text = escapeDisplay(text)
	return tableCell{text: text, width: displayWidth(text)}
}

// tableData is what a table needs before it can draw anything: the
// header, the rows it shows and the number of rows in the result.
type tableData struct {
	names    []tableCell
	types    []tableCell
	aligns   []align       // alignment of each column's values
	natural  []int         // widest text of each column
	chunks   [][]tableCell // the shown rows, perChunk rows to a chunk
	perChunk int
	shown    int   // rows in chunks
	total    int64 // rows in the result, shown or not
}

// chunkRows is how many rows a chunk of cells holds at most. Growing one
// slice for all rows would copy every cell again each time it doubles.
const chunkRows = 1024

// newTableData prepares for the columns cols and at most maxRows rows (0
// for no limit).
func newTableData(cols []engine.Column, maxRows int) *tableData {
	d := &tableData{
		names:    make([]tableCell, len(cols)),
		types:    make([]tableCell, len(cols)),
		aligns:   make([]align, len(cols)),
		natural:  make([]int, len(cols)),
		perChunk: chunkRows,
	}
	if maxRows > 0 {
		d.perChunk = min(maxRows, chunkRows)
	}
	for i, c := range cols {
		d.names[i] = newCell(c.Name)
		d.types[i] = newCell(lowerType(c.Type))
		d.natural[i] = max(d.names[i].width, d.types[i].width)
		if c.Numeric() {
			d.aligns[i] = alignRight
		}
	}
	return d
}

// row returns the cells of shown row r.
func (d *tableData) row(r int) []tableCell {
	n := len(d.names)
	chunk := d.chunks[r/d.perChunk]
	i := r % d.perChunk * n
	return chunk[i : i+n]
}

// add appends a row to the shown rows.
func (d *tableData) add(vals []any, cols []engine.Column, null tableCell) {
	if d.shown%d.perChunk == 0 {
		d.chunks = append(d.chunks, make([]tableCell, 0, d.perChunk*len(cols)))
	}
	chunk := &d.chunks[len(d.chunks)-1]
	for i, v := range vals {
		c := null
		if v != nil {
			c = newCell(engine.FormatValue(v, cols[i]))
		}
		d.natural[i] = max(d.natural[i], c.width)
		*chunk = append(*chunk, c)
	}
	d.shown++
}

// writeTable draws the box grid. It has to see the rows it shows before
// drawing the first line, so it keeps up to opt.MaxRows of them as text
// and only counts the rest.
func writeTable(w io.Writer, rows Rows, cols []engine.Column, opt Options) (int64, error) {
	d, err := collectTable(rows, cols, opt)
	if err != nil {
		return d.total, err
	}
	if err := rows.Err(); err != nil {
		return d.total, err
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	drawTable(bw, d, opt.Width)
	return d.total, bw.Flush()
}

// collectTable reads all rows, keeping the first opt.MaxRows (all of them
// when 0).
func collectTable(rows Rows, cols []engine.Column, opt Options) (*tableData, error) {
	d := newTableData(cols, opt.MaxRows)
	null := newCell(opt.null())
	for rows.Next() {
		d.total++
		if opt.MaxRows > 0 && d.total > int64(opt.MaxRows) {
			continue
		}
		vals, err := rowValues(rows, cols)
		if err != nil {
			return d, err
		}
		d.add(vals, cols, null)
	}
	return d, nil
}

// The pieces of the grid.
const (
	boxHorizontal = "─"
	boxVertical   = "│"
)

type ruleStyle struct{ left, middle, right string }

var (
	ruleTop    = ruleStyle{"┌", "┬", "┐"}
	ruleMiddle = ruleStyle{"├", "┼", "┤"}
	ruleBottom = ruleStyle{"└", "┴", "┘"}
)

// gapCell fills the gap column in the header and the rows; its type line
// is left empty.
var gapCell = tableCell{text: ellipsis, width: 1}

// drawTable writes the grid and its footer to w; write errors surface when
// the caller flushes w.
func drawTable(w *bufio.Writer, d *tableData, width int) {
	g := grid{w: w, l: planLayout(d.natural, width)}
	center := make([]align, len(d.names))
	for i := range center {
		center[i] = alignCenter
	}
	g.rule(ruleTop)
	g.row(d.names, center, gapCell)
	g.row(d.types, center, tableCell{})
	if d.shown > 0 {
		g.rule(ruleMiddle)
	}
	for r := range d.shown {
		g.row(d.row(r), d.aligns, gapCell)
	}
	g.rule(ruleBottom)
	w.WriteString(tableFooter(d, g.l, width))
}

// grid writes the lines of a table laid out by l.
type grid struct {
	w   *bufio.Writer
	l   layout
	buf []byte
}

// rule writes a horizontal line.
func (g *grid) rule(s ruleStyle) {
	b := append(g.buf[:0], s.left...)
	for i, w := range g.l.widths {
		if i > 0 {
			b = append(b, s.middle...)
		}
		for range w + 2 {
			b = append(b, boxHorizontal...)
		}
	}
	b = append(b, s.right...)
	g.write(append(b, '\n'))
}

// row writes one line of cells, indexed by column, cutting and padding
// each to its width; gap fills the column that stands for the columns
// left out.
func (g *grid) row(cells []tableCell, aligns []align, gap tableCell) {
	b := append(g.buf[:0], boxVertical...)
	for i, c := range g.l.cols {
		cell, a := gap, alignCenter
		if c != gapColumn {
			cell, a = cells[c], aligns[c]
		}
		text, tw := truncate(cell.text, cell.width, g.l.widths[i])
		b = append(b, ' ')
		b = appendPadded(b, text, tw, g.l.widths[i], a)
		b = append(b, ' ')
		b = append(b, boxVertical...)
	}
	g.write(append(b, '\n'))
}

func (g *grid) write(line []byte) {
	g.buf = line
	g.w.Write(line)
}

// tableFooter counts the rows, says how many of them are shown when
// MaxRows cut the table, and how many columns are shown when some were
// left out. Its parts go on one line when they fit in width.
func tableFooter(d *tableData, l layout, width int) string {
	rows := plural(d.total, "row")
	if shown := int64(d.shown); shown < d.total {
		rows += " (" + strconv.FormatInt(shown, 10) + " shown)"
	}
	parts := []string{rows}
	if shown, all := l.shown(), len(d.names); shown < all {
		parts = append(parts, plural(int64(all), "column")+" ("+strconv.Itoa(shown)+" shown)")
	}
	joined := strings.Join(parts, "  ")
	if width > 0 && displayWidth(joined) > width {
		joined = strings.Join(parts, "\n")
	}
	return joined + "\n"
}

// plural says "1 row", "0 rows", "12 rows".
func plural(n int64, noun string) string {
	s := strconv.FormatInt(n, 10) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
