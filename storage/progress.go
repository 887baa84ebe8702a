package storage

import (
	"context"
	"time"
)

// progressInterval is how often a running import or export reports its
// progress.
const progressInterval = 100 * time.Millisecond

// withProgress runs fn while reporting the connection's query progress to
// report (when both report and raw are set) every progressInterval. It
// stops reporting before it returns.
func withProgress(ctx context.Context, raw *Raw, report ProgressFunc, fn func() error) error {
	if report == nil || raw == nil {
		return fn()
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(progressInterval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if pct, ok := raw.Progress(); ok {
					report(pct)
				}
			}
		}
	}()
	err := fn()
	close(done)
	<-stopped
	return err
}
