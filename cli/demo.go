package cli

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/engine"
)

// demoCommand is `martdb demo [DBFILE] [--scale N] [--seed N]`: it creates
// the demo shop. With a file it writes the tables there; without one it
// builds them in memory and shows a short tour.
func (e *env) demoCommand(args []string) error {
	o := &options{}
	fs := newFlagSet("martdb demo")
	scale := fs.Float64("scale", 1, "size: 1 is about 100,000 events, 10 a million")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives the same data")
	fs.StringVar(&o.format, "format", "", "output format of the tour")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("demo takes at most one database file, got %q", pos)
	}
	if !(*scale > 0 && *scale <= datagen.MaxScale) {
		return usagef("--scale must be greater than 0 and at most %g, got %v", float64(datagen.MaxScale), *scale)
	}
	if len(pos) == 1 {
		o.db = pos[0]
	}
	p, err := e.newPrinter(o.format, -1)
	if err != nil {
		return err
	}
	eng, s, err := e.openEngine(o.db, o)
	if err != nil {
		return err
	}
	err = e.generateDemo(s, datagen.Config{Scale: *scale, Seed: *seed})
	if err == nil && o.db == "" {
		err = e.tour(s, p)
	}
	if err == nil && o.db == "" && e.interactive() {
		fmt.Fprintln(e.stdout)
		eng, err = e.startREPL(eng, s, p, o)
	}
	return closeEngine(eng, err)
}

// ensureDemo builds the demo shop (scale 1, seed 1) unless the database
// has it already.
func (e *env) ensureDemo(s *engine.Session) error {
	err := e.generateDemo(s, datagen.Config{Scale: 1, Seed: 1})
	var ee *engine.Error
	if errors.As(err, &ee) && ee.Code == engine.CodeDuplicateTable {
		return nil
	}
	return err
}

func (e *env) generateDemo(s *engine.Session, cfg datagen.Config) error {
	progress, clear := e.newProgress("generating demo data")
	var report func(done, total int64)
	if progress != nil {
		report = func(done, total int64) { progress(100 * float64(done) / float64(max(total, 1))) }
	}
	var st datagen.Stats
	err := s.WithConn(e.ctx, func(c *sql.Conn) error {
		var err error
		st, err = datagen.Generate(e.ctx, c, cfg, report)
		return err
	})
	clear()
	if errors.Is(err, datagen.ErrTableExists) {
		return engine.Errorf(engine.CodeDuplicateTable, "the demo tables already exist in %s", s.Engine().Path()).
			WithHint("Use a new database file, or drop customers, events and orders first.")
	}
	if err != nil {
		return err
	}
	where := s.Engine().Path()
	if where == ":memory:" {
		where = "memory"
	}
	fmt.Fprintf(e.stderr, "demo shop in %s: %d customers, %d events, %d orders\n", where, st.Customers, st.Events, st.Orders)
	return nil
}

// tourQueries are the demonstration queries `martdb demo` runs on the
// in-memory shop.
var tourQueries = []string{
	`-- Who are the customers, and where do they come from?
SELECT channel, count(*) AS customers, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM customers GROUP BY channel ORDER BY customers DESC`,
	`-- How far do users get? (distinct users reaching each event type)
SELECT event, count(DISTINCT user_id) AS users
FROM events GROUP BY event ORDER BY users DESC`,
	`-- Signup cohorts: how many customers bought, and what they spent (first six months)
SELECT date_trunc('month', c.signup_ts)::DATE AS signup_month,
       count(DISTINCT c.customer_id) AS customers,
       count(DISTINCT o.customer_id) AS buyers,
       round(100.0 * buyers / customers, 1) AS buyer_pct,
       coalesce(sum(o.amount), 0) AS revenue
FROM customers c LEFT JOIN orders o USING (customer_id)
GROUP BY ALL ORDER BY signup_month LIMIT 6`,
}

func (e *env) tour(s *engine.Session, p *printer) error {
	for _, q := range tourQueries {
		p.heading(firstLineOf(q))
		if err := s.Exec(e.ctx, q, p.print); err != nil {
			printError(e.stderr, err, q)
			return reportedError{err}
		}
	}
	return nil
}

func firstLineOf(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}
