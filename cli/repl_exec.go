package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/martdb/martdb/engine"
)

// execSQL runs one statement, shows its result or error, and reports
// whether it succeeded. Ctrl-C while it runs cancels it (see interrupt).
func (r *repl) execSQL(text string) bool {
	ctx, done := r.cancellable()
	defer done()
	stopProgress := r.showProgress(ctx)
	start := time.Now()
	err := r.s.Exec(ctx, text, func(res *engine.Result) error {
		stopProgress()
		return r.out.result(res)
	})
	stopProgress()
	elapsed := time.Since(start)
	if err != nil {
		printError(r.e.stderr, err, text)
	}
	if r.timer {
		fmt.Fprintf(r.e.stdout, "Time: %.3f ms\n", float64(elapsed.Microseconds())/1000)
	}
	if err == nil && mayChangeSchema(text) {
		r.schema.invalidate()
	}
	return err == nil
}

// cancellable is the context for one statement, import or export, which
// Ctrl-C cancels until done is called.
func (r *repl) cancellable() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	r.mu.Lock()
	r.cancel = cancel
	r.mu.Unlock()
	return ctx, func() {
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		cancel()
	}
}

// interrupt is Ctrl-C arriving as SIGINT: it cancels the executing
// statement, if any, through the context the statement runs under, so
// that it counts even before the statement reaches DuckDB. While the
// editor reads, Ctrl-C is a key, not a signal, and clears the input
// instead.
func (r *repl) interrupt() {
	r.mu.Lock()
	cancel := r.cancel
	r.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// executing reports whether a statement, import or export is executing.
func (r *repl) executing() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cancel != nil
}

// showProgress draws DuckDB's progress for the running statement on
// stderr once it has run for progressDelay (or, when DuckDB cannot tell,
// how long it has run), and returns the function that erases it (safe to
// call more than once).
func (r *repl) showProgress(ctx context.Context) func() {
	if !isTerminal(r.e.stderr) {
		return func() {}
	}
	bar := &progressBar{w: r.e.stderr, label: "running", start: time.Now()}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if pct, ok := r.s.Progress(); ok {
					bar.update(pct)
				} else {
					bar.elapsed()
				}
			}
		}
	}()
	var once bool
	return func() {
		if once {
			return
		}
		once = true
		close(done)
		<-stopped
		bar.clear()
	}
}
