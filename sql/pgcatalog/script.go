package pgcatalog

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"

	"github.com/martdb/martdb/sql/split"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// script is one embedded SQL file. The files run in name order; within
// one, each statement comes after what it uses, since DuckDB binds views
// and macros when it creates them.
type script struct {
	name string
	text string
}

// scripts returns the embedded SQL files in the order they run.
func scripts() []script {
	names, err := fs.Glob(sqlFiles, "sql/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	out := make([]script, 0, len(names))
	for _, n := range names {
		b, err := sqlFiles.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out = append(out, script{name: n, text: string(b)})
	}
	return out
}

// placeholder matches the {{name}} markers the scripts use for the
// emulation's schemas and for values Go supplies.
var placeholder = regexp.MustCompile(`\{\{(\w+)\}\}`)

// expand replaces every {{name}} in text with vars[name]; an unknown name is
// an error.
func expand(text string, vars map[string]string) (string, error) {
	var missing []string
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := m[2 : len(m)-2]
		v, ok := vars[name]
		if !ok {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("pgcatalog: unknown placeholders %v", missing)
	}
	return out, nil
}

// catalogView recognises the statements creating one of the relations
// clients see, "CREATE VIEW {{pgc}}.name AS query" or {{info}}, after
// any leading comment lines. Those views are shaped to PostgreSQL's
// columns; the scripts' internal views use CREATE OR REPLACE VIEW and are
// run as written.
var catalogView = regexp.MustCompile(`(?s)^(?:\s*--[^\n]*\n)*\s*CREATE VIEW \{\{(pgc|info)\}\}\.(\w+) AS\s+(.*)$`)

// statement is one statement of the scripts, before placeholders are
// expanded. For a catalog view, relation names it ("pg_catalog.pg_class")
// and query is its defining query.
type statement struct {
	file     string
	text     string
	relation string
	query    string
}

// statements splits the scripts into statements.
func statements() []statement {
	var out []statement
	for _, s := range scripts() {
		for _, st := range split.Split(s.text) {
			stmt := statement{file: s.name, text: st.Text}
			if m := catalogView.FindStringSubmatch(st.Text); m != nil {
				schema := PgCatalog
				if m[1] == "info" {
					schema = InformationSchema
				}
				stmt.relation = schema + "." + m[2]
				stmt.query = m[3]
			}
			out = append(out, stmt)
		}
	}
	return out
}

// firstLine is a statement's first line that is not a comment, for error
// messages.
func firstLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "--") {
			return l
		}
	}
	return text
}
