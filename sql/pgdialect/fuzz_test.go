package pgdialect

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v6"
)

// FuzzTranslate checks that Translate never panics, and that text
// PostgreSQL cannot parse passes through unchanged.
func FuzzTranslate(f *testing.F) {
	for _, s := range []string{
		"SELECT a ~ 'x' FROM pg_catalog.pg_class",
		"SELECT 'x'::regclass::text, CAST($1 AS regtype)",
		"SELECT c.relname OPERATOR(pg_catalog.~) '^a$' COLLATE pg_catalog.default",
		"DECLARE c CURSOR FOR SELECT 1",
		"COPY (SELECT 1) TO STDOUT WITH (FORMAT csv)",
		"SELECT [1, 2] ~ x",
		"SET search_path TO a, b",
		"SELECT ((a)) ~ (b) FROM information_schema.tables",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := Translate(s)
		if err != nil {
			return
		}
		if _, perr := pg_query.Parse(s); perr != nil && st.Kind == Query && st.SQL != s {
			t.Fatalf("unparseable text was changed: %q -> %q", s, st.SQL)
		}
		if st.Kind == Query {
			st.MapPosition(len([]rune(st.SQL)))
		}
	})
}
