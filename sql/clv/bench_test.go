package clv

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// BenchmarkFitCDNOWMaster fits both models to the full CDNOW data
// (23,570 customers, calibrated to 1997-09-30, in weeks) through
// clv_fit: the summary, the grouping into distinct triples and pairs,
// and the two fits. The target is well under a second.
func BenchmarkFitCDNOWMaster(b *testing.B) {
	needFile(b, cdnowMaster)
	conn := sqltest.Open(b, Family)
	loadCDNOW(b, conn, cdnowMaster, "master", true)
	q := `SELECT * FROM clv_fit(master, customer, d, amount, calibration_end := DATE '1997-09-30')`
	fit := queryFloats(b, conn, `SELECT r, alpha, a, b, bgnbd_log_likelihood, customers, p, q, gamma, repeat_customers FROM (`+q+`)`)[0]
	if fit[5] != 23570 {
		b.Fatalf("%v customers, want 23570", fit[5])
	}
	b.Logf("BG/NBD r %.4f alpha %.4f a %.4f b %.4f LL %.2f (%v customers); Gamma-Gamma p %.4f q %.4f gamma %.4f (%v)",
		fit[0], fit[1], fit[2], fit[3], fit[4], fit[5], fit[6], fit[7], fit[8], fit[9])
	for b.Loop() {
		sqltest.Rows(b, conn, q)
	}
}

// BenchmarkFitBGNBDMaster is the BG/NBD fit alone, in Go, on the full
// CDNOW data's distinct triples.
func BenchmarkFitBGNBDMaster(b *testing.B) {
	needFile(b, cdnowMaster)
	var x, tx, T, w []float64
	type key struct{ x, tx, T float64 }
	counts := map[key]float64{}
	for _, r := range referenceSummary(readCDNOW(b, cdnowMaster, true), calibrationEnd, 7) {
		counts[key{float64(r.x), r.recency, r.T}]++
	}
	for k, n := range counts {
		x, tx, T, w = append(x, k.x), append(tx, k.tx), append(T, k.T), append(w, n)
	}
	b.Logf("%d distinct triples", len(x))
	for b.Loop() {
		if _, err := FitBGNBD(x, tx, T, w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCLVSample is the whole clv report on the CDNOW sample (2,357
// customers, a 12-month horizon: 13 series per customer).
func BenchmarkCLVSample(b *testing.B) {
	needFile(b, cdnowSample)
	conn := sqltest.Open(b, Family)
	loadCDNOW(b, conn, cdnowSample, "cd", false)
	q := `SELECT sum(clv) FROM clv(cd, customer, d, amount, calibration_end := DATE '1997-09-30')`
	for b.Loop() {
		sqltest.Rows(b, conn, q)
	}
}
