package datagen

// model is everything generation reads and never writes: the plan, the
// calendar, the catalog, the prepared properties and the cumulative tables
// for the attribute mixes. Workers share one model.
type model struct {
	plan
	cal        *calendar
	cat        *catalog
	props      *properties
	channelCum []float64
	countryCum []float64
	deviceCum  []float64
	returnCum  []float64
	// Boxed attribute names, so rows share them instead of boxing again.
	channelVals, countryVals, deviceVals []any
}

func newModel(p plan) *model {
	m := &model{plan: p, cal: newCalendar(p), cat: newCatalog(p.seed), props: newProperties()}
	var shares []float64
	for _, c := range channels {
		shares = append(shares, c.share)
		m.channelVals = append(m.channelVals, c.name)
	}
	m.channelCum = cumulative(shares)

	shares = nil
	for _, c := range countries {
		shares = append(shares, c.share)
		m.countryVals = append(m.countryVals, c.code)
	}
	m.countryCum = cumulative(shares)

	shares = nil
	for _, d := range devices {
		shares = append(shares, d.share)
		m.deviceVals = append(m.deviceVals, d.name)
	}
	m.deviceCum = cumulative(shares)
	m.returnCum = cumulative(returnSourceWeights)
	return m
}
