package experiment

import (
	"database/sql/driver"
	"fmt"
	"math"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The Go functions the macros call, registered through the driver. They
// are internal (the _martdb_ prefix keeps them out of the way); the
// macros check every argument first, so their own errors only reach
// someone who calls them directly.
const (
	normCDFUDF      = "_martdb_experiment_norm_cdf"      // (x DOUBLE) -> Φ(x)
	normQuantileUDF = "_martdb_experiment_norm_quantile" // (p DOUBLE) -> Φ⁻¹(p)
	tCDFUDF         = "_martdb_experiment_t_cdf"         // (t DOUBLE, df DOUBLE) -> P(T ≤ t)
	tQuantileUDF    = "_martdb_experiment_t_quantile"    // (p DOUBLE, df DOUBLE) -> t with P(T ≤ t) = p
)

// udfNames lists the functions in the order they are registered.
var udfNames = []string{normCDFUDF, normQuantileUDF, tCDFUDF, tQuantileUDF}

// scalarUDF is a driver scalar function of DOUBLE arguments returning a
// DOUBLE; NULL in any argument gives NULL without calling fn.
type scalarUDF struct {
	in  []duckdb.TypeInfo
	out duckdb.TypeInfo
	fn  func(args []float64) (float64, error)
}

func (u scalarUDF) Config() duckdb.ScalarFuncConfig {
	return duckdb.ScalarFuncConfig{InputTypeInfos: u.in, ResultTypeInfo: u.out}
}

func (u scalarUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: func(values []driver.Value) (any, error) {
		args := make([]float64, len(values))
		for i, v := range values {
			f, ok := v.(float64)
			if !ok {
				return nil, fmt.Errorf("argument %d is a %T, not a DOUBLE", i+1, v)
			}
			args[i] = f
		}
		return u.fn(args)
	}}
}

// udfs builds the four functions.
func udfs() (map[string]scalarUDF, error) {
	double, err := duckdb.NewTypeInfo(duckdb.TYPE_DOUBLE)
	if err != nil {
		return nil, err
	}
	one := []duckdb.TypeInfo{double}
	two := []duckdb.TypeInfo{double, double}
	return map[string]scalarUDF{
		normCDFUDF:      {in: one, out: double, fn: normCDFRow},
		normQuantileUDF: {in: one, out: double, fn: normQuantileRow},
		tCDFUDF:         {in: two, out: double, fn: tCDFRow},
		tQuantileUDF:    {in: two, out: double, fn: tQuantileRow},
	}, nil
}

func normCDFRow(args []float64) (float64, error) {
	if math.IsNaN(args[0]) {
		return 0, fmt.Errorf("%s: x: expected a number, got NaN", normCDFUDF)
	}
	return normalCDF(args[0]), nil
}

func normQuantileRow(args []float64) (float64, error) {
	if !(args[0] > 0 && args[0] < 1) {
		return 0, fmt.Errorf("%s: p: expected a probability in (0, 1), got %g", normQuantileUDF, args[0])
	}
	return normalQuantile(args[0]), nil
}

func tCDFRow(args []float64) (float64, error) {
	v, err := studentCDF(args[0], args[1])
	if err != nil {
		return 0, fmt.Errorf("%s: %w", tCDFUDF, err)
	}
	return v, nil
}

func tQuantileRow(args []float64) (float64, error) {
	v, err := studentQuantile(args[0], args[1])
	if err != nil {
		return 0, fmt.Errorf("%s: %w", tQuantileUDF, err)
	}
	return v, nil
}
