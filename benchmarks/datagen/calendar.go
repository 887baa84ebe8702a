package datagen

import "time"

const (
	secondsPerHour = 3600
	secondsPerDay  = 24 * secondsPerHour
)

// weekdayWeight is relative traffic by day of week (index time.Weekday,
// Sunday first): busiest early in the week, quiet on Saturday.
var weekdayWeight = [7]float64{0.80, 1.12, 1.10, 1.06, 1.02, 0.92, 0.70}

// hourWeight is relative traffic by hour of day: a night trough, a lunch
// bump and an evening peak.
var hourWeight = [24]float64{
	0.50, 0.30, 0.20, 0.15, 0.15, 0.20, 0.40, 0.70,
	0.90, 1.00, 1.05, 1.10, 1.20, 1.15, 1.05, 1.00,
	1.00, 1.05, 1.20, 1.40, 1.50, 1.40, 1.10, 0.80,
}

// holidayBoost lifts traffic in the pre-Christmas shopping season
// (24 November to 22 December).
const holidayBoost = 1.3

// calendar holds the time-of-traffic tables for one plan: a weight per day
// of the activity window and per hour of day, each scaled so its largest
// value is 1, which is what thinning needs.
type calendar struct {
	start     int64     // Unix seconds, midnight of day 0
	day       []float64 // weight of each day of the window, max 1
	hour      [24]float64
	hourCum   []float64 // cumulative hour weights, for drawing a time of day
	signupCum []float64 // cumulative signup weight over the signup days
	meanDay   float64   // average of day over the window
	meanHour  float64   // average of hour
}

func newCalendar(p plan) *calendar {
	days := int((p.end-p.start)/secondsPerDay) + 2
	c := &calendar{start: p.start, day: make([]float64, days)}
	maxDay := 0.0
	for i := range c.day {
		t := time.Unix(p.start+int64(i)*secondsPerDay, 0).UTC()
		w := weekdayWeight[t.Weekday()]
		if inHolidaySeason(t) {
			w *= holidayBoost
		}
		c.day[i] = w
		maxDay = max(maxDay, w)
	}
	for i := range c.day {
		c.day[i] /= maxDay
		c.meanDay += c.day[i]
	}
	c.meanDay /= float64(days)

	maxHour := 0.0
	for _, w := range hourWeight {
		maxHour = max(maxHour, w)
	}
	for h, w := range hourWeight {
		c.hour[h] = w / maxHour
		c.meanHour += c.hour[h]
	}
	c.meanHour /= 24
	c.hourCum = cumulative(c.hour[:])

	// Signups follow the day weights and grow over the year, as a young
	// shop's would.
	signup := make([]float64, signupDays)
	for i := range signup {
		signup[i] = c.day[i] * (1 + 0.6*float64(i)/signupDays)
	}
	c.signupCum = cumulative(signup)
	return c
}

func inHolidaySeason(t time.Time) bool {
	m, d := t.Month(), t.Day()
	return (m == time.November && d >= 24) || (m == time.December && d <= 22)
}

// intensity is the relative traffic at Unix second t, in [0, 1].
func (c *calendar) intensity(t int64) float64 {
	off := t - c.start
	d := off / secondsPerDay
	if off < 0 || d >= int64(len(c.day)) {
		return 0
	}
	return c.day[d] * c.hour[(off%secondsPerDay)/secondsPerHour]
}

// meanIntensity is the average of intensity over the window; dividing a
// target rate by it gives the candidate rate thinning needs.
func (c *calendar) meanIntensity() float64 { return c.meanDay * c.meanHour }

// signupTime draws a signup instant: a day by the signup weights, an hour
// by the hour weights, a uniform minute and second.
func (c *calendar) signupTime(r *rng) int64 {
	day := int64(r.pick(c.signupCum))
	hour := int64(r.pick(c.hourCum))
	return c.start + day*secondsPerDay + hour*secondsPerHour + r.Int64N(secondsPerHour)
}
