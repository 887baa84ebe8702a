package datagen

import "database/sql/driver"

// blockCustomers is how many consecutive customers one block holds: about
// 5,000 events, small enough to keep memory flat, large enough that
// handing blocks between goroutines costs nothing that shows.
const blockCustomers = 512

// A block is the rows of a run of consecutive customers, ready to append.
// Values are boxed as driver.Value by the worker that fills the block, so
// the appending goroutine does as little as possible. Session and order ids
// are numbered from 0 within the block; the writer adds the running totals
// of earlier blocks, which makes the ids global, sequential and
// independent of which worker filled which block.
type block struct {
	customers [][6]driver.Value
	events    []eventRow
	orders    []orderRow
	sessions  int64 // sessions in the block
}

// eventRow is one events row. vals[3] (session_id) is filled in by the
// writer from session; so is vals[4] (properties) of a purchase, from order.
type eventRow struct {
	vals    [5]driver.Value
	session int32 // block-local session number
	order   int32 // block-local order number of a purchase, else -1
}

// orderRow is one orders row; vals[0] (order_id) is filled in by the
// writer from the row's position in the block.
type orderRow struct {
	vals [5]driver.Value
}

// reset empties b for reuse, keeping its capacity.
func (b *block) reset() {
	clear(b.customers)
	clear(b.events)
	clear(b.orders)
	b.customers = b.customers[:0]
	b.events = b.events[:0]
	b.orders = b.orders[:0]
	b.sessions = 0
}
