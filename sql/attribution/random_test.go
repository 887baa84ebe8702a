package attribution

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/sqltest"
)

// randomData draws touches and conversions with many ties: hourly
// timestamps over 40 days, repeated timestamps and channels, NULL users
// and channels, users without touches, NULL and negative values.
func randomData(r *rand.Rand) ([]naiveTouch, []naiveConv) {
	names := []string{"direct", "email", "social", "paid", "b", "B"}
	var touches []naiveTouch
	for i := 0; i < 80; i++ {
		var t naiveTouch
		if r.IntN(20) > 0 {
			u := 1 + r.IntN(8)
			t.user = &u
		}
		t.ts = int64(r.IntN(40*24)) * 3600e6
		if r.IntN(15) > 0 {
			ch := names[r.IntN(len(names))]
			t.channel = &ch
		}
		if len(touches) > 0 && r.IntN(5) == 0 { // a tie with an earlier touch
			prev := touches[r.IntN(len(touches))]
			t.user, t.ts = prev.user, prev.ts
			if r.IntN(2) == 0 {
				t.channel = prev.channel
			}
		}
		touches = append(touches, t)
	}
	var convs []naiveConv
	for i := 0; i < 40; i++ {
		c := naiveConv{user: 1 + r.IntN(10), ts: int64(r.IntN(45*24*60)) * 60e6}
		if r.IntN(10) > 0 {
			v := int64(r.IntN(100000))
			if r.IntN(10) == 0 {
				v = -v
			}
			c.cents = &v
		}
		convs = append(convs, c)
	}
	return touches, convs
}

// sqlTables creates tables t(u, ts, ch) and c(u, ts, amount DECIMAL(12,2))
// holding the data.
func sqlTables(t *testing.T, conn interface{}, touches []naiveTouch, convs []naiveConv) []string {
	ts := func(us int64) string { return fmt.Sprintf("TIMESTAMP '2025-01-01' + to_microseconds(%d)", us) }
	var tv, cv []string
	for _, x := range touches {
		u, ch := "NULL", "NULL"
		if x.user != nil {
			u = strconv.Itoa(*x.user)
		}
		if x.channel != nil {
			ch = "'" + *x.channel + "'"
		}
		tv = append(tv, fmt.Sprintf("(%s, %s, %s)", u, ts(x.ts), ch))
	}
	for _, x := range convs {
		v := "NULL"
		if x.cents != nil {
			v = fmt.Sprintf("%d / 100", *x.cents)
		}
		cv = append(cv, fmt.Sprintf("(%d, %s, %s)", x.user, ts(x.ts), v))
	}
	return []string{
		`CREATE OR REPLACE TABLE t AS SELECT u::INTEGER AS u, ts, ch::VARCHAR AS ch FROM (VALUES ` + strings.Join(tv, ", ") + `) v(u, ts, ch)`,
		`CREATE OR REPLACE TABLE c AS SELECT u::INTEGER AS u, ts, amount::DECIMAL(12,2) AS amount FROM (VALUES ` + strings.Join(cv, ", ") + `) v(u, ts, amount)`,
	}
}

// TestRandomAgainstNaive compares every model on random data with the
// plain Go statement of naive_test.go, for counted, DECIMAL and DOUBLE
// values and random lookbacks, half-lives and direct channels.
func TestRandomAgainstNaive(t *testing.T) {
	conn := open(t)
	for seed := uint64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		touches, convs := randomData(r)
		sqltest.Exec(t, conn, sqlTables(t, conn, touches, convs)...)
		lookbackDays, halfHours := 1+r.IntN(40), 1+r.IntN(24*14)
		o := naiveOptions{lookbackUS: int64(lookbackDays) * 86400e6, halfLifeUS: int64(halfHours) * 3600e6,
			direct: map[string]bool{"direct": true}, mode: valueMode(seed % 3)}
		direct := "'direct'"
		if seed%2 == 0 {
			o.direct["b"], direct = true, "['direct', 'b']"
		}
		value := map[valueMode]string{countValue: "NULL", decimalValue: "amount", doubleValue: "amount::DOUBLE"}[o.mode]
		q := fmt.Sprintf(`SELECT model, channel, conversions, value FROM attribution(t, u, ts, ch, c, u, ts, conv_value := %s,
			model := 'all', lookback := INTERVAL %d DAY, half_life := INTERVAL %d HOUR, direct := %s)`, value, lookbackDays, halfHours, direct)
		rows, err := conn.QueryContext(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		got := map[naiveKey]naiveCredit{}
		for rows.Next() {
			var k naiveKey
			var c naiveCredit
			if err := rows.Scan(&k.model, &k.channel, &c.conversions, &c.value); err != nil {
				t.Fatal(err)
			}
			got[k] = c
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		want := naiveAttribution(touches, convs, o)
		if len(got) != len(want) {
			t.Errorf("seed %d: %d rows, want %d", seed, len(got), len(want))
		}
		for k, w := range want {
			g, ok := got[k]
			if !ok {
				t.Errorf("seed %d: no row for %v", seed, k)
				continue
			}
			if !close(g.conversions, w.conversions) || !close(g.value, w.value) {
				t.Errorf("seed %d %v: got %v, want %v", seed, k, g, w)
			}
		}
	}
}

// close says whether a and b agree to 1e-9 (relative above 1).
func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
