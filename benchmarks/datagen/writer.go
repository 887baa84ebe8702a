package datagen

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// flushEvents is how many events the writer appends between explicit
// flushes of its appenders. DuckDB's appender also flushes by itself; the
// explicit flush bounds what it buffers and is a point where cancellation
// takes effect.
const flushEvents = 1 << 18

// writer appends blocks, in order, through one DuckDB appender per table
// and gives session and order ids their global numbers.
type writer struct {
	customers, events, orders *duckdb.Appender
	row                       []driver.Value // reused argument slice
	sessionBase, orderBase    int64          // ids used by earlier blocks
	sinceFlush                int64
	stats                     Stats
}

// openWriter opens the appenders on the driver connection dc.
func openWriter(dc driver.Conn) (*writer, error) {
	w := &writer{row: make([]driver.Value, 6)}
	var err error
	for _, t := range []struct {
		name string
		app  **duckdb.Appender
	}{{"customers", &w.customers}, {"events", &w.events}, {"orders", &w.orders}} {
		if *t.app, err = duckdb.NewAppenderFromConn(dc, "", t.name); err != nil {
			w.abort()
			return nil, fmt.Errorf("datagen: appender for %s: %w", t.name, err)
		}
	}
	return w, nil
}

// write appends block b. Session ids and order ids run from 1 in append
// order.
func (w *writer) write(ctx context.Context, b *block) error {
	if err := w.writeCustomers(b); err != nil {
		return err
	}
	if err := w.writeEvents(b); err != nil {
		return err
	}
	if err := w.writeOrders(b); err != nil {
		return err
	}
	w.sessionBase += b.sessions
	w.orderBase += int64(len(b.orders))
	w.sinceFlush += int64(len(b.events))
	if w.sinceFlush >= flushEvents {
		w.sinceFlush = 0
		return w.flush(ctx)
	}
	return nil
}

func (w *writer) writeCustomers(b *block) error {
	row := w.row[:6]
	for i := range b.customers {
		copy(row, b.customers[i][:])
		if err := w.customers.AppendRow(row...); err != nil {
			return fmt.Errorf("datagen: appending to customers: %w", err)
		}
	}
	w.stats.Customers += int64(len(b.customers))
	return nil
}

func (w *writer) writeEvents(b *block) error {
	row := w.row[:5]
	var sessionVal driver.Value
	lastSession := int32(-1)
	for i := range b.events {
		e := &b.events[i]
		copy(row, e.vals[:])
		if e.session != lastSession {
			lastSession = e.session
			sessionVal = w.sessionBase + int64(e.session) + 1
		}
		row[3] = sessionVal
		if e.order >= 0 {
			row[4] = purchaseProps(w.orderBase + int64(e.order) + 1)
		}
		if err := w.events.AppendRow(row...); err != nil {
			return fmt.Errorf("datagen: appending to events: %w", err)
		}
	}
	w.stats.Events += int64(len(b.events))
	return nil
}

func (w *writer) writeOrders(b *block) error {
	row := w.row[:5]
	for i := range b.orders {
		copy(row, b.orders[i].vals[:])
		row[0] = w.orderBase + int64(i) + 1
		if err := w.orders.AppendRow(row...); err != nil {
			return fmt.Errorf("datagen: appending to orders: %w", err)
		}
	}
	w.stats.Orders += int64(len(b.orders))
	return nil
}

// flush hands everything appended so far to DuckDB.
func (w *writer) flush(ctx context.Context) error {
	for _, a := range w.appenders() {
		if err := a.FlushWithCancel(ctx); err != nil {
			return fmt.Errorf("datagen: flushing rows: %w", err)
		}
	}
	return nil
}

// close flushes and closes the appenders.
func (w *writer) close(ctx context.Context) error {
	var errs []error
	for _, a := range w.appenders() {
		if err := a.CloseWithCancel(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	w.customers, w.events, w.orders = nil, nil, nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("datagen: closing appenders: %w", err)
	}
	return nil
}

// abort discards unflushed rows and closes the appenders; the tables are
// dropped afterwards anyway.
func (w *writer) abort() {
	for _, a := range w.appenders() {
		_ = a.Clear()
		_ = a.Close()
	}
	w.customers, w.events, w.orders = nil, nil, nil
}

func (w *writer) appenders() []*duckdb.Appender {
	var as []*duckdb.Appender
	for _, a := range []*duckdb.Appender{w.customers, w.events, w.orders} {
		if a != nil {
			as = append(as, a)
		}
	}
	return as
}
