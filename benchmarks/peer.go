package main

import (
	"context"
	"time"
)

// peer is one engine the harness measures.
type peer interface {
	Name() string
	Dialect() string
	// Open loads the data (or attaches to it); the harness times it.
	Open(ctx context.Context, d *dataset) error
	// Run runs one query and returns its rows.
	Run(ctx context.Context, sql string) ([][]any, error)
	Close() error
}

// unavailable is the error of a peer that cannot run here; its message
// says how to make it available.
type unavailable struct{ why string }

func (u unavailable) Error() string { return u.why }

// timed runs fn and returns how long it took.
func timed(fn func() error) (time.Duration, error) {
	start := time.Now()
	err := fn()
	return time.Since(start), err
}
