package pgoid

// OIDs of the PostgreSQL types martdb uses, as PostgreSQL 15 numbers them
// (src/include/catalog/pg_type.dat).
const (
	Bool        uint32 = 16
	Bytea       uint32 = 17
	Char        uint32 = 18
	Name        uint32 = 19
	Int8        uint32 = 20
	Int2        uint32 = 21
	Int2Vector  uint32 = 22
	Int4        uint32 = 23
	Regproc     uint32 = 24
	Text        uint32 = 25
	OID         uint32 = 26
	XID         uint32 = 28
	OIDVector   uint32 = 30
	JSON        uint32 = 114
	Float4      uint32 = 700
	Float8      uint32 = 701
	Unknown     uint32 = 705
	BPChar      uint32 = 1042
	Varchar     uint32 = 1043
	Date        uint32 = 1082
	Time        uint32 = 1083
	Timestamp   uint32 = 1114
	TimestampTZ uint32 = 1184
	Interval    uint32 = 1186
	TimeTZ      uint32 = 1266
	Numeric     uint32 = 1700
	Regclass    uint32 = 2205
	Regtype     uint32 = 2206
	Record      uint32 = 2249
	Void        uint32 = 2278
	UUID        uint32 = 2950
	JSONB       uint32 = 3802
)

// Type is one row of PostgreSQL's pg_type, reduced to what clients read.
type Type struct {
	OID      uint32
	Name     string // typname
	Len      int16  // typlen: bytes, -1 variable length, -2 C string
	ByVal    bool   // typbyval
	Category byte   // typcategory: B bool, N numeric, S string, D date/time, T timespan, U user/other, A array, P pseudo, R range
	Align    byte   // typalign: c, s, i, d
	Elem     uint32 // typelem: the element type of an array type, else 0
	Array    uint32 // typarray: the array type of this type, else 0
	Input    string // typinput, the input function's name (clients read it to recognise arrays)
}

// Types lists every type martdb may send, base types first and then their
// arrays. Order is PostgreSQL's OID order within each group.
var Types = []Type{
	{OID: Bool, Name: "bool", Len: 1, ByVal: true, Category: 'B', Align: 'c', Array: 1000, Input: "boolin"},
	{OID: Bytea, Name: "bytea", Len: -1, Category: 'U', Align: 'i', Array: 1001, Input: "byteain"},
	{OID: Char, Name: "char", Len: 1, ByVal: true, Category: 'Z', Align: 'c', Array: 1002, Input: "charin"},
	{OID: Name, Name: "name", Len: 64, Category: 'S', Align: 'c', Array: 1003, Input: "namein"},
	{OID: Int8, Name: "int8", Len: 8, ByVal: true, Category: 'N', Align: 'd', Array: 1016, Input: "int8in"},
	{OID: Int2, Name: "int2", Len: 2, ByVal: true, Category: 'N', Align: 's', Array: 1005, Input: "int2in"},
	{OID: Int2Vector, Name: "int2vector", Len: -1, Category: 'A', Align: 'i', Elem: Int2, Array: 1006, Input: "int2vectorin"},
	{OID: Int4, Name: "int4", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 1007, Input: "int4in"},
	{OID: Regproc, Name: "regproc", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 1008, Input: "regprocin"},
	{OID: Text, Name: "text", Len: -1, Category: 'S', Align: 'i', Array: 1009, Input: "textin"},
	{OID: OID, Name: "oid", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 1028, Input: "oidin"},
	{OID: XID, Name: "xid", Len: 4, ByVal: true, Category: 'U', Align: 'i', Array: 1011, Input: "xidin"},
	{OID: OIDVector, Name: "oidvector", Len: -1, Category: 'A', Align: 'i', Elem: OID, Array: 1013, Input: "oidvectorin"},
	{OID: JSON, Name: "json", Len: -1, Category: 'U', Align: 'i', Array: 199, Input: "json_in"},
	{OID: Float4, Name: "float4", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 1021, Input: "float4in"},
	{OID: Float8, Name: "float8", Len: 8, ByVal: true, Category: 'N', Align: 'd', Array: 1022, Input: "float8in"},
	{OID: Unknown, Name: "unknown", Len: -2, Category: 'X', Align: 'c', Input: "unknownin"},
	{OID: BPChar, Name: "bpchar", Len: -1, Category: 'S', Align: 'i', Array: 1014, Input: "bpcharin"},
	{OID: Varchar, Name: "varchar", Len: -1, Category: 'S', Align: 'i', Array: 1015, Input: "varcharin"},
	{OID: Date, Name: "date", Len: 4, ByVal: true, Category: 'D', Align: 'i', Array: 1182, Input: "date_in"},
	{OID: Time, Name: "time", Len: 8, ByVal: true, Category: 'D', Align: 'd', Array: 1183, Input: "time_in"},
	{OID: Timestamp, Name: "timestamp", Len: 8, ByVal: true, Category: 'D', Align: 'd', Array: 1115, Input: "timestamp_in"},
	{OID: TimestampTZ, Name: "timestamptz", Len: 8, ByVal: true, Category: 'D', Align: 'd', Array: 1185, Input: "timestamptz_in"},
	{OID: Interval, Name: "interval", Len: 16, Category: 'T', Align: 'd', Array: 1187, Input: "interval_in"},
	{OID: TimeTZ, Name: "timetz", Len: 12, Category: 'D', Align: 'd', Array: 1270, Input: "timetz_in"},
	{OID: Numeric, Name: "numeric", Len: -1, Category: 'N', Align: 'i', Array: 1231, Input: "numeric_in"},
	{OID: Regclass, Name: "regclass", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 2210, Input: "regclassin"},
	{OID: Regtype, Name: "regtype", Len: 4, ByVal: true, Category: 'N', Align: 'i', Array: 2211, Input: "regtypein"},
	{OID: Record, Name: "record", Len: -1, Category: 'P', Align: 'd', Array: 2287, Input: "record_in"},
	{OID: Void, Name: "void", Len: 4, ByVal: true, Category: 'P', Align: 'i', Input: "void_in"},
	{OID: UUID, Name: "uuid", Len: 16, Category: 'U', Align: 'c', Array: 2951, Input: "uuid_in"},
	{OID: JSONB, Name: "jsonb", Len: -1, Category: 'U', Align: 'i', Array: 3807, Input: "jsonb_in"},
}

func init() {
	// Each base type's array type: named with a leading underscore, length
	// -1, category A, element the base type, input array_in.
	n := len(Types)
	for _, t := range Types[:n] {
		if t.Array == 0 {
			continue
		}
		align := byte('i')
		if t.Align == 'd' {
			align = 'd'
		}
		Types = append(Types, Type{OID: t.Array, Name: "_" + t.Name, Len: -1, Category: 'A', Align: align, Elem: t.OID, Input: "array_in"})
	}
	byOID = make(map[uint32]int, len(Types))
	for i, t := range Types {
		byOID[t.OID] = i
	}
}

var byOID map[uint32]int

// ByOID returns the type with the given OID.
func ByOID(oid uint32) (Type, bool) {
	i, ok := byOID[oid]
	if !ok {
		return Type{}, false
	}
	return Types[i], true
}

// ArrayOf returns the OID of the array type whose elements have type
// elem, or 0 when PostgreSQL has none.
func ArrayOf(elem uint32) uint32 {
	t, _ := ByOID(elem)
	return t.Array
}
