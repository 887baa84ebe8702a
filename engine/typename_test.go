package engine

import "testing"

func TestParseType(t *testing.T) {
	n := ParseType(`STRUCT("a ""b"", c" INTEGER[3][], m MAP(VARCHAR, STRUCT(x DATE)), u UNION(n INTEGER, s VARCHAR), e ENUM('x, y', 'z'))[]`)
	s := n.Elem()
	if s.Name() != `STRUCT("a ""b"", c" INTEGER[3][], m MAP(VARCHAR, STRUCT(x DATE)), u UNION(n INTEGER, s VARCHAR), e ENUM('x, y', 'z'))` {
		t.Fatalf("element type %q", s.Name())
	}
	var names []string
	for _, f := range s.fields {
		names = append(names, f.name)
	}
	if len(names) != 4 || names[0] != `a "b", c` || names[1] != "m" || names[2] != "u" || names[3] != "e" {
		t.Fatalf("fields %q", names)
	}
	if got := s.Field(`a "b", c`).Elem().Elem().Name(); got != "INTEGER" {
		t.Errorf("array element %q", got)
	}
	k, v := s.Field("m").MapTypes()
	if k.Name() != "VARCHAR" || v.Field("x").Name() != "DATE" {
		t.Errorf("map types %q, %q", k.Name(), v.Name())
	}
	if got := s.Field("u").Field("s").Name(); got != "VARCHAR" {
		t.Errorf("union member %q", got)
	}
	if got := s.Field("e").Name(); got != "ENUM('x, y', 'z')" {
		t.Errorf("enum %q", got)
	}
	if s.Field("missing") != UnknownType || ParseType("INTEGER").Elem() != UnknownType {
		t.Error("unknown parts should be UnknownType")
	}
}
