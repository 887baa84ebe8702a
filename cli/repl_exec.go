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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r.setRunning(true)
	defer r.setRunning(false)
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

func (r *repl) setRunning(on bool) {
	r.mu.Lock()
	r.running = on
	r.mu.Unlock()
}

// interrupt is Ctrl-C arriving as SIGINT: it cancels the running
// statement, if any. While the editor reads, Ctrl-C is a key, not a
// signal, and clears the input instead.
func (r *repl) interrupt() {
	r.mu.Lock()
	running := r.running
	r.mu.Unlock()
	if running {
		r.s.Cancel()
	}
}

// showProgress draws DuckDB's progress for the running statement on
// stderr once it has run for progressDelay, and returns the function that
// erases it (safe to call more than once).
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
