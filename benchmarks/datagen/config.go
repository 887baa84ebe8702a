package datagen

import (
	"fmt"
	"math"
	"time"
)

// Config chooses how much data Generate writes and which data it is.
type Config struct {
	// Scale sizes the shop: 1 is about 100,000 events (10,000 customers),
	// 1000 about 100 million. It must be a positive, finite number no larger
	// than MaxScale.
	Scale float64
	// Seed selects the data. The same Seed, Scale and Start give identical
	// tables, row for row.
	Seed int64
	// Start is the first signup day. Only its calendar date counts (time of
	// day and location are ignored); the zero value means 2025-01-01.
	// Signups spread over the year from Start and activity continues up to
	// thirteen months after it.
	Start time.Time
}

// Stats counts the rows Generate wrote.
type Stats struct {
	Customers, Events, Orders int64
}

// MaxScale is the largest Config.Scale Generate accepts (about 10^11
// events), a guard against sizes whose ids would not fit the tables.
const MaxScale = 1e6

const (
	// eventsPerScale is the expected number of events at Scale 1.
	eventsPerScale = 100_000
	// customersPerScale is the number of customers at Scale 1; the
	// behaviour model is tuned for ten events per customer on average.
	customersPerScale = 10_000
	// signupDays is how many days signups spread over.
	signupDays = 365
	// activityMonths is how long after Start activity runs.
	activityMonths = 13
)

// DefaultStart is the first signup day when Config.Start is zero.
var DefaultStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// validate reports the first thing wrong with c, naming the field.
func (c Config) validate() error {
	switch {
	case math.IsNaN(c.Scale) || c.Scale <= 0:
		return fmt.Errorf("datagen: Config.Scale must be > 0, got %v", c.Scale)
	case c.Scale > MaxScale:
		return fmt.Errorf("datagen: Config.Scale must be at most %g, got %v", float64(MaxScale), c.Scale)
	}
	if !c.Start.IsZero() {
		if y := c.Start.Year(); y < 1900 || y > 9000 {
			return fmt.Errorf("datagen: Config.Start must fall in the years 1900 to 9000, got %v", c.Start)
		}
	}
	return nil
}

// plan is a validated Config turned into the numbers generation works from.
type plan struct {
	seed      int64
	customers int64 // customer ids run from 1 to customers
	events    int64 // expected number of events
	start     int64 // first signup day, Unix seconds at midnight UTC
	end       int64 // no session starts at or after this instant, Unix seconds
}

// newPlan validates c and derives its plan.
func newPlan(c Config) (plan, error) {
	if err := c.validate(); err != nil {
		return plan{}, err
	}
	start := DefaultStart
	if !c.Start.IsZero() {
		y, m, d := c.Start.Date()
		start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	customers := int64(math.Round(c.Scale * customersPerScale))
	events := int64(math.Round(c.Scale * eventsPerScale))
	return plan{
		seed:      c.Seed,
		customers: max(customers, 1),
		events:    max(events, 1),
		start:     start.Unix(),
		end:       start.AddDate(0, activityMonths, 0).Unix(),
	}, nil
}
