package server

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/library"
)

// TestEveryExampleOverTheWire runs every catalog example of the function
// library in the engine and through the server with pgx (extended
// protocol, binary results), on the same demo shop, and checks that both
// give the same rows: the functions behave the same in every front end,
// whatever types their results have (lists, decimals, dates, doubles).
func TestEveryExampleOverTheWire(t *testing.T) {
	ts := startServer(t, "", nil)
	s, err := ts.eng.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.WithConn(context.Background(), func(c *sql.Conn) error {
		_, err := datagen.Generate(context.Background(), c, datagen.Config{Scale: 0.2, Seed: 3}, nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c := ts.connect(t)
	for _, f := range library.Functions() {
		t.Run(f.Name, func(t *testing.T) {
			local := engineRows(t, s, f.Example)
			if len(local) == 0 {
				t.Fatalf("the example returns no rows in the engine: %s", f.Example)
			}
			rows, err := c.Query(ctxT(t), f.Example)
			if err != nil {
				t.Fatalf("over the wire: %v\n%s", err, f.Example)
			}
			var wire []string
			for rows.Next() {
				vals, err := rows.Values()
				if err != nil {
					t.Fatal(err)
				}
				wire = append(wire, canonicalRow(vals))
			}
			if err := rows.Err(); err != nil {
				t.Fatalf("over the wire: %v", err)
			}
			sort.Strings(local)
			sort.Strings(wire)
			if strings.Join(local, "\n") != strings.Join(wire, "\n") {
				t.Errorf("%s: the engine and the wire differ\nengine:\n%s\nwire:\n%s", f.Example,
					strings.Join(local, "\n"), strings.Join(wire, "\n"))
			}
		})
	}
}

// engineRows runs q in the session and returns its rows, canonical.
func engineRows(t *testing.T, s *engine.Session, q string) []string {
	t.Helper()
	var out []string
	err := s.Exec(context.Background(), q, func(r *engine.Result) error {
		for r.Next() {
			out = append(out, canonicalRow(r.Values()))
		}
		return r.Err()
	})
	if err != nil {
		t.Fatalf("in the engine: %v\n%s", err, q)
	}
	return out
}

// canonicalRow writes a row of values from either driver the same way.
func canonicalRow(vals []any) string {
	cells := make([]string, len(vals))
	for i, v := range vals {
		cells[i] = canonical(v)
	}
	return strings.Join(cells, " | ")
}

// canonical writes a value from duckdb-go or pgx the same way: numbers
// to 10 significant digits whatever their type, times in UTC, lists
// element by element.
func canonical(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return strconv.Quote(x)
	case bool:
		return strconv.FormatBool(x)
	case int8, int16, int32, int64, int, uint8, uint16, uint32, uint64:
		f, _ := strconv.ParseFloat(fmt.Sprint(x), 64)
		return canonicalNumber(f)
	case float32:
		return canonicalNumber(float64(x))
	case float64:
		return canonicalNumber(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return canonicalNumber(f)
	case pgtype.Numeric:
		f, err := x.Float64Value()
		if err != nil || !f.Valid {
			return "NULL"
		}
		return canonicalNumber(f.Float64)
	case interface{ Float64() float64 }: // duckdb-go DECIMAL
		return canonicalNumber(x.Float64())
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = canonical(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprintf("%T %v", v, v)
}

func canonicalNumber(f float64) string { return strconv.FormatFloat(f, 'g', 10, 64) }
