package cli

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/martdb/martdb/cli/complete"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/library"
)

// schemaCache answers completion's questions about the database: tables,
// their columns, and the functions (martdb's catalog and DuckDB's own).
// It reads the database once and again after a statement that may have
// changed the schema.
type schemaCache struct {
	s *engine.Session

	mu      sync.Mutex
	loaded  bool
	tables  []string
	columns map[string][]string // lower-case table name -> columns
	funcs   []complete.Function
	isFunc  map[string]bool // lower-case function names
}

func newSchemaCache(s *engine.Session) *schemaCache { return &schemaCache{s: s} }

func (c *schemaCache) invalidate() {
	c.mu.Lock()
	c.loaded = false
	c.mu.Unlock()
}

// Tables lists the tables and views of every attached database.
func (c *schemaCache) Tables() []string {
	c.load()
	return c.tables
}

// Columns lists the columns of a table, matched without regard to case.
func (c *schemaCache) Columns(table string) []string {
	c.load()
	return c.columns[strings.ToLower(table)]
}

// Functions lists martdb's functions, then DuckDB's.
func (c *schemaCache) Functions() []complete.Function {
	c.load()
	return c.funcs
}

// schemaQueryTimeout bounds the catalog queries completion makes, so a
// busy database never stalls typing.
const schemaQueryTimeout = 2 * time.Second

func (c *schemaCache) load() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.loaded {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), schemaQueryTimeout)
	defer cancel()
	c.tables, c.columns = nil, map[string][]string{}
	seen := map[string]bool{}
	c.query(ctx, `SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND database_name <> 'system' ORDER BY table_name, column_index`, func(v []any) {
		table, col := asString(v[0]), asString(v[1])
		key := strings.ToLower(table)
		if !seen[key] {
			seen[key] = true
			c.tables = append(c.tables, table)
		}
		c.columns[key] = append(c.columns[key], col)
	})
	c.funcs = catalogFunctions()
	c.query(ctx, `SELECT DISTINCT function_name, function_type FROM duckdb_functions() WHERE NOT internal OR function_type IN ('scalar', 'aggregate', 'table') ORDER BY 1`, func(v []any) {
		name := asString(v[0])
		if !isMartdbFunction(name) && !strings.HasPrefix(name, "_") {
			kind := asString(v[1])
			c.funcs = append(c.funcs, complete.Function{Name: name, Kind: kind, Description: "DuckDB " + strings.ReplaceAll(kind, "_", " ") + " function", Builtin: true})
		}
	})
	c.isFunc = map[string]bool{}
	for _, f := range c.funcs {
		c.isFunc[strings.ToLower(f.Name)] = true
	}
	c.loaded = true
}

// isFunction reports whether name is a known function, for highlighting.
func (c *schemaCache) isFunction(name string) bool {
	c.load()
	return c.isFunc[strings.ToLower(name)]
}

// query runs q and calls fn per row; a failure leaves what was read.
func (c *schemaCache) query(ctx context.Context, q string, fn func([]any)) {
	_ = c.s.Exec(ctx, q, func(r *engine.Result) error {
		for r.Next() {
			fn(r.Values())
		}
		return r.Err()
	})
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

// catalogFunctions is martdb's function catalog in completion's terms.
func catalogFunctions() []complete.Function {
	var out []complete.Function
	for _, f := range library.Functions() {
		out = append(out, complete.Function{
			Name: f.Name, Signature: f.Signature, Description: f.Description,
			Kind: string(f.Kind), Choices: f.Choices,
		})
	}
	return out
}

var martdbNames = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range library.Functions() {
		m[f.Name] = true
	}
	return m
}()

func isMartdbFunction(name string) bool { return martdbNames[name] }

// mayChangeSchema reports whether a statement may add or remove tables,
// views or columns, so that completion reads the schema again.
func mayChangeSchema(text string) bool {
	switch strings.ToUpper(firstWord(text)) {
	case "CREATE", "DROP", "ALTER", "ATTACH", "DETACH", "USE", "IMPORT", "COPY", "COMMENT", "ROLLBACK", "ABORT":
		return true
	}
	return false
}

// firstWord is the first word of a statement, after comments and blanks.
func firstWord(text string) string {
	for {
		text = strings.TrimLeft(text, " \t\r\n(")
		switch {
		case strings.HasPrefix(text, "--"):
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				return ""
			}
			text = text[i+1:]
		case strings.HasPrefix(text, "/*"):
			i := strings.Index(text, "*/")
			if i < 0 {
				return ""
			}
			text = text[i+2:]
		default:
			end := strings.IndexFunc(text, func(r rune) bool {
				return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
			})
			if end < 0 {
				return text
			}
			return text[:end]
		}
	}
}
