package pgtypes

import (
	"fmt"
	"strings"
	"sync"

	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/sql/pgoid"
)

// kind is how an encoder writes values: one per PostgreSQL type the
// server sends, plus arrays.
type kind uint8

const (
	kindText kind = iota
	kindBool
	kindInt2
	kindInt4
	kindInt8
	kindFloat4
	kindFloat8
	kindNumeric
	kindBytea
	kindDate
	kindTime
	kindTimeTZ
	kindTimestamp
	kindTimestampTZ
	kindInterval
	kindUUID
	kindJSON
	kindArray
	kindOther // an OID this package has no writer for: DuckDB's text
)

// kinds maps the PostgreSQL types pgoid.ForDuckDB hands out to writers.
var kinds = map[uint32]kind{
	pgoid.Bool: kindBool, pgoid.Int2: kindInt2, pgoid.Int4: kindInt4, pgoid.Int8: kindInt8,
	pgoid.Float4: kindFloat4, pgoid.Float8: kindFloat8, pgoid.Numeric: kindNumeric,
	pgoid.Text: kindText, pgoid.Varchar: kindText, pgoid.BPChar: kindText, pgoid.Name: kindText,
	pgoid.Bytea: kindBytea, pgoid.Date: kindDate, pgoid.Time: kindTime, pgoid.TimeTZ: kindTimeTZ,
	pgoid.Timestamp: kindTimestamp, pgoid.TimestampTZ: kindTimestampTZ, pgoid.Interval: kindInterval,
	pgoid.UUID: kindUUID, pgoid.JSON: kindJSON,
}

// Encoder writes the values of one result column in PostgreSQL's text
// and binary formats. It is immutable and safe for concurrent use.
type Encoder struct {
	col  pgoid.Column
	size int16
	kind kind
	// duck is the column's DuckDB type, typ the same taken apart: JSON
	// columns follow it into structs and lists, and types PostgreSQL
	// has no twin for are printed by engine.FormatValue with it.
	duck engine.Column
	typ  *engine.Type
	unit timeUnit // the tick of DuckDB's date and time types
	// strictText is set for VARCHAR columns, which take only strings;
	// other text columns (enums, unions, bit strings) print any value.
	strictText bool
	elem       *Encoder // the element encoder of an array column
}

// encoders caches encoders by DuckDB type name; results repeat the same
// few types and an Encoder never changes.
var encoders sync.Map

// NewEncoder returns the encoder for a column of DuckDB type duckType
// ("INTEGER", "DECIMAL(18,3)", "VARCHAR[]", "STRUCT(a INTEGER)", ...).
// Its PostgreSQL type is pgoid.ForDuckDB's; it never fails.
func NewEncoder(duckType string) *Encoder {
	if e, ok := encoders.Load(duckType); ok {
		return e.(*Encoder)
	}
	e, _ := encoders.LoadOrStore(duckType, newEncoder(duckType))
	return e.(*Encoder)
}

func newEncoder(duckType string) *Encoder {
	col := pgoid.ForDuckDB(duckType)
	t, _ := pgoid.ByOID(col.OID)
	e := &Encoder{
		col:  col,
		size: t.Len,
		duck: engine.Column{Type: duckType},
		typ:  engine.ParseType(duckType),
	}
	e.unit = unitOf(e.duck.BaseType())
	k, ok := kinds[col.OID]
	switch {
	case ok:
		e.kind = k
	case t.Elem != 0 && t.Category == 'A':
		e.kind = kindArray
		e.elem = NewEncoder(e.typ.Elem().Name())
	default:
		e.kind = kindOther
	}
	e.strictText = e.kind == kindText && isVarchar(e.duck.BaseType())
	return e
}

// isVarchar reports whether a DuckDB base type holds plain strings.
func isVarchar(base string) bool {
	switch strings.ToUpper(strings.TrimSpace(base)) {
	case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR":
		return true
	}
	return false
}

// OID is the PostgreSQL type of the column.
func (e *Encoder) OID() uint32 { return e.col.OID }

// Typmod is the PostgreSQL type modifier of the column (-1 for none).
func (e *Encoder) Typmod() int32 { return e.col.Typmod }

// Size is the PostgreSQL typlen of the column's type, for
// RowDescription: bytes, or -1 for variable length.
func (e *Encoder) Size() int16 { return e.size }

// CanBinary reports whether AppendBinary can write this column: true for
// every type pgoid.ForDuckDB hands out and arrays of them.
func (e *Encoder) CanBinary() bool {
	if e.kind == kindArray {
		return e.elem.CanBinary()
	}
	return e.kind != kindOther
}

// AppendText appends v in PostgreSQL's text format, as PostgreSQL 15
// prints it with DateStyle ISO, IntervalStyle postgres, TimeZone UTC and
// extra_float_digits 1. v is a value duckdb-go returned for this column's
// type (never nil: the caller writes NULL). A Go type the column's
// PostgreSQL type cannot hold is an error.
func (e *Encoder) AppendText(dst []byte, v any) ([]byte, error) {
	switch e.kind {
	case kindText:
		return e.appendTextText(dst, v)
	case kindBool:
		return appendBoolText(dst, v)
	case kindInt2, kindInt4, kindInt8:
		return appendIntText(dst, v, e.col.OID)
	case kindFloat4:
		return appendFloatText(dst, v, 32)
	case kindFloat8:
		return appendFloatText(dst, v, 64)
	case kindNumeric:
		return appendNumericText(dst, v)
	case kindBytea:
		return appendByteaText(dst, v)
	case kindDate:
		return appendDateText(dst, v, e.unit)
	case kindTime:
		return appendTimeText(dst, v)
	case kindTimeTZ:
		return appendTimeTZText(dst, v)
	case kindTimestamp:
		return appendTimestampText(dst, v, e.unit, false)
	case kindTimestampTZ:
		return appendTimestampText(dst, v, e.unit, true)
	case kindInterval:
		return appendIntervalText(dst, v)
	case kindUUID:
		return appendUUIDText(dst, v)
	case kindJSON:
		return appendJSON(dst, v, e.typ)
	case kindArray:
		return e.appendArrayText(dst, v)
	}
	return append(dst, engine.FormatValue(v, e.duck)...), nil
}

// AppendBinary appends v in PostgreSQL's binary format for the column's
// type (the format of its send function). v is never nil. Integers out
// of the range of the column's type, and Go types it cannot hold, are
// errors.
func (e *Encoder) AppendBinary(dst []byte, v any) ([]byte, error) {
	switch e.kind {
	case kindText:
		return e.appendTextText(dst, v) // text's binary form is its text
	case kindBool:
		return appendBoolBinary(dst, v)
	case kindInt2, kindInt4, kindInt8:
		return appendIntBinary(dst, v, e.col.OID)
	case kindFloat4:
		return appendFloat4Binary(dst, v)
	case kindFloat8:
		return appendFloat8Binary(dst, v)
	case kindNumeric:
		return appendNumericBinary(dst, v)
	case kindBytea:
		return appendByteaBinary(dst, v)
	case kindDate:
		return appendDateBinary(dst, v, e.unit)
	case kindTime:
		return appendTimeBinary(dst, v)
	case kindTimeTZ:
		return appendTimeTZBinary(dst, v)
	case kindTimestamp, kindTimestampTZ:
		return appendTimestampBinary(dst, v, e.unit)
	case kindInterval:
		return appendIntervalBinary(dst, v)
	case kindUUID:
		return appendUUIDBinary(dst, v)
	case kindJSON:
		return appendJSON(dst, v, e.typ) // json's binary form is its text
	case kindArray:
		return e.appendArrayBinary(dst, v)
	}
	return dst, fmt.Errorf("pgtypes: no binary format for PostgreSQL type %d", e.col.OID)
}

// appendTextText writes a text column: strings as they are; for enums,
// unions, bit strings and other types PostgreSQL lacks, DuckDB's text.
func (e *Encoder) appendTextText(dst []byte, v any) ([]byte, error) {
	if s, ok := v.(string); ok {
		return append(dst, s...), nil
	}
	if e.strictText {
		return dst, typeError(v, "text")
	}
	return append(dst, engine.FormatValue(v, e.duck)...), nil
}

// typeError reports a value whose Go type the PostgreSQL type cannot hold.
func typeError(v any, pgType string) error {
	return fmt.Errorf("pgtypes: cannot encode %T as %s", v, pgType)
}
