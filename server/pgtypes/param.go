package pgtypes

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/martdb/martdb/sql/pgoid"
)

// SQLSTATE codes of parameter errors, as PostgreSQL raises them for the
// same input.
const (
	codeProtocolViolation        = "08P01" // binary value shorter than its type
	codeInvalidText              = "22P02" // invalid_text_representation
	codeInvalidBinary            = "22P03" // invalid_binary_representation
	codeOutOfRange               = "22003" // numeric_value_out_of_range
	codeInvalidDatetime          = "22007" // invalid_datetime_format
	codeDatetimeOverflow         = "22008" // datetime_field_overflow
	codeInvalidTimeZone          = "22009" // invalid_time_zone_displacement_value
	codeCharacterNotInRepertoire = "22021" // character_not_in_repertoire
	codeInvalidParameterValue    = "22023" // invalid_parameter_value (bad bytea hex)
	codeDatatypeMismatch         = "42804" // array element type differs
	codeUndefinedFunction        = "42883" // no binary input for the type
)

// ParamError is a Bind parameter that could not be decoded. Code is the
// SQLSTATE PostgreSQL raises for the same input: 22P02 and its siblings
// (22003, 22007, 22008, 22009, 22021, 22023) for values that do not
// read as their type, 08P01 for a binary value shorter than its type
// (or an unknown format code), 22P03 for one longer or malformed, 42804
// for a binary array of another element type than declared, 42883 for
// a binary value of a type without a binary reader here. Message names
// the problem but not the parameter; the caller adds which one it was.
type ParamError struct {
	Code    string
	Message string
}

func (e *ParamError) Error() string { return e.Message }

func paramErrorf(code, format string, args ...any) *ParamError {
	return &ParamError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// syntaxError is PostgreSQL's "invalid input syntax for type T" error.
func syntaxError(code, typeName, input string) *ParamError {
	return paramErrorf(code, "invalid input syntax for type %s: %q", typeName, input)
}

// ParamOID is the OID to announce in ParameterDescription for a
// parameter DuckDB typed as duckType: the type pgoid.ForDuckDB gives a
// column of that type. A parameter DuckDB could not type ("", UNKNOWN,
// INVALID, SQLNULL, ANY) is announced as unspecified (0): PostgreSQL
// would have resolved it from context, and announcing text instead makes
// drivers refuse to send a number for it (pgx cannot encode an int as
// text); with 0 they send their value as text, which DuckDB casts (and
// the engine retries as a number where DuckDB needs one). DuckDB reports
// list, struct, map and union parameters without their parts, so those
// are unspecified too; the server reads a PostgreSQL array literal sent
// for a list parameter as a text array.
func ParamOID(duckType string) uint32 {
	switch strings.ToUpper(strings.TrimSpace(duckType)) {
	case "", "UNKNOWN", "INVALID", "SQLNULL", "NULL", "ANY", "LIST", "ARRAY", "STRUCT", "MAP", "UNION":
		return 0
	}
	return pgoid.ForDuckDB(duckType).OID
}

// DecodeParam turns one Bind parameter into a value duckdb-go can bind.
// data is the parameter's bytes (nil for NULL, which gives nil), format
// 0 for text and 1 for binary, oid the parameter's type: the one the
// client declared in Parse, else the one announced by ParamOID, 0 when
// neither is known.
//
// Text of an unspecified type (0), of text-like types and of types this
// package does not parse is returned as the string itself, for DuckDB to
// cast; binary of an unspecified type is read as text. Other values
// come back as:
//
//	bool                   bool
//	int2, int4, int8       int16, int32, int64
//	float4, float8         float32, float64
//	numeric                string, plain decimal digits (DuckDB casts it exactly)
//	bytea                  []byte
//	date                   duckdb.Typed(time.Time, TYPE_DATE)
//	time, timetz           duckdb.Typed(time.Time, TYPE_TIME / TYPE_TIME_TZ)
//	timestamp(tz)          duckdb.Typed(time.Time, TYPE_TIMESTAMP / TYPE_TIMESTAMP_TZ)
//	interval               duckdb.Interval
//	uuid                   *duckdb.UUID
//	json, jsonb, text...   string
//	arrays                 string, a DuckDB list literal: ['a', NULL]
//
// Dates, times and timestamps are typed so that DuckDB sees the type the
// client declared even where the statement leaves the parameter open.
// The infinite timestamps, which duckdb-go cannot bind as values, and
// the time 24:00:00 are strings DuckDB casts. Arrays are list literals
// because duckdb-go v2 cannot bind a []any holding NULLs, nor one whose
// Go element type differs from the parameter's element type; DuckDB
// casts the literal to the parameter's list type.
func DecodeParam(data []byte, format int16, oid uint32) (any, error) {
	if data == nil {
		return nil, nil
	}
	var v any
	var err error
	switch format {
	case 0:
		if err := checkText(data); err != nil {
			return nil, err
		}
		v, err = decodeText(string(data), oid)
	case 1:
		v, err = decodeBinary(data, oid)
	default:
		return nil, paramErrorf(codeProtocolViolation, "unsupported format code: %d", format)
	}
	if err != nil {
		return nil, err
	}
	return bindable(v), nil
}

// checkText rejects text PostgreSQL would not accept from a UTF-8
// client: invalid UTF-8 and NUL bytes.
func checkText(data []byte) error {
	if !utf8.Valid(data) {
		return paramErrorf(codeCharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\"")
	}
	for _, c := range data {
		if c == 0 {
			return paramErrorf(codeCharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\": 0x00")
		}
	}
	return nil
}

// pgTypeName is PostgreSQL's name for a type, for messages.
func pgTypeName(oid uint32) string {
	switch oid {
	case pgoid.Bool:
		return "boolean"
	case pgoid.Int2:
		return "smallint"
	case pgoid.Int4:
		return "integer"
	case pgoid.Int8:
		return "bigint"
	case pgoid.Float4:
		return "real"
	case pgoid.Float8:
		return "double precision"
	case pgoid.Timestamp:
		return "timestamp"
	case pgoid.TimestampTZ:
		return "timestamp with time zone"
	case pgoid.Time:
		return "time"
	case pgoid.TimeTZ:
		return "time with time zone"
	}
	if t, ok := pgoid.ByOID(oid); ok {
		return t.Name
	}
	return fmt.Sprintf("OID %d", oid)
}

// arrayElem is the element type of an array type, 0 for other types.
func arrayElem(oid uint32) uint32 {
	t, ok := pgoid.ByOID(oid)
	if !ok || t.Input != "array_in" { // not int2vector, oidvector
		return 0
	}
	return t.Elem
}

// duckTypes are the DuckDB types of the PostgreSQL types clients declare
// for parameters.
var duckTypes = map[uint32]string{
	pgoid.Bool: "BOOLEAN", pgoid.Int2: "SMALLINT", pgoid.Int4: "INTEGER", pgoid.Int8: "BIGINT",
	pgoid.Float4: "FLOAT", pgoid.Float8: "DOUBLE", pgoid.Numeric: "DECIMAL(38,10)",
	pgoid.Text: "VARCHAR", pgoid.Varchar: "VARCHAR", pgoid.BPChar: "VARCHAR", pgoid.Name: "VARCHAR",
	pgoid.Bytea: "BLOB", pgoid.Date: "DATE", pgoid.Time: "TIME", pgoid.Timestamp: "TIMESTAMP",
	pgoid.TimestampTZ: "TIMESTAMPTZ", pgoid.Interval: "INTERVAL", pgoid.UUID: "UUID",
	pgoid.JSON: "JSON", pgoid.JSONB: "JSON", pgoid.OID: "UINTEGER",
}

// DuckDBType is the DuckDB type of a parameter a client declared as oid,
// or "" when martdb has none to offer (arrays, unknown types, 0).
func DuckDBType(oid uint32) string { return duckTypes[oid] }
