package datagen

import (
	"database/sql/driver"
	"math/big"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Funnel parameters: the chance that a session reaches each step given it
// reached the one before, and how many events a step makes.
const (
	// browseMore is the stop chance of the geometric number of extra page
	// views after landing (mean about 0.8 more).
	browseMore = 0.55
	// productFirst and productLater are the chances that a first and a
	// returning session view products at all.
	productFirst = 0.55
	productLater = 0.68
	// productMore is the stop chance of the geometric number of product
	// views beyond the first (mean about 1.2 more).
	productMore = 0.45
	// pageBetween is the chance of a page view before each further product
	// view (browsing between products).
	pageBetween = 0.3
	// cartBase is the add-to-cart chance of a session with product views,
	// before channel, device, propensity and loyalty multipliers;
	// cartCap bounds the product.
	cartBase = 0.22
	cartCap  = 0.9
	// loyalBoost multiplies the add-to-cart chance of customers who have
	// ordered before.
	loyalBoost = 1.6
	// cartMore is the stop chance of further add-to-carts (mean 0.7 more).
	cartMore = 0.6
	// checkoutRate and purchaseRate are the chances of going from cart to
	// checkout and from checkout to purchase; loyal customers get
	// loyalStep more on each.
	checkoutRate = 0.55
	purchaseRate = 0.72
	loyalStep    = 0.12
	// freeShippingCents is the order subtotal from which shipping is free;
	// below it shippingCents is added.
	freeShippingCents = 5000
	shippingCents     = 499
	// maxGap bounds the pause between two events of a session, well under
	// the usual 30-minute sessionization timeout.
	maxGap = 20 * 60
)

// Mean pauses, in seconds, before events of each kind (on top of a few
// seconds' minimum).
const (
	pagePause     = 25
	productPause  = 50
	cartPause     = 20
	checkoutPause = 60
	purchasePause = 90
)

// cartLine is one add_to_cart of the current session.
type cartLine struct {
	product int64
	qty     int
}

// session writes one session of the current customer starting at t,
// arriving through channel source; n counts the customer's earlier
// sessions. It returns the time of the session's last event.
func (g *generator) session(t int64, source, n int) int64 {
	c, r, props := g.cur, g.r, g.m.props
	local := int32(g.b.sessions)
	g.b.sessions++
	g.viewed, g.cart = g.viewed[:0], g.cart[:0]

	g.event(t, local, evPageView, props.landing[source])
	for range r.geometric(browseMore, 10) {
		t = g.pause(t, 3, pagePause)
		g.event(t, local, evPageView, props.page[r.IntN(len(pages))])
	}

	viewP := productFirst
	if n > 0 {
		viewP = productLater
	}
	if !r.chance(viewP) {
		return t
	}
	views := 1 + r.geometric(productMore, 20)
	for i := range views {
		if i > 0 && r.chance(pageBetween) {
			t = g.pause(t, 3, pagePause)
			g.event(t, local, evPageView, props.page[r.IntN(len(pages))])
		}
		p := g.m.cat.product(r)
		g.viewed = append(g.viewed, p)
		t = g.pause(t, 5, productPause)
		g.event(t, local, evProductView, props.product[p-1])
	}

	loyal := c.orders > 0
	if !r.chance(g.cartChance(loyal)) {
		return t
	}
	items := 0
	for range 1 + r.geometric(cartMore, 6) {
		line := cartLine{product: g.viewed[r.IntN(len(g.viewed))], qty: g.quantity()}
		g.cart = append(g.cart, line)
		items += line.qty
		t = g.pause(t, 3, cartPause)
		g.event(t, local, evAddToCart, props.cartAdd[line.product-1][line.qty-1])
	}

	if !r.chance(loyalRate(checkoutRate, loyal)) {
		return t
	}
	t = g.pause(t, 10, checkoutPause)
	g.event(t, local, evCheckout, props.checkout(items))

	if !r.chance(loyalRate(purchaseRate, loyal)) {
		return t
	}
	t = g.pause(t, 15, purchasePause)
	g.purchase(t, local, items)
	return t
}

// cartChance is the chance that the current session, having viewed
// products, adds to the cart.
func (g *generator) cartChance(loyal bool) float64 {
	c := g.cur
	p := cartBase * channels[c.channel].buy * devices[c.device].buy * c.propensity
	if loyal {
		p *= loyalBoost
	}
	return min(p, cartCap)
}

func loyalRate(p float64, loyal bool) float64 {
	if loyal {
		return p + loyalStep
	}
	return p
}

// quantity draws how many of a product one add_to_cart adds.
func (g *generator) quantity() int {
	switch u := g.r.Float64(); {
	case u < 0.85:
		return 1
	case u < 0.97:
		return 2
	default:
		return maxQty
	}
}

// pause returns t advanced by the pause before the next event: at least
// least seconds, exponential with the given mean beyond that, never more
// than maxGap.
func (g *generator) pause(t int64, least, mean float64) int64 {
	return t + int64(min(least+g.r.exp(mean), maxGap))
}

// event appends one event of the current customer.
func (g *generator) event(t int64, session int32, kind int, props driver.Value) {
	g.b.events = append(g.b.events, eventRow{
		vals:    [5]driver.Value{g.cur.idVal, time.Unix(t, 0).UTC(), g.m.props.event[kind], nil, props},
		session: session,
		order:   -1,
	})
}

// purchase appends the purchase event and its order for the current cart.
func (g *generator) purchase(t int64, session int32, items int) {
	c := g.cur
	var cents int64
	for _, l := range g.cart {
		cents += int64(l.qty) * g.m.cat.price(l.product)
	}
	if cents < freeShippingCents {
		cents += shippingCents
	}
	ts := driver.Value(time.Unix(t, 0).UTC())
	g.b.events = append(g.b.events, eventRow{
		vals:    [5]driver.Value{c.idVal, ts, g.m.props.event[evPurchase], nil, nil},
		session: session,
		order:   int32(len(g.b.orders)),
	})
	g.b.orders = append(g.b.orders, orderRow{vals: [5]driver.Value{
		nil, c.idVal, ts, amount(cents), int32(items),
	}})
	c.orders++
}

// amount is a DECIMAL(12,2) value of cents.
func amount(cents int64) driver.Value {
	return duckdb.Decimal{Width: 12, Scale: 2, Value: big.NewInt(cents)}
}
