package clv

import (
	"database/sql/driver"
	"fmt"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// The Go functions the macros call. They are internal (the leading
// underscore keeps them out of the way) and take the name of the calling
// macro first, so that their errors name the function the user called.
const (
	bgnbdFitUDF = "_martdb_clv_bgnbd_fit"
	ggFitUDF    = "_martdb_clv_gg_fit"
	predictUDF  = "_martdb_clv_predict"
)

// scalarUDF is a driver scalar function made of its types and its row
// function.
type scalarUDF struct {
	in    []duckdb.TypeInfo
	out   duckdb.TypeInfo
	nulls bool // the function sees NULL arguments (else NULL in, NULL out)
	fn    func(values []driver.Value) (any, error)
}

func (u scalarUDF) Config() duckdb.ScalarFuncConfig {
	return duckdb.ScalarFuncConfig{InputTypeInfos: u.in, ResultTypeInfo: u.out, SpecialNullHandling: u.nulls}
}

func (u scalarUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: u.fn}
}

// udfs builds the three functions:
//
//	_martdb_clv_bgnbd_fit(fn VARCHAR, checked DOUBLE, x DOUBLE[], t_x DOUBLE[], T DOUBLE[], w DOUBLE[])
//	  -> STRUCT(r, alpha, a, b, log_likelihood, customers DOUBLE)
//	_martdb_clv_gg_fit(fn VARCHAR, bgnbd_customers DOUBLE, x DOUBLE[], m DOUBLE[], w DOUBLE[])
//	  -> STRUCT(p, q, gamma, log_likelihood, customers DOUBLE)
//	_martdb_clv_predict(fn VARCHAR, r, alpha, a, b, p, q, gamma, x, t_x, T, m,
//	                    horizon, month, discount_rate DOUBLE)
//	  -> STRUCT(p_alive, expected_purchases, expected_avg_value, clv DOUBLE)
//
// The fits see NULL lists (an empty sample) and fail on them. checked is
// the macros' option check (0 or an error), an argument only so that it
// is evaluated first.
func udfs() (map[string]scalarUDF, error) {
	double, err := duckdb.NewTypeInfo(duckdb.TYPE_DOUBLE)
	if err != nil {
		return nil, err
	}
	varchar, err := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	if err != nil {
		return nil, err
	}
	list, err := duckdb.NewListInfo(double)
	if err != nil {
		return nil, err
	}
	record := func(names ...string) (duckdb.TypeInfo, error) {
		var entries []duckdb.StructEntry
		for _, n := range names {
			e, err := duckdb.NewStructEntry(double, n)
			if err != nil {
				return nil, err
			}
			entries = append(entries, e)
		}
		return duckdb.NewStructInfo(entries[0], entries[1:]...)
	}
	bgOut, err := record("r", "alpha", "a", "b", "log_likelihood", "customers")
	if err != nil {
		return nil, err
	}
	ggOut, err := record("p", "q", "gamma", "log_likelihood", "customers")
	if err != nil {
		return nil, err
	}
	predOut, err := record("p_alive", "expected_purchases", "expected_avg_value", "clv")
	if err != nil {
		return nil, err
	}
	predIn := []duckdb.TypeInfo{varchar}
	for range 14 {
		predIn = append(predIn, double)
	}
	return map[string]scalarUDF{
		bgnbdFitUDF: {in: []duckdb.TypeInfo{varchar, double, list, list, list, list}, out: bgOut, nulls: true, fn: bgnbdFitRow},
		ggFitUDF:    {in: []duckdb.TypeInfo{varchar, double, list, list, list}, out: ggOut, nulls: true, fn: ggFitRow},
		predictUDF:  {in: predIn, out: predOut, fn: predictRow},
	}, nil
}

// floats converts the LIST arguments of a row; a NULL list is empty, a
// NULL element an error.
func floats(values []driver.Value) ([][]float64, error) {
	out := make([][]float64, len(values))
	for i, v := range values {
		if v == nil {
			continue
		}
		l, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("argument %d is a %T, not a list", i+1, v)
		}
		out[i] = make([]float64, len(l))
		for j, e := range l {
			f, ok := e.(float64)
			if !ok {
				return nil, fmt.Errorf("argument %d has a NULL or non-DOUBLE element", i+1)
			}
			out[i][j] = f
		}
	}
	return out, nil
}

func fnName(v driver.Value) string {
	if s, ok := v.(string); ok {
		return s
	}
	return "clv"
}

func bgnbdFitRow(values []driver.Value) (any, error) {
	fn := fnName(values[0])
	l, err := floats(values[2:])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	if len(l[0]) == 0 {
		return nil, fmt.Errorf("%s: source: expected at least 2 customers with a purchase by calibration_end, got none", fn)
	}
	f, err := FitBGNBD(l[0], l[1], l[2], l[3])
	if err != nil {
		return nil, fmt.Errorf("%s: source: %w", fn, err)
	}
	return map[string]any{"r": f.R, "alpha": f.Alpha, "a": f.A, "b": f.B, "log_likelihood": f.LogLik, "customers": f.Customers}, nil
}

func ggFitRow(values []driver.Value) (any, error) {
	fn := fnName(values[0])
	if n, _ := values[1].(float64); n < 2 {
		// Only reached when the BG/NBD fit has not failed first.
		return nil, fmt.Errorf("%s: source: expected at least 2 customers with a purchase by calibration_end, got %g", fn, n)
	}
	l, err := floats(values[2:])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	if len(l[0]) == 0 {
		return nil, fmt.Errorf("%s: amount: no customer with a repeat purchase has a positive monetary_value, so the Gamma-Gamma spend model cannot be fitted", fn)
	}
	f, err := FitGammaGamma(l[0], l[1], l[2])
	if err != nil {
		return nil, fmt.Errorf("%s: amount: %w", fn, err)
	}
	return map[string]any{"p": f.P, "q": f.Q, "gamma": f.Gamma, "log_likelihood": f.LogLik, "customers": f.Customers}, nil
}

func predictRow(values []driver.Value) (any, error) {
	fn := fnName(values[0])
	v := make([]float64, len(values)-1)
	for i := range v {
		f, ok := values[i+1].(float64)
		if !ok {
			return nil, fmt.Errorf("%s: argument %d is not a DOUBLE", fn, i+2)
		}
		v[i] = f
	}
	bg := BGNBD{v[0], v[1], v[2], v[3]}
	gg := GammaGamma{v[4], v[5], v[6]}
	x, tx, T, m, horizon, month, rate := v[7], v[8], v[9], v[10], v[11], v[12], v[13]
	p, err := Predict(bg, gg, x, tx, T, m, horizon, month, rate)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	return map[string]any{"p_alive": p.PAlive, "expected_purchases": p.ExpectedPurchases,
		"expected_avg_value": p.ExpectedAvgValue, "clv": p.CLV}, nil
}
