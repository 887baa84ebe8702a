package datagen

import (
	"database/sql/driver"
	"strconv"
)

// Event names, in funnel order.
const (
	evPageView = iota
	evProductView
	evAddToCart
	evCheckout
	evPurchase
)

var eventNames = [...]string{"page_view", "product_view", "add_to_cart", "checkout", "purchase"}

// maxQty is the largest quantity one add_to_cart puts in the cart;
// maxItemsProp the largest checkout item count with a prepared property.
const (
	maxQty       = 3
	maxItemsProp = 64
)

// pages are the non-landing pages a page_view can show, drawn uniformly
// (category is listed twice: it is the most visited).
var pages = []string{"home", "category", "search", "category", "deals"}

// properties holds every properties text an event can carry except a
// purchase's, built and boxed once per Generate so events share them:
// at a hundred million events the properties column dominates the data,
// and sharing keeps generation from allocating per event.
type properties struct {
	event   [len(eventNames)]driver.Value // boxed event names
	landing []driver.Value                // {"utm_source":...} by channel index
	page    []driver.Value                // {"page":...} by pages index
	product []driver.Value                // {"product_id":N} by product id - 1
	cartAdd [][maxQty]driver.Value        // {"product_id":N,"qty":Q}
	items   []driver.Value                // {"items":N} by N, for N <= maxItemsProp
}

func newProperties() *properties {
	p := &properties{}
	for i, n := range eventNames {
		p.event[i] = n
	}
	for _, c := range channels {
		p.landing = append(p.landing, `{"utm_source":"`+c.name+`"}`)
	}
	for _, pg := range pages {
		p.page = append(p.page, `{"page":"`+pg+`"}`)
	}
	p.cartAdd = make([][maxQty]driver.Value, catalogSize)
	for id := 1; id <= catalogSize; id++ {
		n := strconv.Itoa(id)
		p.product = append(p.product, `{"product_id":`+n+`}`)
		for q := 1; q <= maxQty; q++ {
			p.cartAdd[id-1][q-1] = `{"product_id":` + n + `,"qty":` + strconv.Itoa(q) + `}`
		}
	}
	for n := 0; n <= maxItemsProp; n++ {
		p.items = append(p.items, itemsProps(n))
	}
	return p
}

func itemsProps(n int) string { return `{"items":` + strconv.Itoa(n) + `}` }

// checkout returns the properties of a checkout of n items.
func (p *properties) checkout(n int) driver.Value {
	if n <= maxItemsProp {
		return p.items[n]
	}
	return itemsProps(n)
}

// purchaseProps is the properties text of the purchase that placed order id.
func purchaseProps(id int64) string {
	var a [40]byte
	buf := append(a[:0], `{"order_id":`...)
	buf = strconv.AppendInt(buf, id, 10)
	buf = append(buf, '}')
	return string(buf)
}
