package engine

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Type is a DuckDB type name taken apart, so that values nested in
// lists, structs, maps and unions can be formatted with their own type (a
// DATE inside a list must print as a date, not a timestamp).
type Type struct {
	name   string      // the type as DuckDB spells it
	base   string      // Column.BaseType of name, computed once
	elem   *Type       // element type of a list or array
	fields []TypeField // fields of a struct, members of a union
	key    *Type       // key type of a map
	value  *Type       // value type of a map
}

type TypeField struct {
	name string
	typ  *Type
}

// UnknownType stands for a type that is not known, or that a type name did
// not spell out; its values are formatted from their Go type alone.
var UnknownType = &Type{}

// parseType takes a DuckDB type name apart. Parts it does not understand
// become leaves, so it never fails.
func parseType(s string) *Type {
	s = strings.TrimSpace(s)
	n := &Type{name: s, base: Column{Type: s}.BaseType()}
	upper := strings.ToUpper(s)
	switch {
	case strings.HasSuffix(s, "]"):
		if elem, ok := cutArraySuffix(s); ok {
			n.elem = parseType(elem)
		}
	case strings.HasPrefix(upper, "STRUCT(") && strings.HasSuffix(s, ")"):
		n.fields = parseFields(s[len("STRUCT(") : len(s)-1])
	case strings.HasPrefix(upper, "UNION(") && strings.HasSuffix(s, ")"):
		n.fields = parseFields(s[len("UNION(") : len(s)-1])
	case strings.HasPrefix(upper, "MAP(") && strings.HasSuffix(s, ")"):
		if parts := splitTopLevel(s[len("MAP(") : len(s)-1]); len(parts) == 2 {
			n.key, n.value = parseType(parts[0]), parseType(parts[1])
		}
	}
	return n
}

// cutArraySuffix removes the last "[]" or "[N]" of a list or array type.
func cutArraySuffix(s string) (string, bool) {
	open := strings.LastIndexByte(s, '[')
	if open <= 0 {
		return "", false
	}
	for _, c := range s[open+1 : len(s)-1] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return s[:open], true
}

// parseFields reads the "name TYPE, name TYPE" list of a struct or union.
// Names may be double-quoted, with "" for a quote inside.
func parseFields(s string) []TypeField {
	var fields []TypeField
	for _, part := range splitTopLevel(s) {
		name, rest := cutFieldName(strings.TrimSpace(part))
		fields = append(fields, TypeField{name: name, typ: parseType(rest)})
	}
	return fields
}

func cutFieldName(s string) (name, rest string) {
	if !strings.HasPrefix(s, `"`) {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			return s, ""
		}
		return s[:i], s[i+1:]
	}
	var sb strings.Builder
	for i := 1; i < len(s); i++ {
		if s[i] != '"' {
			sb.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '"' {
			sb.WriteByte('"')
			i++
			continue
		}
		return sb.String(), s[i+1:]
	}
	return sb.String(), ""
}

// splitTopLevel splits s at the commas that are outside parentheses,
// brackets and quotes.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// Field returns the type of the struct field or union member called name.
func (n *Type) Field(name string) *Type {
	for _, f := range n.fields {
		if f.name == name {
			return f.typ
		}
	}
	return UnknownType
}

// Elem is the element type of a list or array.
func (n *Type) Elem() *Type {
	if n.elem == nil {
		return UnknownType
	}
	return n.elem
}

// MapTypes are the key and value types of a map.
func (n *Type) MapTypes() (key, value *Type) {
	if n.key == nil {
		return UnknownType, UnknownType
	}
	return n.key, n.value
}

// Name is the type as DuckDB spells it ("" for UnknownType).
func (n *Type) Name() string { return n.name }

// FieldNames lists a struct's fields (a union's members) in declared order.
func (n *Type) FieldNames() []string {
	names := make([]string, len(n.fields))
	for i, f := range n.fields {
		names[i] = f.name
	}
	return names
}

// typeCache holds parsed types by name: results repeat the same few types
// on every row.
var typeCache sync.Map

// ParseType takes a DuckDB type name apart. Parts it does not understand
// become leaves, so it never fails. Results are cached and shared: do not
// modify them.
func ParseType(s string) *Type {
	if t, ok := typeCache.Load(s); ok {
		return t.(*Type)
	}
	t := parseType(s)
	typeCache.Store(s, t)
	return t
}

// StructKeys lists the keys of a struct value in the order the type
// declares its fields (duckdb-go hands structs over as Go maps, which have
// no order); keys the type does not name follow in name order.
func (n *Type) StructKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for _, f := range n.fields {
		if _, ok := m[f.name]; ok {
			keys = append(keys, f.name)
		}
	}
	if len(keys) == len(m) {
		return keys
	}
	var rest []string
	for k := range m {
		if n.Field(k) == UnknownType {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// Nested reports whether the type has parts: a list, array, struct, union
// or map.
func (n *Type) Nested() bool { return n.elem != nil || n.fields != nil || n.key != nil }

// IsMap reports whether the type is a MAP.
func (n *Type) IsMap() bool { return n.key != nil }
