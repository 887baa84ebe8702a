package datagen

import (
	"database/sql/driver"
	"math"
	"strconv"
	"time"
)

// Behaviour parameters of returning customers.
const (
	// rateMedian and rateSigma give the lognormal visit rate (sessions per
	// day, shortly after signup) of a returning customer: a median of
	// about one visit every two weeks, a long tail of daily visitors.
	rateMedian = 0.058
	rateSigma  = 1.1
	// rateCap bounds the visit rate, and so the most active customers.
	rateCap = 2.5
	// decayFloor and decayDays shape how interest fades with age: the
	// visit rate falls from 1x at signup towards decayFloor x with a time
	// constant of decayDays.
	decayFloor = 0.30
	decayDays  = 30
	// maxSessions bounds one customer's sessions.
	maxSessions = 1500
	// minSessionGap is the least idle time between two sessions of a
	// customer, so a 30-minute sessionization always separates them.
	minSessionGap = 45 * 60
	// propensitySigma spreads customers' eagerness to buy (lognormal,
	// mean 1).
	propensitySigma = 0.5
)

// customer is one customer's attributes and hidden behaviour.
type customer struct {
	id         int64
	idVal      driver.Value // id, boxed once for all the customer's rows
	signup     int64        // Unix seconds
	country    int
	channel    int
	device     int
	domain     int     // index into emailDomains
	returns    bool    // comes back after the first session at all
	rate       float64 // visits per day at signup, before weekly and daily rhythm
	churnAt    int64   // Unix seconds; no visits from then on
	propensity float64 // multiplies the add-to-cart chance
	orders     int     // orders placed so far
}

// generator fills blocks. Each worker goroutine owns one.
type generator struct {
	m      *model
	r      *rng
	b      *block
	cur    *customer
	viewed []int64    // products viewed in the current session
	cart   []cartLine // the current session's cart
	buf    []byte
}

func newGenerator(m *model) *generator {
	return &generator{m: m, r: newRNG()}
}

// fill writes customers first..last (inclusive) into b.
func (g *generator) fill(b *block, first, last int64) {
	g.b = b
	var c customer
	for id := first; id <= last; id++ {
		g.r.reseed(g.m.seed, saltCustomer, id)
		g.drawCustomer(&c, id)
		g.appendCustomer(&c)
		g.visits(&c)
	}
	g.b, g.cur = nil, nil
}

// drawCustomer draws the attributes and behaviour of customer id from the
// customer's own random stream, which must be freshly seeded.
func (g *generator) drawCustomer(c *customer, id int64) {
	r, m := g.r, g.m
	*c = customer{id: id, idVal: id}
	c.signup = m.cal.signupTime(r)
	c.channel = r.pick(m.channelCum)
	c.device = r.pick(m.deviceCum)
	c.country = r.pick(m.countryCum)
	c.domain = r.IntN(len(emailDomains))
	p := channels[c.channel]
	c.returns = r.chance(p.returnProb)
	c.rate = min(r.lognormal(math.Log(rateMedian), rateSigma), rateCap)
	c.churnAt = c.signup + int64(r.exp(p.lifetimeDays*secondsPerDay))
	c.propensity = r.lognormal(-propensitySigma*propensitySigma/2, propensitySigma)
}

// appendCustomer adds c's customers row.
func (g *generator) appendCustomer(c *customer) {
	m := g.m
	g.buf = append(g.buf[:0], "user"...)
	g.buf = strconv.AppendInt(g.buf, c.id, 10)
	g.buf = append(g.buf, '@')
	g.buf = append(g.buf, emailDomains[c.domain]...)
	g.b.customers = append(g.b.customers, [6]driver.Value{
		c.idVal,
		time.Unix(c.signup, 0).UTC(),
		m.countryVals[c.country],
		m.channelVals[c.channel],
		m.deviceVals[c.device],
		string(g.buf),
	})
}

// visits writes all of c's sessions: the first at signup through the
// acquisition channel, then, for a returning customer, visits until churn
// or the end of the data.
func (g *generator) visits(c *customer) {
	g.cur = c
	t, source := c.signup, c.channel
	for n := 0; ; n++ {
		end := g.session(t, source, n)
		if !c.returns || n+1 >= maxSessions {
			return
		}
		if t = g.nextVisit(end); t < 0 {
			return
		}
		source = g.returnSource()
	}
}

// nextVisit draws the start of the visit after a session that ended at
// end, or -1 if the customer makes none. Visits form a Poisson process
// whose rate follows the calendar (weekday, hour, season) and fades with
// the customer's age; it is sampled by thinning: candidates at the peak
// rate, each kept with probability rate(t)/peak.
func (g *generator) nextVisit(end int64) int64 {
	c, cal, r := g.cur, g.m.cal, g.r
	stop := min(c.churnAt, g.m.end)
	peakPerDay := c.rate / cal.meanIntensity()
	meanGap := secondsPerDay / peakPerDay
	t := float64(end + minSessionGap)
	for {
		t += r.exp(meanGap)
		if t >= float64(stop) {
			return -1
		}
		ts := int64(t)
		age := float64(ts-c.signup) / secondsPerDay
		fade := decayFloor + (1-decayFloor)*math.Exp(-age/decayDays)
		if r.chance(cal.intensity(ts) * fade) {
			return ts
		}
	}
}

// returnSource draws the channel a returning visit comes through.
func (g *generator) returnSource() int {
	if g.r.chance(ownChannelReturn) {
		return g.cur.channel
	}
	return g.r.pick(g.m.returnCum)
}
