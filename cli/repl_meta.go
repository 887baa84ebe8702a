package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/martdb/martdb/cli/chart"
	"github.com/martdb/martdb/cli/meta"
	"github.com/martdb/martdb/cli/render"
	"github.com/martdb/martdb/sql/library"
	"github.com/martdb/martdb/storage"
)

// execMeta runs one meta-command line; errors are shown, never fatal.
func (r *repl) execMeta(line string) {
	cmd, err := meta.Parse(line)
	if err == nil {
		err = r.metaCommand(cmd)
	}
	if err != nil {
		printError(r.e.stderr, err, "")
	}
}

// metaHandlers maps canonical meta-command names to their actions. It is
// filled in init because .read runs input that may hold meta-commands.
var metaHandlers map[string]func(*repl, meta.Command) error

func init() {
	metaHandlers = map[string]func(*repl, meta.Command) error{
		"help":      (*repl).metaHelp,
		"tables":    (*repl).metaTables,
		"schema":    (*repl).metaSchema,
		"functions": (*repl).metaFunctions,
		"timer":     (*repl).metaTimer,
		"mode":      (*repl).metaMode,
		"expanded":  (*repl).metaExpanded,
		"maxrows":   (*repl).metaMaxRows,
		"output":    (*repl).metaOutput,
		"once":      (*repl).metaOnce,
		"read":      (*repl).metaRead,
		"import":    (*repl).metaImport,
		"export":    (*repl).metaExport,
		"open":      (*repl).metaOpen,
		"pager":     (*repl).metaPager,
		"chart":     (*repl).metaChart,
		"quit":      (*repl).metaQuit,
	}
}

func (r *repl) metaCommand(cmd meta.Command) error {
	h, ok := metaHandlers[cmd.Name]
	if !ok {
		return fmt.Errorf("%s: not available in this shell", cmd.Raw)
	}
	return h(r, cmd)
}

func (r *repl) metaHelp(meta.Command) error {
	fmt.Fprint(r.e.stdout, meta.Help())
	return nil
}

func (r *repl) metaQuit(meta.Command) error {
	r.quit = true
	return nil
}

// metaTables lists tables and views, optionally those matching a LIKE
// pattern (* and ? also work, as in shells).
func (r *repl) metaTables(cmd meta.Command) error {
	q := `SELECT name, type FROM (
		SELECT table_name AS name, 'table' AS type, database_name AS db, schema_name AS sch FROM duckdb_tables() WHERE NOT internal
		UNION ALL SELECT view_name, 'view', database_name, schema_name FROM duckdb_views() WHERE NOT internal)`
	if len(cmd.Args) > 0 {
		q += " WHERE name ILIKE " + quoteLiteral(likePattern(cmd.Args[0]))
	}
	r.execSQL(q + " ORDER BY name")
	return nil
}

// metaSchema describes one table's columns, or shows every table's and
// view's CREATE statement.
func (r *repl) metaSchema(cmd meta.Command) error {
	if len(cmd.Args) == 0 {
		r.execSQL(`SELECT sql FROM (SELECT table_name AS name, sql FROM duckdb_tables() WHERE NOT internal
			UNION ALL SELECT view_name, sql FROM duckdb_views() WHERE NOT internal) ORDER BY name`)
		return nil
	}
	r.execSQL("DESCRIBE " + quoteIdent(cmd.Args[0]))
	return nil
}

// metaFunctions lists martdb's functions: signature, description and,
// for the function named or when only one matches (or with \df+), its
// example.
func (r *repl) metaFunctions(cmd meta.Command) error {
	pattern := ""
	if len(cmd.Args) > 0 {
		pattern = strings.ToLower(cmd.Args[0])
	}
	var shown int
	fns := library.Functions()
	matches := 0
	for _, f := range fns {
		if likeMatch(f.Name, pattern) {
			matches++
		}
	}
	w, _ := r.out.target()
	for _, f := range fns {
		if !likeMatch(f.Name, pattern) {
			continue
		}
		if shown > 0 {
			fmt.Fprintln(w)
		}
		shown++
		fmt.Fprintf(w, "%s (%s, %s family)\n  %s\n  %s\n", f.Name, f.Kind, f.Family, f.Signature, f.Description)
		if matches == 1 || cmd.Plus || f.Name == pattern {
			fmt.Fprintf(w, "  Example: %s\n", f.Example)
		}
	}
	if shown == 0 {
		return fmt.Errorf("no martdb function matches %q (DuckDB's own functions: SELECT * FROM duckdb_functions())", pattern)
	}
	return nil
}

func (r *repl) metaTimer(cmd meta.Command) error {
	on, err := toggle(cmd, r.timer)
	r.timer = on
	if err == nil {
		fmt.Fprintf(r.e.stdout, "Timing is %s.\n", onOff(on))
	}
	return err
}

func (r *repl) metaMode(cmd meta.Command) error {
	if len(cmd.Args) == 0 {
		fmt.Fprintf(r.e.stdout, "Output mode is %s.\n", r.out.format)
		return nil
	}
	f, err := render.ParseFormat(cmd.Args[0])
	if err != nil {
		return err
	}
	r.out.format = f
	return nil
}

func (r *repl) metaExpanded(cmd meta.Command) error {
	switch {
	case len(cmd.Args) == 0 && r.out.expanded == "off":
		r.out.expanded = "on"
	case len(cmd.Args) == 0:
		r.out.expanded = "off"
	default:
		r.out.expanded = strings.ToLower(cmd.Args[0])
	}
	fmt.Fprintf(r.e.stdout, "Expanded display is %s.\n", r.out.expanded)
	return nil
}

func (r *repl) metaMaxRows(cmd meta.Command) error {
	n, err := strconv.Atoi(cmd.Args[0])
	if err != nil || n < 0 {
		return fmt.Errorf(".maxrows: expected a number of rows (0 for all), got %q", cmd.Args[0])
	}
	r.out.maxRows = n
	return nil
}

func (r *repl) metaOutput(cmd meta.Command) error {
	if len(cmd.Args) == 0 {
		r.out.setFile(nil, false)
		return nil
	}
	f, err := os.Create(cmd.Args[0])
	if err != nil {
		return err
	}
	r.out.setFile(f, false)
	return nil
}

func (r *repl) metaOnce(cmd meta.Command) error {
	f, err := os.Create(cmd.Args[0])
	if err != nil {
		return err
	}
	r.out.setFile(f, true)
	return nil
}

// metaRead runs a file's statements and meta-commands as if typed.
func (r *repl) metaRead(cmd meta.Command) error {
	b, err := os.ReadFile(cmd.Args[0])
	if err != nil {
		return err
	}
	r.execInput(string(b))
	return nil
}

func (r *repl) metaImport(cmd meta.Command) error {
	opt := storage.ImportOptions{Files: cmd.Args[:1], Table: cmd.Args[1]}
	progress, clear := r.e.newProgress("importing " + opt.Table)
	opt.Progress = progress
	ctx, done := r.cancellable()
	n, err := r.s.Import(ctx, opt)
	done()
	clear()
	if err == nil {
		fmt.Fprintf(r.e.stdout, "imported %s into %s\n", rowCount(n), opt.Table)
		r.schema.invalidate()
	}
	return err
}

// metaExport writes a table, or a query's result when the first argument
// is a query, to a file whose extension chooses the format.
func (r *repl) metaExport(cmd meta.Command) error {
	opt := storage.ExportOptions{Path: cmd.Args[1]}
	if strings.ContainsAny(strings.TrimSpace(cmd.Args[0]), " \t\n") {
		opt.Query = cmd.Args[0]
	} else {
		opt.Table = cmd.Args[0]
	}
	progress, clear := r.e.newProgress("exporting")
	opt.Progress = progress
	ctx, done := r.cancellable()
	n, err := r.s.Export(ctx, opt)
	done()
	clear()
	if err == nil {
		fmt.Fprintf(r.e.stdout, "exported %s to %s\n", rowCount(n), opt.Path)
	}
	return err
}

// metaOpen closes the database and opens another (created if missing).
func (r *repl) metaOpen(cmd meta.Command) error {
	opt := &options{}
	if r.opt != nil { // the same limits as the database opened first
		opt.timeout, opt.memoryLimit = r.opt.timeout, r.opt.memoryLimit
	}
	eng, s, err := r.e.openEngine(cmd.Args[0], opt)
	if err != nil {
		return err
	}
	old := r.eng
	r.s.Close()
	r.eng, r.s = eng, s
	r.schema.s = s
	r.schema.invalidate()
	if err := old.Close(); err != nil {
		printError(r.e.stderr, err, "")
	}
	fmt.Fprintf(r.e.stdout, "opened %s\n", eng.Path())
	return nil
}

func (r *repl) metaPager(cmd meta.Command) error {
	switch {
	case len(cmd.Args) == 0 && r.out.pager == "off":
		r.out.pager = "on"
	case len(cmd.Args) == 0:
		r.out.pager = "off"
	default:
		r.out.pager = strings.Join(cmd.Args, " ")
	}
	fmt.Fprintf(r.e.stdout, "Pager is %s.\n", r.out.pager)
	return nil
}

// metaChart draws the last result as a terminal picture.
func (r *repl) metaChart(meta.Command) error {
	if !r.out.lastOK {
		return fmt.Errorf(".chart: no result to draw yet; run a query first")
	}
	w, tty := r.out.target()
	width := 80
	if tty {
		width = max(terminalWidth(w), 20)
	}
	pic, err := chart.Render(r.out.last, chart.Options{Width: width, Color: tty, Unicode: tty})
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(w, pic)
	return err
}

// toggle reads on/off, or flips the current value when no argument.
func toggle(cmd meta.Command, cur bool) (bool, error) {
	if len(cmd.Args) == 0 {
		return !cur, nil
	}
	switch strings.ToLower(cmd.Args[0]) {
	case "on":
		return true, nil
	case "off":
		return false, nil
	}
	return cur, fmt.Errorf("%s: expected on or off, got %q", cmd.Raw, cmd.Args[0])
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// likePattern turns shell wildcards into LIKE ones.
func likePattern(p string) string {
	return strings.NewReplacer("*", "%", "?", "_").Replace(p)
}

// likeMatch matches name against a shell pattern (* any run, ? one
// character), or as a substring when the pattern has neither; the empty
// pattern matches all.
func likeMatch(name, pattern string) bool {
	if !strings.ContainsAny(pattern, "*?") {
		return strings.Contains(name, pattern)
	}
	return glob(name, pattern)
}

func glob(s, p string) bool {
	if p == "" {
		return s == ""
	}
	switch p[0] {
	case '*':
		for i := 0; i <= len(s); i++ {
			if glob(s[i:], p[1:]) {
				return true
			}
		}
		return false
	case '?':
		return s != "" && glob(s[1:], p[1:])
	}
	return s != "" && s[0] == p[0] && glob(s[1:], p[1:])
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
func quoteIdent(s string) string   { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
