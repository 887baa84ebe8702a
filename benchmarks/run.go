package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"
)

// measurement is one peer's timings of one query.
type measurement struct {
	Peer    string          `json:"peer"`
	Times   []time.Duration `json:"-"`
	Median  float64         `json:"median_ms"`
	Min     float64         `json:"min_ms"`
	Max     float64         `json:"max_ms"`
	Ratio   float64         `json:"ratio_to_martdb,omitempty"` // median / martdb's median
	Skipped string          `json:"skipped,omitempty"`
	Error   string          `json:"error,omitempty"`
	answer  answer
}

// queryResult is every peer's measurement of one query.
type queryResult struct {
	Query        string         `json:"query"`
	Title        string         `json:"title"`
	Measurements []*measurement `json:"peers"`
	Mismatch     []string       `json:"mismatches,omitempty"`
}

// loadResult is how long a peer took to load the data.
type loadResult struct {
	Peer    string  `json:"peer"`
	Seconds float64 `json:"seconds"`
	Skipped string  `json:"skipped,omitempty"`
}

// runPeer loads the data into one peer and measures every query on it.
func runPeer(ctx context.Context, p peer, d *dataset, qs []*query, runs int, logf func(string, ...any)) (loadResult, map[string]*measurement) {
	out := map[string]*measurement{}
	load, err := timed(func() error { return p.Open(ctx, d) })
	defer p.Close()
	lr := loadResult{Peer: p.Name(), Seconds: load.Seconds()}
	if err != nil {
		var u unavailable
		if !errors.As(err, &u) {
			err = fmt.Errorf("%s: %w", p.Name(), err)
		}
		lr.Skipped = err.Error()
		logf("skip %s", err)
		for _, q := range qs {
			out[q.Name] = &measurement{Peer: p.Name(), Skipped: "not available"}
		}
		return lr, out
	}
	logf("%s: loaded in %.2f s", p.Name(), load.Seconds())
	for _, q := range qs {
		out[q.Name] = measure(ctx, p, q, runs)
		m := out[q.Name]
		switch {
		case m.Error != "":
			logf("%s %s: ERROR %s", p.Name(), q.Name, m.Error)
		case m.Skipped == "":
			logf("%s %s: median %.1f ms", p.Name(), q.Name, m.Median)
		}
	}
	return lr, out
}

// measure runs a query once to warm up and keep its answer, then runs
// times more, timed.
func measure(ctx context.Context, p peer, q *query, runs int) *measurement {
	m := &measurement{Peer: p.Name()}
	text, ok := q.sqlFor(p.Dialect())
	if !ok {
		m.Skipped = "no " + p.Dialect() + " formulation"
		return m
	}
	rows, err := p.Run(ctx, text)
	if err != nil {
		m.Error = err.Error()
		return m
	}
	m.answer = newAnswer(rows)
	for range runs {
		d, err := timed(func() error { _, err := p.Run(ctx, text); return err })
		if err != nil {
			m.Error = err.Error()
			return m
		}
		m.Times = append(m.Times, d)
	}
	m.summarise()
	return m
}

// summarise computes median, min and max in milliseconds.
func (m *measurement) summarise() {
	ts := append([]time.Duration(nil), m.Times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	n := len(ts)
	med := ts[n/2]
	if n%2 == 0 {
		med = (ts[n/2-1] + ts[n/2]) / 2
	}
	m.Median, m.Min, m.Max = ms(med), ms(ts[0]), ms(ts[n-1])
}

// compare checks every peer's answer against the reference peer's (the
// first with an answer) and sets the ratios; it returns the mismatches.
func compare(r *queryResult) {
	var ref *measurement
	for _, m := range r.Measurements {
		if m.answer != nil && ref == nil {
			ref = m
			continue
		}
		if m.answer == nil || ref == nil {
			continue
		}
		if d := diff(ref.answer, m.answer); d != "" {
			r.Mismatch = append(r.Mismatch, fmt.Sprintf("%s disagrees with %s: %s", m.Peer, ref.Peer, d))
			m.Error = "WRONG ANSWER: " + d
		}
	}
	if ref == nil || ref.Median == 0 {
		return
	}
	for _, m := range r.Measurements {
		if m.Median > 0 && m.Error == "" {
			m.Ratio = m.Median / ref.Median
		}
	}
}
