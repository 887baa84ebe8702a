package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/martdb/martdb/storage"
)

// progressDelay is how long an import or export runs before its progress
// bar appears: quick ones stay silent.
const progressDelay = time.Second

// progressBar draws a one-line bar on a terminal and erases it when done.
type progressBar struct {
	w       io.Writer
	label   string
	start   time.Time
	mu      sync.Mutex
	visible bool
}

// newProgress returns a progress callback that draws on stderr when stderr
// is a terminal, and a function that clears the bar. Off a terminal both
// do nothing.
func (e *env) newProgress(label string) (storage.ProgressFunc, func()) {
	if !isTerminal(e.stderr) {
		return nil, func() {}
	}
	b := &progressBar{w: e.stderr, label: label, start: time.Now()}
	return b.update, b.clear
}

func (b *progressBar) update(pct float64) {
	if time.Since(b.start) < progressDelay {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.visible = true
	fmt.Fprintf(b.w, "\r%s", formatBar(b.label, pct, 30))
}

// elapsed draws how long the work has run, for when DuckDB cannot tell
// how far it got.
func (b *progressBar) elapsed() {
	d := time.Since(b.start)
	if d < progressDelay {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.visible = true
	fmt.Fprintf(b.w, "\r%s %s\x1b[K", b.label, d.Truncate(time.Second))
}

func (b *progressBar) clear() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.visible {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.visible = false
	}
}

// formatBar renders "label [#####.....]  50%" with width cells.
func formatBar(label string, pct float64, width int) string {
	if pct < 0 {
		pct = 0
	}
	if pct > 100 {
		pct = 100
	}
	filled := int(pct / 100 * float64(width))
	return fmt.Sprintf("%s [%s%s] %3.0f%%", label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), pct)
}
