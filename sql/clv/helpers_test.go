package clv

import (
	"bufio"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/martdb/martdb/sql/sqltest"
)

// The CDNOW files of the shared datasets (see /work/shared/datasets or
// ../shared/datasets from the repository root), and the excerpt kept here.
var (
	cdnowSample  = filepath.Join("..", "..", "..", "shared", "datasets", "cdnow_sample.txt")
	cdnowMaster  = filepath.Join("..", "..", "..", "shared", "datasets", "cdnow_master.txt")
	cdnowExcerpt = filepath.Join("testdata", "cdnow_excerpt.txt")
)

// calibrationEnd is the end of the calibration period of the BG/NBD
// literature's CDNOW analyses.
var calibrationEnd = time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)

// needFile skips the test when path is absent.
func needFile(tb testing.TB, path string) {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s is absent: %v", path, err)
	}
}

// loadCDNOW creates table name(customer VARCHAR, d DATE, amount DOUBLE)
// from a CDNOW file: the sample layout (master_id sample_id date cds
// dollars, no header) or, with master, the master layout (customer_id
// date cds dollars after a header line).
func loadCDNOW(tb testing.TB, conn *sql.Conn, path, name string, master bool) {
	tb.Helper()
	cols := "l[1], l[3], l[5]"
	if master {
		cols = "l[1], l[2], l[4]"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		tb.Fatal(err)
	}
	sqltest.Exec(tb, conn, `CREATE TABLE `+name+` AS SELECT c AS customer, strptime(d, '%Y%m%d')::DATE AS d, a::DOUBLE AS amount
		FROM (SELECT `+cols+` FROM (SELECT regexp_split_to_array(trim(line, ' '||chr(13)), '\s+') AS l
		      FROM read_csv('`+abs+`', header = false, delim = '|', columns = {'line': 'VARCHAR'}))
		      WHERE l[1] <> 'customer_id') t(c, d, a)`)
}

// purchase is one line of a CDNOW file.
type purchase struct {
	customer string
	day      time.Time
	amount   float64
}

// readCDNOW parses a CDNOW file in Go, independently of the SQL loader.
func readCDNOW(tb testing.TB, path string, master bool) []purchase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []purchase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || fs[0] == "customer_id" {
			continue
		}
		var d, a string
		if master {
			d, a = fs[1], fs[3]
		} else {
			d, a = fs[2], fs[4]
		}
		day, err := time.Parse("20060102", d)
		if err != nil {
			tb.Fatal(err)
		}
		amount, err := strconv.ParseFloat(a, 64)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, purchase{fs[0], day, amount})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// summaryRow is one customer of a summary.
type summaryRow struct {
	customer      string
	x             int
	recency, T, m float64
}

// referenceSummary is the summary computed plainly in Go, as lifetimes'
// summary_data_from_transaction_data documents it: purchases up to and
// including end, merged per day; frequency = days − 1; recency and T in
// days over unitDays; monetary_value the mean of the repeat days' totals.
func referenceSummary(ps []purchase, end time.Time, unitDays float64) []summaryRow {
	days := map[string]map[time.Time]float64{}
	for _, p := range ps {
		if p.day.After(end) {
			continue
		}
		if days[p.customer] == nil {
			days[p.customer] = map[time.Time]float64{}
		}
		days[p.customer][p.day] += p.amount
	}
	var out []summaryRow
	for c, ds := range days {
		var list []time.Time
		for d := range ds {
			list = append(list, d)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Before(list[j]) })
		first, last := list[0], list[len(list)-1]
		row := summaryRow{customer: c, x: len(list) - 1,
			recency: last.Sub(first).Hours() / 24 / unitDays, T: end.Sub(first).Hours() / 24 / unitDays}
		for _, d := range list[1:] {
			row.m += ds[d]
		}
		if row.x > 0 {
			row.m /= float64(row.x)
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].customer < out[j].customer })
	return out
}

// queryFloats runs a query and returns its rows as float64 columns
// (NULL as NaN), failing the test on error.
func queryFloats(tb testing.TB, conn *sql.Conn, q string) [][]float64 {
	tb.Helper()
	rows, err := conn.QueryContext(tb.Context(), q)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]float64
	for rows.Next() {
		vals := make([]sql.NullFloat64, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			tb.Fatal(err)
		}
		row := make([]float64, len(cols))
		for i, v := range vals {
			row[i] = math.NaN()
			if v.Valid {
				row[i] = v.Float64
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return out
}

// sig3 rounds v to three significant digits.
func sig3(v float64) float64 {
	if v == 0 {
		return 0
	}
	e := math.Pow(10, 2-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*e) / e
}

// close reports whether got is within rel (relative) of want.
func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)
}
