package complete

import (
	"regexp"
	"strings"

	"github.com/martdb/martdb/cli/sqltok"
)

// builder collects candidates matching a prefix, without duplicates.
type builder struct {
	s      Schema
	prefix string
	lower  bool // write keywords in lower case
	out    []Candidate
	seen   map[string]bool
}

// matches reports whether name starts with the prefix, ignoring case and
// a leading double quote.
func (b *builder) matches(name string) bool {
	p := strings.TrimPrefix(b.prefix, `"`)
	return len(name) >= len(p) && strings.EqualFold(name[:len(p)], p)
}

func (b *builder) add(c Candidate) {
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	if b.seen[c.Text] {
		return
	}
	b.seen[c.Text] = true
	b.out = append(b.out, c)
}

func (b *builder) keywords(words []string) {
	for _, k := range words {
		if !b.matches(k) {
			continue
		}
		if b.lower || b.prefix != "" && strings.ToLower(b.prefix) == b.prefix {
			k = strings.ToLower(k)
		}
		b.add(Candidate{Text: k, Display: k, Kind: "keyword"})
	}
}

func (b *builder) tables() {
	for _, t := range b.s.Tables() {
		if b.matches(t) {
			b.add(Candidate{Text: quoteIdent(t), Display: t, Description: "table", Kind: "table"})
		}
	}
}

func (b *builder) columns(table string) {
	for _, c := range b.s.Columns(table) {
		if b.matches(c) {
			b.add(Candidate{Text: quoteIdent(c), Display: c, Description: "column of " + table, Kind: "column"})
		}
	}
}

// functions adds the functions keep accepts: martdb's always, DuckDB's
// only once a prefix narrows them.
func (b *builder) functions(keep func(*Function) bool) {
	fns := b.s.Functions()
	for i := range fns {
		f := &fns[i]
		if !keep(f) || !b.matches(f.Name) || f.Builtin && b.prefix == "" {
			continue
		}
		display := f.Name + "()"
		if f.Signature != "" {
			display, _, _ = strings.Cut(f.Signature, " -> ")
		}
		kind := "function"
		if f.Builtin {
			kind = "builtin"
		}
		b.add(Candidate{Text: f.Name + "(", Display: display, Description: f.Description, Kind: kind})
	}
}

// named returns the functions called name.
func (b *builder) named(name string) []*Function {
	var out []*Function
	fns := b.s.Functions()
	for i := range fns {
		if strings.EqualFold(fns[i].Name, name) {
			out = append(out, &fns[i])
		}
	}
	return out
}

var optionRE = regexp.MustCompile(`(\w+) := ([^,)]+(?:\([^)]*\))?)`)

// options adds f's named options not given yet, as "name := ".
func (b *builder) options(f *Function, given map[string]bool) {
	for _, m := range optionRE.FindAllStringSubmatch(f.Signature, -1) {
		name, def := m[1], strings.TrimSpace(m[2])
		if given[name] || !b.matches(name) {
			continue
		}
		desc := "option, default " + def
		if ch := f.Choices[name]; len(ch) > 0 {
			desc += "; one of " + strings.Join(ch, ", ")
		}
		b.add(Candidate{Text: name + " := ", Display: name + " :=", Description: desc, Kind: "option"})
	}
}

// choices adds the accepted values not already listed in used.
func (b *builder) choices(values []string, used []string) {
	taken := map[string]bool{}
	for _, u := range used {
		taken[strings.TrimSpace(u)] = true
	}
	for _, v := range values {
		if !taken[v] && b.matches(v) {
			b.add(Candidate{Text: v, Display: v, Kind: "value"})
		}
	}
}

// quoteIdent quotes a name that is not a plain lower-case identifier or
// that is a keyword.
func quoteIdent(name string) string {
	plain := name != "" && !sqltok.IsKeyword(name)
	for i := 0; i < len(name) && plain; i++ {
		c := name[i]
		plain = c == '_' || 'a' <= c && c <= 'z' || i > 0 && '0' <= c && c <= '9'
	}
	if plain {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
