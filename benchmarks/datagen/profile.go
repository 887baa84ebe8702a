package datagen

// channelProfile is how customers acquired through one channel behave.
type channelProfile struct {
	name  string
	share float64 // share of signups
	// returnProb is the chance the customer ever comes back after the
	// first session.
	returnProb float64
	// lifetimeDays is the mean of the exponential time, after signup, until
	// a returning customer churns.
	lifetimeDays float64
	// buy multiplies the chance that a session with product views adds
	// something to the cart.
	buy float64
}

// channels is the acquisition mix. Email, direct and referral customers
// come back more and buy more; social and affiliate traffic bounces.
var channels = []channelProfile{
	{"organic_search", 0.30, 0.40, 90, 1.00},
	{"paid_search", 0.18, 0.32, 60, 1.15},
	{"social", 0.15, 0.26, 45, 0.60},
	{"email", 0.10, 0.58, 130, 1.45},
	{"referral", 0.07, 0.46, 110, 1.20},
	{"direct", 0.14, 0.52, 120, 1.30},
	{"affiliate", 0.06, 0.28, 50, 0.85},
}

// Indexes into channels used by the model of returning sessions.
const (
	chOrganic = iota
	chPaid
	chSocial
	chEmail
	chReferral
	chDirect
	chAffiliate
)

// returnSourceWeights is where returning visits come from when they do
// not come through the customer's own channel: mostly typed-in URLs,
// newsletters and search.
var returnSourceWeights = []float64{
	chOrganic:   0.20,
	chPaid:      0.08,
	chSocial:    0.07,
	chEmail:     0.30,
	chReferral:  0.00,
	chDirect:    0.35,
	chAffiliate: 0.00,
}

// ownChannelReturn is the chance a returning visit comes through the
// customer's own acquisition channel.
const ownChannelReturn = 0.45

// countries is a skewed mix with a long tail.
var countries = []struct {
	code  string
	share float64
}{
	{"US", 0.340}, {"GB", 0.110}, {"DE", 0.090}, {"FR", 0.070},
	{"CA", 0.060}, {"AU", 0.045}, {"NL", 0.035}, {"ES", 0.035},
	{"IT", 0.035}, {"SE", 0.025}, {"PL", 0.020}, {"BR", 0.020},
	{"IN", 0.020}, {"JP", 0.015}, {"MX", 0.015}, {"IE", 0.010},
	{"BE", 0.010}, {"AT", 0.010}, {"CH", 0.010}, {"NO", 0.010},
	{"DK", 0.010},
}

// devices is the device mix; buy multiplies the add-to-cart chance as for
// channels (desktop sessions convert best).
var devices = []struct {
	name  string
	share float64
	buy   float64
}{
	{"mobile", 0.56, 0.85},
	{"desktop", 0.37, 1.25},
	{"tablet", 0.07, 1.00},
}

// emailDomains are reserved example domains, so no address is real.
var emailDomains = []string{"example.com", "example.net", "example.org"}
