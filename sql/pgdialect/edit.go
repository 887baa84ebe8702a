package pgdialect

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// edit replaces s[start:end] of the original text with what build
// returns; build may render parts of the replaced range, with the edits
// nested in them, through the renderer.
type edit struct {
	start, end int
	build      func(r *renderer) string

	newStart, newEnd int // where a top-level edit's text landed in the result
}

// renderer applies edits to the original text.
type renderer struct {
	s     string
	edits []*edit // by start, outer before inner
}

func newRenderer(s string, edits []*edit) *renderer {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end > edits[j].end
	})
	return &renderer{s: s, edits: edits}
}

// render is s[start:end] with the edits inside it applied. An edit that
// straddles the range's edge, or an earlier edit, is left out.
func (r *renderer) render(start, end int) string {
	var b strings.Builder
	r.renderTo(&b, start, end, false)
	return b.String()
}

// renderTo writes the rendering to b; top marks the whole statement,
// whose edits record where they landed.
func (r *renderer) renderTo(b *strings.Builder, start, end int, top bool) {
	pos := start
	for _, e := range r.edits {
		if e.start < pos || e.end > end {
			continue
		}
		if e.start == e.end && e.end == end && !top {
			continue // an insertion at the range's end belongs outside it
		}
		b.WriteString(r.s[pos:e.start])
		text := e.build(r)
		if top {
			e.newStart = b.Len()
			e.newEnd = e.newStart + len(text)
		}
		b.WriteString(text)
		pos = e.end
	}
	b.WriteString(r.s[pos:end])
}

// apply renders the whole text and returns the top-level edits in order.
func (r *renderer) apply() (string, []edit) {
	var b strings.Builder
	r.renderTo(&b, 0, len(r.s), true)
	out := b.String()
	var top []edit
	pos := 0
	for _, e := range r.edits {
		if e.start < pos {
			continue
		}
		top = append(top, *e)
		pos = e.end
	}
	return out, top
}

// shift moves edits' original offsets by n (the statement's text starts
// n bytes into the text Translate was given).
func shift(edits []edit, n int) []edit {
	out := make([]edit, len(edits))
	for i, e := range edits {
		e.start += n
		e.end += n
		out[i] = e
	}
	return out
}

// MapPosition maps a 1-based character position in SQL (where DuckDB
// reports an error) to the position in the text given to Translate. A
// position inside rewritten text maps to the start of what it replaced.
func (s Statement) MapPosition(pos int) int {
	if pos <= 0 || s.text == "" {
		return pos
	}
	b := byteOffset(s.SQL, pos-1)
	orig := b + s.base
	for _, e := range s.edits {
		if b < e.newStart {
			break
		}
		if b < e.newEnd {
			orig = e.start
			break
		}
		orig = b - e.newEnd + e.end
	}
	return utf8.RuneCountInString(s.text[:min(orig, len(s.text))]) + 1
}

// byteOffset is the byte offset of the n-th character (0-based) of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
