package main

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// answer is a result normalised for comparison: each row as text cells,
// rows sorted.
type answer [][]string

// newAnswer normalises rows of values of any driver.
func newAnswer(rows [][]any) answer {
	a := make(answer, len(rows))
	for i, r := range rows {
		a[i] = make([]string, len(r))
		for j, v := range r {
			a[i][j] = normalise(v)
		}
	}
	sort.Slice(a, func(i, j int) bool { return strings.Join(a[i], "\x00") < strings.Join(a[j], "\x00") })
	return a
}

// normalise shows a value the same whatever driver returned it: integral
// numbers as integers, others to six significant digits, midnight
// timestamps as dates.
func normalise(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case []byte:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	case float32:
		return number(float64(x))
	case float64:
		return number(x)
	case *big.Int:
		return x.String()
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05.999999")
	case interface{ Float64() float64 }: // DuckDB DECIMAL
		return number(x.Float64())
	case interface {
		Float64Value() (pgtype.Float8, error)
	}: // PostgreSQL NUMERIC through pgx
		f, err := x.Float64Value()
		if err == nil && f.Valid {
			return number(f.Float64)
		}
	}
	return fmt.Sprint(v)
}

func number(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}

// diff describes how b differs from a, or "" when they are equal.
func diff(a, b answer) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d rows, against %d", len(b), len(a))
	}
	for i := range a {
		if strings.Join(a[i], "|") != strings.Join(b[i], "|") {
			return fmt.Sprintf("row %d is %s, against %s", i+1, strings.Join(b[i], "|"), strings.Join(a[i], "|"))
		}
	}
	return ""
}
