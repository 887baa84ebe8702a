package attribution

import (
	"math"
	"sort"
)

// A plain Go statement of the models, one conversion at a time over every
// touch, for the randomized comparison with the SQL (random_test.go).

// naiveTouch is one touch; a nil user or channel is NULL. ts is in
// microseconds.
type naiveTouch struct {
	user    *int
	ts      int64
	channel *string
}

// naiveConv is one conversion; cents is its value in hundredths (a
// DECIMAL(12,2)), nil for NULL.
type naiveConv struct {
	user  int
	ts    int64
	cents *int64
}

// naiveKey is one row of the report.
type naiveKey struct{ model, channel string }

// naiveCredit is a row's conversions and value.
type naiveCredit struct{ conversions, value float64 }

// valueMode says how conversions are valued: one each, their cents as a
// DECIMAL (split in whole cents) or as a DOUBLE.
type valueMode int

const (
	countValue valueMode = iota
	decimalValue
	doubleValue
)

// naiveOptions are the report's options in plain numbers.
type naiveOptions struct {
	lookbackUS, halfLifeUS int64
	direct                 map[string]bool
	mode                   valueMode
}

// naiveAttribution credits every conversion to the channels of its
// eligible touches under every model.
func naiveAttribution(touches []naiveTouch, convs []naiveConv, o naiveOptions) map[naiveKey]naiveCredit {
	out := map[naiveKey]naiveCredit{}
	for _, c := range convs {
		var el []naiveTouch
		for _, t := range touches {
			if t.user != nil && *t.user == c.user && t.channel != nil && t.ts >= c.ts-o.lookbackUS && t.ts <= c.ts {
				el = append(el, t)
			}
		}
		sort.SliceStable(el, func(i, j int) bool {
			if el[i].ts != el[j].ts {
				return el[i].ts < el[j].ts
			}
			return *el[i].channel < *el[j].channel
		})
		channels := make([]string, len(el))
		for i, t := range el {
			channels[i] = *t.channel
		}
		var ages []int64
		for _, t := range el {
			ages = append(ages, c.ts-t.ts)
		}
		if len(el) == 0 {
			channels, ages = []string{Unattributed}, []int64{0}
		}
		for _, m := range Models {
			shares, weights := naiveShares(m, channels, ages, o)
			credits := naiveValues(c, shares, weights, o.mode)
			for i, ch := range channels {
				k := naiveKey{m, ch}
				r := out[k]
				r.conversions += shares[i]
				r.value += credits[i]
				out[k] = r
			}
		}
	}
	if o.mode == decimalValue { // cents back to the DECIMAL's units
		for k, r := range out {
			r.value /= 100
			out[k] = r
		}
	}
	return out
}

// naiveShares is one model's shares of the touches (in order), and the
// whole-number weights the exact value split uses.
func naiveShares(model string, channels []string, ages []int64, o naiveOptions) (shares []float64, weights []int64) {
	n := len(channels)
	shares, weights = make([]float64, n), make([]int64, n)
	switch model {
	case "first_touch":
		shares[0] = 1
	case "last_touch":
		shares[n-1] = 1
	case "last_non_direct":
		pick := n - 1
		for i := n - 1; i >= 0; i-- {
			if channels[i] != Unattributed && !o.direct[channels[i]] {
				pick = i
				break
			}
		}
		shares[pick] = 1
	case "linear":
		for i := range shares {
			shares[i] = 1 / float64(n)
		}
	case "position_based":
		for i := range shares {
			switch {
			case n == 1:
				shares[i] = 1
			case n == 2:
				shares[i] = 0.5
			case i == 0 || i == n-1:
				shares[i] = 0.4
			default:
				shares[i] = 0.2 / float64(n-2)
			}
		}
	case "time_decay":
		latest := ages[n-1] // the latest touch is the last one
		var total float64
		w := make([]float64, n)
		for i := range w {
			w[i] = math.Pow(2, -float64(ages[i]-latest)/float64(o.halfLifeUS))
			total += w[i]
			weights[i] = int64(math.Round(w[i] * (1 << 40)))
		}
		for i := range w {
			shares[i] = w[i] / total
		}
		return shares, weights
	}
	// The other models' weights: 1 per touch for linear; for
	// position_based 1 each for one or two touches, else 2(n-2) at the
	// ends and 1 in the middle; the share itself for the 0-or-1 models.
	for i := range weights {
		switch {
		case model == "linear" || (model == "position_based" && n <= 2):
			weights[i] = 1
		case model == "position_based" && (i == 0 || i == n-1):
			weights[i] = int64(2 * (n - 2))
		case model == "position_based":
			weights[i] = 1
		default:
			weights[i] = int64(shares[i])
		}
	}
	return shares, weights
}

// naiveValues is a conversion's value split by the shares: the value
// times the share, or for a DECIMAL the cumulative rounding in whole
// cents (round(V * cumulative weight / total) minus the same for the
// touches before).
func naiveValues(c naiveConv, shares []float64, weights []int64, mode valueMode) []float64 {
	out := make([]float64, len(shares))
	var cents int64
	if c.cents != nil {
		cents = *c.cents
	}
	switch mode {
	case countValue:
		copy(out, shares)
	case doubleValue:
		for i, s := range shares {
			out[i] = float64(cents) / 100 * s
		}
	case decimalValue:
		var total, upto int64
		for _, w := range weights {
			total += w
		}
		part := func(q int64) int64 {
			switch {
			case q <= 0:
				return 0
			case q >= total:
				return cents
			}
			return int64(math.Round(float64(cents) * float64(q) / float64(total)))
		}
		for i, w := range weights {
			out[i] = float64(part(upto+w) - part(upto))
			upto += w
		}
	}
	return out
}
