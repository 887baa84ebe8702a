// Package clv is the customer lifetime value family of martdb's SQL
// function library: the summary of each customer's purchases that the
// "buy till you die" models take, the BG/NBD purchase model and the
// Gamma-Gamma spend model fitted to it by maximum likelihood, and the
// per-customer predictions built on them. The engine registers it, with
// every other family of sql/library, on each session it opens; it is
// made of temporary macros (clv.sql) and three internal Go scalar
// functions registered through the driver (udf.go), so nothing is
// written into the database file.
//
// # Functions
//
//	clv_summary(source, customer, ts, amount, calibration_end := NULL, period := 'week')
//	-> TABLE(customer, frequency BIGINT, recency DOUBLE, T DOUBLE, monetary_value DOUBLE)
//
//	clv_fit(source, customer, ts, amount, calibration_end := NULL, period := 'week')
//	-> TABLE(r, alpha, a, b, bgnbd_log_likelihood DOUBLE, customers BIGINT,
//	         p, q, gamma, gg_log_likelihood DOUBLE, repeat_customers BIGINT,
//	         calibration_end DATE, period VARCHAR)
//
//	clv(source, customer, ts, amount, horizon := INTERVAL 12 MONTH, discount_rate := 0.01,
//	    calibration_end := NULL, period := 'week')
//	-> TABLE(customer, frequency BIGINT, recency DOUBLE, T DOUBLE, monetary_value DOUBLE,
//	         p_alive DOUBLE, expected_purchases DOUBLE, expected_avg_value DOUBLE,
//	         clv DOUBLE, churn_risk DOUBLE)
//
// source names a table, view or CTE; customer, ts and amount are
// expressions over its columns, one row per purchase. clv_summary and clv
// have one row per customer, ordered by customer; clv_fit has one row.
//
// # The summary
//
// The conventions are those of summary_data_from_transaction_data in the
// Python lifetimes package (with freq='D' and freq_multiplier = the
// period's length in days), which reproduce the data of Fader, Hardie
// and Lee (2005):
//
//   - A row counts when its customer and ts are not NULL (other rows are
//     left out, as in rfm) and its day is on or before calibration_end.
//     ts is a TIMESTAMP, DATE or TIMESTAMPTZ (taken at its wall-clock
//     time in the session's TimeZone); only its day matters.
//   - calibration_end is a DATE, a TIMESTAMP or TIMESTAMPTZ (taken at its
//     day, a TIMESTAMPTZ's in the session's TimeZone) or a string that
//     casts to TIMESTAMP; by default (NULL) the last purchase day of the
//     data. Purchases on that day count, whatever their time.
//   - A customer's purchases on one day are one purchase, its amount the
//     day's total (summed exactly as DECIMAL(38,6)).
//   - frequency = the customer's purchase days − 1 (repeat purchases);
//     recency = days from the first to the last purchase day; T = days
//     from the first purchase day to calibration_end; both divided by
//     the period's length: hour 1/24, day 1, week 7, month 365.25/12,
//     quarter 365.25/4, year 365.25 days (case-insensitive). The period
//     is only a unit: purchases are always merged per day.
//   - monetary_value = the mean of the repeat purchase days' totals (the
//     first day left out), 0 when frequency = 0.
//
// # The models
//
// BG/NBD (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy
// Way"): while active a customer buys at rate λ ~ Gamma(r, α); after each
// repeat purchase they become inactive with probability p ~ Beta(a, b).
// The log-likelihood of a customer (x = frequency, t_x = recency, T) is
//
//	ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(a+b) + ln Γ(b+x) − ln Γ(b) − ln Γ(a+b+x)
//	       + ln[ (α+T)^−(r+x) + [x>0]·a/(b+x−1)·(α+t_x)^−(r+x) ]
//
// (the last term by log-sum-exp). It depends on (x, t_x, T) only, so the
// SQL counts the customers of each distinct triple and the Go side sums
// weighted terms, with the logarithms and gamma functions computed once
// per distinct value.
//
// Gamma-Gamma (Colombo and Jiang 1999; Fader, Hardie and Lee 2005, "RFM
// and CLV"): a customer's purchase values are Gamma(p, ν), ν ~ Gamma(q, γ)
// across customers; for a repeat customer with mean m over x purchases
//
//	ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
//
// It is fitted on the customers with frequency > 0 only (distinct
// (x, m) pairs weighted by their counts), as in lifetimes, and of those
// only on the ones with monetary_value > 0: a mean spend of 0 has
// likelihood 0 in the model (the full CDNOW data has such customers,
// whose repeat CDs cost nothing). They are still predicted, with the
// expected spend of a customer who spent nothing.
//
// Both are fitted by maximising the log-likelihood over the logarithms of
// the parameters (so they stay positive) with BFGS and analytic
// gradients (digamma), from a start at r = a = b = 1, α = mean T (p = q =
// γ = 1 for Gamma-Gamma); a start that fails is retried with a
// Nelder–Mead search followed by BFGS, then from other starts. The fit
// has converged when every component of the gradient of the mean
// log-likelihood per customer in the log-parameters is below 1e-8 (or
// steps stop gaining at the precision of the arithmetic below 1e-5).
//
// Limits. When the data sit at a limit of a model, the likelihood keeps
// rising, ever more slowly, as parameters run off to 0 or infinity: a
// and b in the millions (every customer has the same dropout
// probability a/(a+b)), r and α in the millions (the same purchase rate
// r/α), a near 0 (nobody drops out), b near 0 (everyone drops out after
// the first repeat purchase), q and γ in the millions (the same mean
// spend). The fit then stops where the likelihood no longer changes
// measurably, so its predictions are those of the limiting model, and
// the extreme parameters say which limit it is. Synthetic data with too
// regular a pattern land there; the CDNOW data do not. A parameter that
// passes e^±40 is reported as an error.
//
// customers and repeat_customers are the sample sizes;
// bgnbd_log_likelihood and gg_log_likelihood the maximised
// log-likelihoods. calibration_end and period repeat the calibration.
//
// # Predictions
//
// For each customer of the summary, with the fitted parameters:
//
//	p_alive = 1 / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)),   churn_risk = 1 − p_alive
//
//	expected_purchases = E[Y(t) | x, t_x, T]
//	  = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · p_alive
//
// (Fader, Hardie and Lee 2005, equation 10; at a within 1e-7 of 1, where
// the formula is 0/0, the mean of its values at a ± 2e-7), over t = the
// horizon in periods: an INTERVAL (or a string that casts to one), its
// months counted as 365.25/12 days. Gauss's hypergeometric 2F1 is summed
// as its power series, with a rigorous bound on the remainder as the
// stopping rule and rescaling against overflow; a series that has not
// converged in a million terms (z = t/(α+T+t) within about 4e-5 of 1: a
// horizon some 25,000 times α + T) is an error.
//
//	expected_avg_value = p(γ + x·m)/(px + q − 1)
//
// the Gamma-Gamma conditional expected spend per purchase (the
// population mean pγ/(q−1) for x = 0); a fit with q ≤ 1 is an error.
//
//	clv = Σ_{k=1..K} expected_avg_value · (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + discount_rate)^(t_k/M)
//
// with M = one month (365.25/12 days) in periods, t_k = min(k·M, t),
// t_0 = 0 and K = ⌈t/M⌉: each month's expected purchases, valued at the
// expected spend, discounted at the monthly discount_rate to the month's
// end. For a whole number of months this is lifetimes'
// customer_lifetime_value (whose monthly step in weeks is 4.345 rather
// than 4.348); a final partial month is discounted by its fraction.
//
// # Errors
//
// Every error names the function called and the argument at fault, as
// "<function>: <argument>: ...":
//
//   - period not one of hour, day, week, month, quarter, year; calibration_end
//     not castable to TIMESTAMP; horizon not a positive INTERVAL;
//     discount_rate not a finite number ≥ 0. These are checked first,
//     so they fail on an empty source too: clv_summary checks them on a
//     row every step joins, clv_fit and clv as an argument of the fit;
//   - ts not a TIMESTAMP, TIMESTAMPTZ or DATE column; amount not numeric,
//     NULL, negative (filter refunds out first) or too large for
//     DECIMAL(38,6), on a counted row;
//   - clv_fit and clv: fewer than 2 customers ("source: expected at least
//     2 customers"); no customer with a repeat purchase ("source: no
//     customer has a repeat purchase": neither model can be fitted); no
//     repeat customer with a positive monetary_value ("amount: ..."); a
//     fit that does not converge or whose parameters run past e^±40
//     ("source: BG/NBD fit on n customers: the optimiser did not
//     converge ...", "amount: Gamma-Gamma fit ..."); q ≤ 1; a prediction
//     that is not finite. These come from the Go functions, as DuckDB
//     "Invalid Input" errors.
//
// clv_summary of an empty source (or of one with no purchase by
// calibration_end) is the empty table; clv_fit and clv fail on it.
//
// Cost. One aggregate over the source for the summary, then fits over
// the distinct triples (1,016 for the 2,357 customers of the CDNOW
// sample, 8,685 for the 23,570 of the full data): clv_fit takes about
// 30 ms on the sample and 50 to 100 ms on the full data, of which the
// BG/NBD fit is 15 ms (bench_test.go, 2 shared cores). clv evaluates ⌈horizon in
// months⌉ + 1 series per customer (about 50 ms for the sample and 300 ms
// for the full data over 12 months) and computes the summary twice
// (once for the fit).
//
// # Implementation
//
// The summary, the grouping into distinct triples and pairs, the option
// checks and the final columns are SQL (clv.sql). The numerics are Go
// scalar functions the macros call, registered on each connection
// through the driver (udf.go): _martdb_clv_bgnbd_fit and
// _martdb_clv_gg_fit take the distinct values and counts as DOUBLE[]
// lists (one call per query, from a one-row materialised CTE) and return
// a STRUCT of parameters; _martdb_clv_predict is called once per
// customer. Each takes the user-facing function's name first, for its
// errors. FitBGNBD, FitGammaGamma, BGNBD.PAlive, BGNBD.ExpectedPurchases,
// GammaGamma.ExpectedAverageValue and Predict are the same numerics for
// Go callers.
package clv
