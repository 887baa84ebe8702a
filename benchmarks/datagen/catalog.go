package datagen

import "math"

const (
	// catalogSize is the number of products; ids run from 1.
	catalogSize = 1000
	// popularitySkew shapes product popularity: a view picks product
	// 1 + floor(catalogSize * u^popularitySkew), so low ids are the
	// best sellers (the top 1% of products draw about 12% of views).
	popularitySkew = 2.2
)

// catalog holds each product's price, fixed per seed.
type catalog struct {
	priceCents []int64 // index product id - 1
}

// newCatalog prices every product from its own random stream: lognormal
// around 25 with a long tail, ending in .99.
func newCatalog(seed int64) *catalog {
	c := &catalog{priceCents: make([]int64, catalogSize)}
	r := newRNG()
	for i := range c.priceCents {
		r.reseed(seed, saltProduct, int64(i+1))
		units := math.Floor(r.lognormal(math.Log(25), 0.8))
		c.priceCents[i] = int64(max(units, 1))*100 - 1
	}
	return c
}

// product draws a product id by popularity.
func (c *catalog) product(r *rng) int64 {
	return 1 + int64(float64(catalogSize)*math.Pow(r.Float64(), popularitySkew))
}

// price is the unit price of product id in cents.
func (c *catalog) price(id int64) int64 { return c.priceCents[id-1] }
