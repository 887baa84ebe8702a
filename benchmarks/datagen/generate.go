package datagen

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
)

// maxWorkers bounds the generating goroutines; the appending goroutine is
// the bottleneck well before more would help.
const maxWorkers = 4

// Generate creates the tables customers, events and orders on conn and
// fills them with the shop described by cfg (see the package comment). It
// fails with ErrTableExists if any of the three (or a view of the same
// name) exists already in the connection's current schema, with
// ErrInTransaction if conn is inside an open transaction, and with an
// error naming the field if cfg is invalid.
//
// Generate works in one transaction of its own: on any failure nothing is
// left behind. If ctx is cancelled it returns ctx.Err() promptly.
//
// progress, if not nil, is called now and then, on the calling goroutine,
// with the number of events written so far and the expected total. The
// total is an estimate, raised to done should done pass it, and equals
// done in the last call, which comes before the commit.
func Generate(ctx context.Context, conn *sql.Conn, cfg Config, progress func(done, total int64)) (Stats, error) {
	return generate(ctx, conn, cfg, progress, defaultWorkers())
}

func defaultWorkers() int { return min(runtime.GOMAXPROCS(0), maxWorkers) }

// generate is Generate with the number of worker goroutines chosen.
func generate(ctx context.Context, conn *sql.Conn, cfg Config, progress func(done, total int64), workers int) (Stats, error) {
	p, err := newPlan(cfg)
	if err != nil {
		return Stats{}, err
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	var stats Stats
	err = inOwnTransaction(ctx, conn, func() error {
		if err := checkNoTables(ctx, conn); err != nil {
			return err
		}
		if err := createTables(ctx, conn); err != nil {
			return err
		}
		return conn.Raw(func(dc any) error {
			drv, ok := dc.(driver.Conn)
			if !ok {
				return errors.New("datagen: not a database/sql driver connection")
			}
			var err error
			stats, err = fill(ctx, drv, newModel(p), max(workers, 1), progress)
			return err
		})
	})
	if err != nil {
		return Stats{}, ctxErrOr(ctx, err)
	}
	return stats, nil
}

// fill generates every block of m and appends it through dc.
func fill(ctx context.Context, dc driver.Conn, m *model, workers int, progress func(done, total int64)) (Stats, error) {
	w, err := openWriter(dc)
	if err != nil {
		return Stats{}, err
	}
	pl := startPipeline(ctx, m, workers)
	defer pl.stop()
	rep := reporter{fn: progress, total: m.events}
	for {
		b, ok, err := pl.next(ctx)
		if err != nil {
			w.abort()
			return Stats{}, err
		}
		if !ok {
			break
		}
		err = w.write(ctx, b)
		pl.release(b)
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			w.abort()
			return Stats{}, err
		}
		rep.update(w.stats.Events)
	}
	if err := w.close(ctx); err != nil {
		return Stats{}, err
	}
	rep.finish(w.stats.Events)
	return w.stats, nil
}

// ctxErrOr returns ctx's error if it has one (the failure is then the
// cancellation's doing), else err.
func ctxErrOr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	return err
}

// reporter calls a progress callback about every half percent.
type reporter struct {
	fn          func(done, total int64)
	total, last int64
}

func (r *reporter) update(done int64) {
	if r.fn == nil || done-r.last < max(r.total/200, 1) {
		return
	}
	r.last = done
	r.fn(done, max(r.total, done))
}

func (r *reporter) finish(done int64) {
	if r.fn != nil {
		r.fn(done, done)
	}
}

// String makes Stats readable in logs.
func (s Stats) String() string {
	return fmt.Sprintf("%d customers, %d events, %d orders", s.Customers, s.Events, s.Orders)
}
