package experiment

import (
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// TestABTestErrors: bad columns and options fail with "ab_test:
// <argument>: expected ...", options on an empty source too.
func TestABTestErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	makeSource(t, conn, "s", arm{"A", 200, 20}, arm{"B", 200, 30})
	sqltest.Exec(t, conn, `CREATE TABLE empty AS SELECT * FROM s WHERE false`)
	for _, src := range []string{"s", "empty"} {
		for _, a := range []string{"0", "1", "1.5", "-0.1", "'0.05'", "NULL", "true", `'nan'::DOUBLE`} {
			sqltest.WantError(t, conn, `SELECT * FROM ab_test(`+src+`, g, c, alpha := `+a+`)`, "ab_test: alpha: expected a number in (0, 1), got")
		}
		for _, m := range []string{"-1", "2.5", "'100'", "NULL", "false"} {
			sqltest.WantError(t, conn, `SELECT * FROM ab_test(`+src+`, g, c, min_sample := `+m+`)`, "ab_test: min_sample: expected a whole number >= 0, got")
		}
	}
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, alpha := 2)`, "ab_test: alpha: expected a number in (0, 1), got 2")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, g)`, "ab_test: converted: expected a BOOLEAN or a 0/1 integer column, got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, 0.5)`, "ab_test: converted: expected a BOOLEAN or a 0/1 integer column, got DECIMAL(2,1)")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c01 * 2)`, "ab_test: converted: expected 0 or 1, got 2")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c01 - 1)`, "ab_test: converted: expected 0 or 1, got -1")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, value := g)`, "ab_test: value: expected a numeric column, got VARCHAR")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, value := c)`, "ab_test: value: expected a numeric column, got BOOLEAN")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, value := CASE WHEN c THEN 'inf'::DOUBLE ELSE 1 END)`,
		"ab_test: value: expected finite numbers, got inf")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, control := 'C')`, "ab_test: control: no variant named 'C' in the source")
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, control := 'a')`, "ab_test: control: no variant named 'a' in the source")
	// The macro's own checks keep the driver's prefix out of the messages.
	sqltest.WantError(t, conn, `SELECT * FROM ab_test(s, g, c, alpha := 0)`, "Invalid Input Error: ab_test: alpha")
}

// TestSampleSizeErrors: each bad argument fails naming sample_size and
// the argument.
func TestSampleSizeErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	for _, c := range []struct{ q, want string }{
		{`sample_size(0, 0.1)`, "sample_size: baseline_rate: expected a rate in (0, 1), got 0"},
		{`sample_size(1, 0.1)`, "sample_size: baseline_rate: expected a rate in (0, 1), got 1"},
		{`sample_size(-0.2, 0.1)`, "sample_size: baseline_rate: expected a rate in (0, 1), got -0.2"},
		{`sample_size('0.1', 0.1)`, "sample_size: baseline_rate: expected a rate in (0, 1), got 0.1"},
		{`sample_size(0.1, 0)`, "sample_size: min_detectable_effect: expected a non-zero effect, got 0"},
		{`sample_size(0.1, 'big')`, "sample_size: min_detectable_effect: expected a number, got big"},
		{`sample_size(0.6, 1)`, "sample_size: min_detectable_effect: the treated rate baseline_rate * (1 + min_detectable_effect) = 1.2: expected a rate in (0, 1)"},
		{`sample_size(0.1, -1)`, "sample_size: min_detectable_effect: the treated rate baseline_rate * (1 + min_detectable_effect) = 0.0: expected a rate in (0, 1)"},
		{`sample_size(0.1, 0.95, relative := false)`, "sample_size: min_detectable_effect: the treated rate baseline_rate + min_detectable_effect = 1.05: expected a rate in (0, 1)"},
		{`sample_size(0.1, -0.2, relative := false)`, "sample_size: min_detectable_effect: the treated rate baseline_rate + min_detectable_effect = -0.1"},
		{`sample_size(0.1, 0.1, alpha := 0)`, "sample_size: alpha: expected a number in (0, 1), got 0"},
		{`sample_size(0.1, 0.1, alpha := 1.2)`, "sample_size: alpha: expected a number in (0, 1), got 1.2"},
		{`sample_size(0.1, 0.1, power := 1)`, "sample_size: power: expected a number in (0, 1), got 1"},
		{`sample_size(0.1, 0.1, power := 'high')`, "sample_size: power: expected a number in (0, 1), got high"},
		{`sample_size(0.1, 0.1, relative := 'yes')`, "sample_size: relative: expected true or false, got yes"},
		{`sample_size(0.1, 0.1, relative := 1)`, "sample_size: relative: expected true or false, got 1"},
	} {
		sqltest.WantError(t, conn, `SELECT `+c.q, "Invalid Input Error: "+c.want)
	}
}

// TestUDFErrors: the internal Go functions, called directly with what
// the macros never pass them, fail naming themselves (behind the
// driver's prefix) rather than answering.
func TestUDFErrors(t *testing.T) {
	conn := sqltest.Open(t, Family)
	for _, c := range []struct{ q, want string }{
		{`_martdb_experiment_norm_quantile(1.5)`, "_martdb_experiment_norm_quantile: p: expected a probability in (0, 1), got 1.5"},
		{`_martdb_experiment_norm_cdf('nan'::DOUBLE)`, "_martdb_experiment_norm_cdf: x: expected a number, got NaN"},
		{`_martdb_experiment_t_cdf(1, 0)`, "_martdb_experiment_t_cdf: expected degrees of freedom > 0, got 0"},
		{`_martdb_experiment_t_quantile(0, 3)`, "_martdb_experiment_t_quantile: expected a probability in (0, 1), got 0"},
	} {
		sqltest.WantError(t, conn, `SELECT `+c.q, c.want)
	}
	sqltest.SameRows(t, "UDF values", sqltest.Rows(t, conn, `SELECT round(_martdb_experiment_norm_quantile(0.975), 12),
		round(_martdb_experiment_t_quantile(0.975, 30), 12), _martdb_experiment_t_cdf(1, 1), _martdb_experiment_norm_cdf(NULL)`),
		[]string{"1.95996398454|2.042272456301|0.75|NULL"})
}
