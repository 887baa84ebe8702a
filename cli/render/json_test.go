package render

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/martdb/martdb/engine"
)

// decodeJSONL decodes the objects of jsonl output with numbers kept as
// their text, failing on invalid JSON.
func decodeJSONL(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !json.Valid([]byte(line)) {
			t.Fatalf("invalid JSON line %q", line)
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, obj)
	}
	return objs
}

func render(t *testing.T, f Format, cols []engine.Column, data ...[]any) string {
	t.Helper()
	var out bytes.Buffer
	n, err := Write(&out, newSliceRows(cols, data), f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(data)) {
		t.Fatalf("Write returned %d rows, want %d", n, len(data))
	}
	return out.String()
}

func TestJSONExactNumbers(t *testing.T) {
	dec := func(s string, scale uint8) duckdb.Decimal {
		v, _ := new(big.Int).SetString(s, 10)
		return duckdb.Decimal{Width: 38, Scale: scale, Value: v}
	}
	huge, _ := new(big.Int).SetString("-170141183460469231731687303715884105728", 10)
	uhuge, _ := new(big.Int).SetString("340282366920938463463374607431768211455", 10)
	cols := []engine.Column{
		{Name: "d", Type: "DECIMAL(38,10)"},
		{Name: "h", Type: "HUGEINT"},
		{Name: "u", Type: "UHUGEINT"},
		{Name: "big", Type: "UBIGINT"},
		{Name: "i", Type: "BIGINT"},
		{Name: "f", Type: "FLOAT"},
	}
	cases := []struct {
		row  []any
		want []string // the number text each column must decode to
	}{
		{
			row:  []any{dec("99999999999999999999999999999999999999", 10), huge, uhuge, uint64(math.MaxUint64), int64(math.MinInt64), float32(0.1)},
			want: []string{"9999999999999999999999999999.9999999999", huge.String(), uhuge.String(), "18446744073709551615", "-9223372036854775808", "0.1"},
		},
		{
			row:  []any{dec("-1", 10), big.NewInt(0), big.NewInt(1), uint64(0), int64(9007199254740993), float32(-2.5)},
			want: []string{"-0.0000000001", "0", "1", "0", "9007199254740993", "-2.5"},
		},
	}
	for _, c := range cases {
		out := render(t, JSONL, cols, c.row)
		obj := decodeJSONL(t, out)[0]
		for i, col := range cols {
			num, ok := obj[col.Name].(json.Number)
			if !ok {
				t.Fatalf("%s: got %T %v, want a number (output %s)", col.Name, obj[col.Name], obj[col.Name], out)
			}
			if num.String() != c.want[i] {
				t.Errorf("%s: got %s, want %s", col.Name, num, c.want[i])
			}
		}
		// The decimal comes back exactly, not through float64.
		r, ok := new(big.Rat).SetString(obj["d"].(json.Number).String())
		want := new(big.Rat).SetFrac(c.row[0].(duckdb.Decimal).Value, new(big.Int).Exp(big.NewInt(10), big.NewInt(10), nil))
		if !ok || r.Cmp(want) != 0 {
			t.Errorf("decimal round trip: got %v, want %v", r, want)
		}
	}
}

func TestJSONSpecialFloats(t *testing.T) {
	cols := []engine.Column{{Name: "a", Type: "DOUBLE"}, {Name: "b", Type: "DOUBLE"}, {Name: "c", Type: "FLOAT"}, {Name: "d", Type: "DOUBLE"}}
	out := render(t, JSONL, cols, []any{math.NaN(), math.Inf(1), float32(math.Inf(-1)), 1e21})
	want := `{"a":"NaN","b":"Infinity","c":"-Infinity","d":1e+21}` + "\n"
	if out != want {
		t.Errorf("got %s want %s", out, want)
	}
	decodeJSONL(t, out)
}

func TestJSONNested(t *testing.T) {
	var m duckdb.OrderedMap
	m.Set("z", []any{int32(1)})
	m.Set("a", nil)
	cols := []engine.Column{
		{Name: "l", Type: "STRUCT(b INTEGER, a DATE, c VARCHAR)[]"},
		{Name: "s", Type: `STRUCT("when" TIMESTAMP, "x, y" STRUCT(inner DOUBLE[]), tags MAP(VARCHAR, INTEGER[]))`},
	}
	day := time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	row := []any{
		[]any{
			map[string]any{"a": day, "b": int32(2), "c": "x"},
			nil,
			map[string]any{"a": nil, "b": nil, "c": "q\"uote"},
		},
		map[string]any{
			"when": day.Add(90 * time.Minute),
			"x, y": map[string]any{"inner": []any{1.5, math.NaN()}},
			"tags": m,
		},
	}
	out := render(t, JSONL, cols, row)
	want := `{"l":[{"b":2,"a":"2024-02-29","c":"x"},null,{"b":null,"a":null,"c":"q\"uote"}],` +
		`"s":{"when":"2024-02-29 01:30:00","x, y":{"inner":[1.5,"NaN"]},"tags":[{"key":"z","value":[1]},{"key":"a","value":null}]}}` + "\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	decodeJSONL(t, out)
}

func TestJSONStructWithoutType(t *testing.T) {
	// A struct whose type does not list its fields (a JSON column, say)
	// comes out in name order.
	cols := []engine.Column{{Name: "j", Type: "JSON"}}
	out := render(t, JSONL, cols, []any{map[string]any{"b": 1.0, "a": []any{"x", true}}})
	if want := `{"j":{"a":["x",true],"b":1.0}}` + "\n"; out != want {
		t.Errorf("got %s want %s", out, want)
	}
}

func TestJSONStrings(t *testing.T) {
	cols := []engine.Column{{Name: "s", Type: "VARCHAR"}}
	in := "tab\t nl\n cr\r nul\x00 esc\x1b quote\" back\\ <html> & é 東 \u2028 bad\xff end"
	out := render(t, JSONL, cols, []any{in})
	want := `{"s":"tab\t nl\n cr\r nul\u0000 esc\u001b quote\" back\\ <html> & é 東 \u2028 bad\ufffd end"}` + "\n"
	if out != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if got := back["s"]; got != strings.ReplaceAll(in, "\xff", "\ufffd") {
		t.Errorf("round trip: got %q", got)
	}
}

func TestJSONArrayIsValid(t *testing.T) {
	cols := []engine.Column{{Name: "n", Type: "INTEGER"}, {Name: "s", Type: "VARCHAR"}}
	for rows := range 4 {
		var data [][]any
		for i := range rows {
			data = append(data, []any{int32(i), "x"})
		}
		out := render(t, JSON, cols, data...)
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%d rows: %v in %q", rows, err, out)
		}
		if len(got) != rows {
			t.Errorf("%d rows: decoded %d", rows, len(got))
		}
	}
}
