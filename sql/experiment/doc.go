// Package experiment is the experiment family of martdb's SQL function
// library: the readout of an A/B (or A/B/n) test, and the sample size
// such a test needs. The engine registers it, with every other family of
// sql/library: its four internal Go scalar functions (udf.go), registered
// through the driver, once per database (Family.Shared), and its
// temporary macros (experiment.sql) on each session (Family.Session), so
// nothing is written into the database file.
//
// # ab_test(source, variant, converted, ...) (table)
//
//	ab_test(source, variant, converted, value := NULL, control := NULL,
//	        alpha := 0.05, min_sample := 100)
//	-> TABLE(variant VARCHAR, is_control BOOLEAN, users BIGINT, conversions BIGINT,
//	         rate DOUBLE, uplift DOUBLE, rate_ci_low DOUBLE, rate_ci_high DOUBLE,
//	         z DOUBLE, p_value DOUBLE,
//	         mean_value DOUBLE, value_uplift DOUBLE, value_ci_low DOUBLE, value_ci_high DOUBLE,
//	         t DOUBLE, df DOUBLE, value_p_value DOUBLE,
//	         warning VARCHAR)
//
// source names a table, view or CTE (bare or quoted) with one row per
// user (or whatever the unit of randomisation is); variant, converted and
// value are expressions over its columns. The result has one row per
// variant: the control first, then the others by name. The columns are
// always the same; the value columns are NULL when value is not given.
//
// Rows. A row with a NULL variant is left out (an unassigned user). The
// variant is compared and shown as text (variant::VARCHAR). converted is
// a BOOLEAN or an integer 0/1 column (any integer type); another type,
// or an integer other than 0 and 1, is an error naming the argument. A
// NULL converted counts as not converted: the user was exposed and no
// conversion was recorded, which is what a LEFT JOIN of assignments to
// conversions gives (dropping them would inflate the rates). value is a
// numeric column (any integer, DECIMAL, FLOAT or DOUBLE; NaN and
// infinities are errors); a NULL value leaves the user out of the value
// statistics only, as avg() would (coalesce(value, 0) counts them as 0).
//
// The control is the variant named control (compared as text) when it is
// given, and an error ("ab_test: control: no variant named 'X' in the
// source") when no row has it; by default it is the lowest variant name
// in text order (so 'A' before 'B', 'control' before 'treatment', but
// '10' before '9'). An empty source gives no rows.
//
// Per variant, with n users of which k converted, and the control's n_c,
// k_c:
//
//   - users = n, conversions = k, rate p = k / n.
//   - uplift = p / p_c − 1, relative to the control's rate; NULL when
//     p_c = 0.
//   - rate_ci_low, rate_ci_high: the (1 − alpha) confidence interval of
//     the difference p − p_c (not of the rate), the Wald interval with
//     the unpooled standard error:
//     (p − p_c) ± z_{1−α/2} · √(p(1−p)/n + p_c(1−p_c)/n_c).
//   - z = (p − p_c) / √(p̄(1−p̄)(1/n + 1/n_c)) with the pooled rate
//     p̄ = (k + k_c) / (n + n_c), the two-proportion z test; p_value =
//     2·Φ(−|z|), two-sided. Both are NULL when p̄ is 0 or 1 (no user or
//     every user converted in both: the test is undefined).
//
// With value, over the m users with a non-NULL value (mean x̄, sample
// variance s², and the control's m_c, x̄_c, s_c²):
//
//   - mean_value = x̄; value_uplift = x̄ / x̄_c − 1 (NULL when x̄_c = 0).
//   - Welch's t test: se = √(s²/m + s_c²/m_c), t = (x̄ − x̄_c) / se, the
//     Welch–Satterthwaite df = se⁴ / ((s²/m)²/(m−1) + (s_c²/m_c)²/(m_c−1))
//     (not a whole number in general), value_p_value = 2·T_df(−|t|)
//     two-sided, and value_ci_low, value_ci_high = (x̄ − x̄_c) ±
//     t_{1−α/2, df}·se, the (1 − alpha) interval of the difference of the
//     means. They are NULL when m or m_c is below 2 or se = 0.
//
// The control's own row has uplift 0 (value_uplift 0 when it has a mean)
// and NULL in every comparison column (rate_ci_*, z, p_value,
// value_ci_*, t, df, value_p_value). Each variant is compared with the
// control alone, at level alpha, with no correction for several
// variants: for an A/B/C test pass alpha := 0.05 / 2 for a Bonferroni
// bound.
//
// warning is NULL, or one or more of these, joined with "; ":
//
//   - "only one variant: nothing to compare it with", when the source has
//     a single variant (the result is its one row, every test NULL; this
//     is a warning rather than an error so that a dashboard on a test
//     that has not started its treatment still reads).
//   - "fewer than N users (min_sample) in this variant or the control".
//     The minimum-sample rule: a comparison is flagged when the variant
//     or the control has fewer than min_sample users (min_sample := 0
//     turns the rule off). It only warns: the statistics are still given.
//   - "fewer than 5 conversions or non-conversions in this variant or the
//     control: the normal approximation is unreliable", the usual rule
//     that k, n − k, k_c and n_c − k_c are all at least 5 for the z test
//     and the Wald interval to be trusted.
//   - "fewer than 2 values in this variant or the control: no Welch test",
//     with value.
//
// On the control's row "the control" is the variant itself.
//
// Options: alpha is a number in (0, 1) and min_sample a whole number ≥ 0
// (numbers, not strings; a min_sample beyond BIGINT counts as 9·10¹⁸);
// otherwise "ab_test: alpha: expected a number in
// (0, 1), got ..." or "ab_test: min_sample: expected a whole number >= 0,
// got ...", on an empty source too.
//
// # sample_size(baseline_rate, min_detectable_effect, ...) (scalar)
//
//	sample_size(baseline_rate, min_detectable_effect, alpha := 0.05,
//	            power := 0.8, relative := true) -> BIGINT
//
// The number of users each variant needs for a two-sided two-proportion z
// test at level alpha to detect the effect with the given power. With p1
// the baseline rate and p2 the rate to detect, p1·(1 + mde) when
// relative (the default: an mde of 0.10 is a 10% lift) and p1 + mde
// otherwise (an absolute change, 0.01 = one percentage point):
//
//	n = ⌈ (z_{1−α/2}·√(2·p̄(1−p̄)) + z_{1−β}·√(p1(1−p1) + p2(1−p2)))² / (p2 − p1)² ⌉,
//	p̄ = (p1 + p2) / 2, 1 − β = power,
//
// rounded up to a whole number of users (the usual normal-approximation
// formula, with the pooled variance under the null and the unpooled one
// under the alternative). Baseline 0.10, relative mde 0.10, alpha 0.05
// and power 0.8 give n = 14,750.79, so 14,751 users per variant (the
// test shows the hand computation). A negative mde (detecting a drop) is allowed. NULL in any
// argument gives NULL. Errors name the argument: baseline_rate, alpha and
// power must be numbers in (0, 1), min_detectable_effect a non-zero
// number whose p2 is in (0, 1), relative a BOOLEAN.
//
// # Numerics
//
// Φ is erfc(−x/√2)/2 (math.Erfc), accurate in the tails, and Φ⁻¹ is
// −√2·erfcinv(2p) (math.Erfcinv), refined by Halley steps below 1e−6.
// Student's t distribution is the regularized incomplete beta function,
// P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½), by its continued fraction
// (modified Lentz, stopping when a step changes the value by less than
// 1e−15 and failing rather than answering when it has not within a
// budget of steps); above 2·10⁶ degrees of freedom, where the fraction
// loses digits to cancellation, it is the normal transformation
// z = √((df − ½)·ln(1 + t²/df)). The t quantile is found by Newton's
// method on a bracket. The tests compare them with closed forms (df 1 and
// 2), published t tables (df 1, 2, 5, 30) and values computed
// independently at 40 digits: relative errors are below 5e−11.
//
// The Go functions the macros call are
//
//	_martdb_experiment_norm_cdf(x DOUBLE) -> DOUBLE
//	_martdb_experiment_norm_quantile(p DOUBLE) -> DOUBLE
//	_martdb_experiment_t_cdf(t DOUBLE, df DOUBLE) -> DOUBLE
//	_martdb_experiment_t_quantile(p DOUBLE, df DOUBLE) -> DOUBLE
//
// internal names that may change; they give NULL for a NULL argument.
// The macros check every argument in SQL first, so that errors read
// "<function>: <argument>: expected ..." without the driver's prefix.
package experiment
