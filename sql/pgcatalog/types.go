package pgcatalog

import (
	"fmt"
	"strings"

	"github.com/martdb/martdb/sql/pgoid"
)

// displayNames are the names format_type gives types whose SQL-standard
// spelling differs from typname.
var displayNames = map[string]string{
	"bool":        "boolean",
	"int2":        "smallint",
	"int4":        "integer",
	"int8":        "bigint",
	"float4":      "real",
	"float8":      "double precision",
	"varchar":     "character varying",
	"bpchar":      "character",
	"char":        `"char"`,
	"timestamp":   "timestamp without time zone",
	"timestamptz": "timestamp with time zone",
	"time":        "time without time zone",
	"timetz":      "time with time zone",
}

// modifiedTypes are the types that take a modifier (varchar(n),
// numeric(p,s), timestamp(p)): their typmodin and typmodout are named
// after them (varchartypmodin), and their arrays' too.
var modifiedTypes = map[uint32]bool{
	pgoid.BPChar: true, pgoid.Varchar: true, pgoid.Numeric: true, pgoid.Time: true, pgoid.TimeTZ: true,
	pgoid.Timestamp: true, pgoid.TimestampTZ: true, pgoid.Interval: true,
}

// preferredTypes are the types PostgreSQL marks typispreferred: the
// preferred type of each category.
var preferredTypes = map[uint32]bool{
	pgoid.Bool: true, pgoid.Text: true, pgoid.OID: true, pgoid.Float8: true,
	pgoid.TimestampTZ: true, pgoid.Interval: true,
}

// typeRow is one row of the emulation's pg_type, derived from pgoid.
type typeRow struct {
	pgoid.Type
	Display   string // format_type's spelling, without modifiers
	TypType   byte   // b base, p pseudo
	Storage   byte   // p plain, x extended, m main
	Collation uint32
	Subscript string // the subscript handler's name, or ""
	ModIn     string // the type modifier input function's name, or ""
	ModOut    string // the type modifier output function's name, or ""
	Analyze   string // the statistics function's name, or ""
	Output    string
	Receive   string
	Send      string
	Preferred bool
}

// typeRows derives the pg_type rows from pgoid.Types with PostgreSQL's
// rules: an array type's display name is its element's followed by [],
// arrays are analyzed by array_typanalyze, types with modifiers (and their
// arrays) read and print them with functions named after the type,
// input/output/receive/send functions follow the input function's name
// (boolin, boolout, boolrecv, boolsend; date_in, date_out, date_recv,
// date_send), varlena types are stored extended (numeric main), the string
// types collate by the default collation (name by C), and arrays, vectors
// and jsonb are subscriptable.
func typeRows() []typeRow {
	var rows []typeRow
	for _, t := range pgoid.Types {
		r := typeRow{Type: t, Display: t.Name, TypType: 'b', Storage: 'p', Preferred: preferredTypes[t.OID]}
		if d, ok := displayNames[t.Name]; ok {
			r.Display = d
		}
		if t.Category == 'P' || t.OID == pgoid.Unknown {
			r.TypType = 'p'
		}
		if t.Category == 'A' && t.Input == "array_in" {
			elem, _ := pgoid.ByOID(t.Elem)
			r.Display = elem.Name
			if d, ok := displayNames[elem.Name]; ok {
				r.Display = d
			}
			r.Display += "[]"
			if elem.Category == 'P' {
				r.TypType = 'p'
			}
			r.Collation = collationOf(elem.OID)
			r.Subscript = "array_subscript_handler"
			r.Analyze = "array_typanalyze"
			if modifiedTypes[elem.OID] {
				r.ModIn, r.ModOut = elem.Name+"typmodin", elem.Name+"typmodout"
			}
		} else {
			r.Collation = collationOf(t.OID)
			if modifiedTypes[t.OID] {
				r.ModIn, r.ModOut = t.Name+"typmodin", t.Name+"typmodout"
			}
		}
		switch {
		case t.OID == pgoid.Numeric:
			r.Storage = 'm'
		case t.Len == -1:
			r.Storage = 'x'
		}
		switch t.OID {
		case pgoid.Int2Vector, pgoid.OIDVector:
			r.Subscript = "array_subscript_handler"
		case pgoid.Name:
			r.Subscript = "raw_array_subscript_handler"
		case pgoid.JSONB:
			r.Subscript = "jsonb_subscript_handler"
		}
		base, sep := strings.TrimSuffix(t.Input, "in"), ""
		if strings.HasSuffix(t.Input, "_in") {
			base, sep = strings.TrimSuffix(t.Input, "_in"), "_"
		}
		r.Output, r.Receive, r.Send = base+sep+"out", base+sep+"recv", base+sep+"send"
		rows = append(rows, r)
	}
	return rows
}

// collationOf is the collation PostgreSQL gives a column of the type: the
// default collation (100) for the string types, C (950) for name.
func collationOf(oid uint32) uint32 {
	switch oid {
	case pgoid.Text, pgoid.Varchar, pgoid.BPChar:
		return 100
	case pgoid.Name:
		return 950
	}
	return 0
}

// typesTableSQL creates the table behind pg_type, its functions as the
// names of their builtinProcs rows ('-' for none), as PostgreSQL prints a
// regproc.
func typesTableSQL(table string) string {
	procs := map[string]bool{}
	for _, p := range builtinProcs {
		procs[p.Name] = true
	}
	proc := func(name string) string {
		if !procs[name] {
			return quoteLiteral("-")
		}
		return quoteLiteral(name)
	}
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM (VALUES ")
	for i, r := range typeRows() {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "(%d::UINTEGER, %s, %s, %d::SMALLINT, %t, %s, %s, %t, %d::UINTEGER, %d::UINTEGER, "+
			"%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %d::UINTEGER)",
			r.OID, quoteLiteral(r.Name), quoteLiteral(r.Display), r.Len, r.ByVal,
			quoteLiteral(string(r.TypType)), quoteLiteral(string(r.Category)), r.Preferred,
			r.Elem, r.Array, proc(r.Input), proc(r.Output), proc(r.Receive),
			proc(r.Send), proc(r.Subscript), proc(r.ModIn), proc(r.ModOut), proc(r.Analyze), quoteLiteral(string(r.Align)),
			quoteLiteral(string(r.Storage)), r.Collation)
	}
	b.WriteString(") AS t(oid, typname, display, typlen, typbyval, typtype, typcategory, typispreferred, " +
		"typelem, typarray, typinput, typoutput, typreceive, typsend, typsubscript, typmodin, typmodout, typanalyze, " +
		"typalign, typstorage, typcollation)")
	return b.String()
}
