package datagen

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Salts keep the random streams of different purposes apart even when they
// are keyed by the same number.
const (
	saltCustomer uint64 = 0x6a09e667f3bcc908
	saltProduct  uint64 = 0xbb67ae8584caa73b
)

// mix64 is the SplitMix64 finaliser: a bijection on 64-bit words whose
// outputs for neighbouring inputs look unrelated.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// streamSeeds derives the two PCG seed words for key (a customer or product
// id) under seed and salt, so that each key has its own stream that depends
// on nothing else.
func streamSeeds(seed int64, salt uint64, key int64) (uint64, uint64) {
	s := mix64(uint64(seed) ^ salt)
	hi := mix64(s ^ uint64(key))
	lo := mix64(hi ^ s ^ 0xa54ff53a5f1d36f1)
	return hi, lo
}

// rng is a reseedable random source with the distributions the model uses.
// One rng belongs to one goroutine.
type rng struct {
	pcg *rand.PCG
	*rand.Rand
}

func newRNG() *rng {
	p := rand.NewPCG(0, 0)
	return &rng{pcg: p, Rand: rand.New(p)}
}

// reseed points r at the stream of key under seed and salt.
func (r *rng) reseed(seed int64, salt uint64, key int64) {
	r.pcg.Seed(streamSeeds(seed, salt, key))
}

// chance reports true with probability p.
func (r *rng) chance(p float64) bool { return r.Float64() < p }

// lognormal draws exp(mu + sigma*N(0,1)).
func (r *rng) lognormal(mu, sigma float64) float64 {
	return math.Exp(mu + sigma*r.NormFloat64())
}

// geometric counts failures before the first success of a trial that
// succeeds with probability p; its mean is (1-p)/p. It stops at limit.
func (r *rng) geometric(p float64, limit int) int {
	n := 0
	for n < limit && !r.chance(p) {
		n++
	}
	return n
}

// exp draws an exponential variable with the given mean.
func (r *rng) exp(mean float64) float64 { return r.ExpFloat64() * mean }

// pick draws an index from a cumulative weight table (see cumulative).
func (r *rng) pick(cum []float64) int {
	u := r.Float64() * cum[len(cum)-1]
	if len(cum) > 32 {
		return min(sort.Search(len(cum), func(i int) bool { return cum[i] > u }), len(cum)-1)
	}
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

// cumulative turns weights into running sums for pick.
func cumulative(weights []float64) []float64 {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return cum
}
