package datagen

import (
	"context"
	"sync"
)

// pipeline fills blocks on several worker goroutines and hands them out in
// block order. A block's rows depend only on the seed and its customer ids,
// so which worker fills it, and when, changes nothing in the output.
// At most about three blocks per worker exist at any time, which bounds
// memory whatever the scale.
type pipeline struct {
	ordered <-chan chan *block // one slot per block, in block order
	pool    sync.Pool
	cancel  context.CancelFunc
	wg      sync.WaitGroup
}

type job struct {
	index int64
	out   chan<- *block
}

// startPipeline starts workers goroutines filling the blocks of m.
func startPipeline(ctx context.Context, m *model, workers int) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	ordered := make(chan chan *block, 2*workers)
	jobs := make(chan job)
	p := &pipeline{ordered: ordered, cancel: cancel}
	p.pool.New = func() any { return new(block) }
	blocks := (m.customers + blockCustomers - 1) / blockCustomers

	p.wg.Go(func() {
		defer close(ordered)
		defer close(jobs)
		for i := range blocks {
			out := make(chan *block, 1)
			select {
			case ordered <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{index: i, out: out}:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		p.wg.Go(func() {
			g := newGenerator(m)
			for j := range jobs {
				b := p.pool.Get().(*block)
				b.reset()
				first := j.index*blockCustomers + 1
				g.fill(b, first, min(first+blockCustomers-1, m.customers))
				j.out <- b
			}
		})
	}
	return p
}

// next returns the next block in order, false after the last one, or the
// context's error.
func (p *pipeline) next(ctx context.Context) (*block, bool, error) {
	var slot chan *block
	var ok bool
	select {
	case slot, ok = <-p.ordered:
		if !ok {
			return nil, false, nil
		}
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
	select {
	case b := <-slot:
		return b, true, nil
	case <-ctx.Done():
		return nil, false, ctx.Err()
	}
}

// release returns a written block for reuse.
func (p *pipeline) release(b *block) {
	b.reset()
	p.pool.Put(b)
}

// stop ends the goroutines and waits for them.
func (p *pipeline) stop() {
	p.cancel()
	p.wg.Wait()
}
