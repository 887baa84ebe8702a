package pgcatalog

import (
	"fmt"
	"strings"

	"github.com/martdb/martdb/sql/pgoid"
)

// operator is one built-in operator of pg_operator, with PostgreSQL 15's
// OID, operand and result types (Left 0 for a prefix operator), the
// function that implements it (Code, whose OID is CodeOID), its commutator
// and negator (0 for none) and flags: m for oprcanmerge, h for oprcanhash,
// s when its function is stable rather than immutable (comparisons across
// timestamp with and without time zone depend on the TimeZone setting).
type operator struct {
	OID                 uint32
	Name                string
	Left, Right, Result uint32
	Code                string
	CodeOID             uint32
	Com, Negate         uint32
	Flags               string
}

// builtinOperators are the operators clients look up: PostgreSQL 15's
// operators named = <> < <= > >= + - * / % ~~ !~~ ~~* !~~* ~ !~ ~* !~* ||
// whose operand and result types are all among bool, int2, int4, int8,
// float4, float8, numeric, text, date, timestamp, timestamptz and
// interval (varchar has no operators of its own in PostgreSQL: it uses
// text's). Generated from a PostgreSQL 15.18 server's pg_operator.
var builtinOperators = []operator{
	{15, "=", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48eq", 852, 416, 36, "mh"},
	{36, "<>", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48ne", 853, 417, 15, ""},
	{37, "<", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48lt", 854, 419, 82, ""},
	{58, "<", pgoid.Bool, pgoid.Bool, pgoid.Bool, "boollt", 56, 59, 1695, ""},
	{59, ">", pgoid.Bool, pgoid.Bool, pgoid.Bool, "boolgt", 57, 58, 1694, ""},
	{76, ">", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48gt", 855, 418, 80, ""},
	{80, "<=", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48le", 856, 430, 76, ""},
	{82, ">=", pgoid.Int4, pgoid.Int8, pgoid.Bool, "int48ge", 857, 420, 37, ""},
	{85, "<>", pgoid.Bool, pgoid.Bool, pgoid.Bool, "boolne", 84, 85, 91, ""},
	{91, "=", pgoid.Bool, pgoid.Bool, pgoid.Bool, "booleq", 60, 91, 85, "mh"},
	{94, "=", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2eq", 63, 94, 519, "mh"},
	{95, "<", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2lt", 64, 520, 524, ""},
	{96, "=", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4eq", 65, 96, 518, "mh"},
	{97, "<", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4lt", 66, 521, 525, ""},
	{98, "=", pgoid.Text, pgoid.Text, pgoid.Bool, "texteq", 67, 98, 531, "mh"},
	{410, "=", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8eq", 467, 410, 411, "mh"},
	{411, "<>", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8ne", 468, 411, 410, ""},
	{412, "<", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8lt", 469, 413, 415, ""},
	{413, ">", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8gt", 470, 412, 414, ""},
	{414, "<=", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8le", 471, 415, 413, ""},
	{415, ">=", pgoid.Int8, pgoid.Int8, pgoid.Bool, "int8ge", 472, 414, 412, ""},
	{416, "=", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84eq", 474, 15, 417, "mh"},
	{417, "<>", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84ne", 475, 36, 416, ""},
	{418, "<", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84lt", 476, 76, 430, ""},
	{419, ">", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84gt", 477, 37, 420, ""},
	{420, "<=", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84le", 478, 82, 419, ""},
	{430, ">=", pgoid.Int8, pgoid.Int4, pgoid.Bool, "int84ge", 479, 80, 418, ""},
	{439, "%", pgoid.Int8, pgoid.Int8, pgoid.Int8, "int8mod", 945, 0, 0, ""},
	{484, "-", 0, pgoid.Int8, pgoid.Int8, "int8um", 462, 0, 0, ""},
	{514, "*", pgoid.Int4, pgoid.Int4, pgoid.Int4, "int4mul", 141, 514, 0, ""},
	{518, "<>", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4ne", 144, 518, 96, ""},
	{519, "<>", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2ne", 145, 519, 94, ""},
	{520, ">", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2gt", 146, 95, 522, ""},
	{521, ">", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4gt", 147, 97, 523, ""},
	{522, "<=", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2le", 148, 524, 520, ""},
	{523, "<=", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4le", 149, 525, 521, ""},
	{524, ">=", pgoid.Int2, pgoid.Int2, pgoid.Bool, "int2ge", 151, 522, 95, ""},
	{525, ">=", pgoid.Int4, pgoid.Int4, pgoid.Bool, "int4ge", 150, 523, 97, ""},
	{526, "*", pgoid.Int2, pgoid.Int2, pgoid.Int2, "int2mul", 152, 526, 0, ""},
	{527, "/", pgoid.Int2, pgoid.Int2, pgoid.Int2, "int2div", 153, 0, 0, ""},
	{528, "/", pgoid.Int4, pgoid.Int4, pgoid.Int4, "int4div", 154, 0, 0, ""},
	{529, "%", pgoid.Int2, pgoid.Int2, pgoid.Int2, "int2mod", 155, 0, 0, ""},
	{530, "%", pgoid.Int4, pgoid.Int4, pgoid.Int4, "int4mod", 156, 0, 0, ""},
	{531, "<>", pgoid.Text, pgoid.Text, pgoid.Bool, "textne", 157, 531, 98, ""},
	{532, "=", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24eq", 158, 533, 538, "mh"},
	{533, "=", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42eq", 159, 532, 539, "mh"},
	{534, "<", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24lt", 160, 537, 542, ""},
	{535, "<", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42lt", 161, 536, 543, ""},
	{536, ">", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24gt", 162, 535, 540, ""},
	{537, ">", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42gt", 163, 534, 541, ""},
	{538, "<>", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24ne", 164, 539, 532, ""},
	{539, "<>", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42ne", 165, 538, 533, ""},
	{540, "<=", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24le", 166, 543, 536, ""},
	{541, "<=", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42le", 167, 542, 537, ""},
	{542, ">=", pgoid.Int2, pgoid.Int4, pgoid.Bool, "int24ge", 168, 541, 534, ""},
	{543, ">=", pgoid.Int4, pgoid.Int2, pgoid.Bool, "int42ge", 169, 540, 535, ""},
	{544, "*", pgoid.Int2, pgoid.Int4, pgoid.Int4, "int24mul", 170, 545, 0, ""},
	{545, "*", pgoid.Int4, pgoid.Int2, pgoid.Int4, "int42mul", 171, 544, 0, ""},
	{546, "/", pgoid.Int2, pgoid.Int4, pgoid.Int4, "int24div", 172, 0, 0, ""},
	{547, "/", pgoid.Int4, pgoid.Int2, pgoid.Int4, "int42div", 173, 0, 0, ""},
	{550, "+", pgoid.Int2, pgoid.Int2, pgoid.Int2, "int2pl", 176, 550, 0, ""},
	{551, "+", pgoid.Int4, pgoid.Int4, pgoid.Int4, "int4pl", 177, 551, 0, ""},
	{552, "+", pgoid.Int2, pgoid.Int4, pgoid.Int4, "int24pl", 178, 553, 0, ""},
	{553, "+", pgoid.Int4, pgoid.Int2, pgoid.Int4, "int42pl", 179, 552, 0, ""},
	{554, "-", pgoid.Int2, pgoid.Int2, pgoid.Int2, "int2mi", 180, 0, 0, ""},
	{555, "-", pgoid.Int4, pgoid.Int4, pgoid.Int4, "int4mi", 181, 0, 0, ""},
	{556, "-", pgoid.Int2, pgoid.Int4, pgoid.Int4, "int24mi", 182, 0, 0, ""},
	{557, "-", pgoid.Int4, pgoid.Int2, pgoid.Int4, "int42mi", 183, 0, 0, ""},
	{558, "-", 0, pgoid.Int4, pgoid.Int4, "int4um", 212, 0, 0, ""},
	{559, "-", 0, pgoid.Int2, pgoid.Int2, "int2um", 213, 0, 0, ""},
	{584, "-", 0, pgoid.Float4, pgoid.Float4, "float4um", 206, 0, 0, ""},
	{585, "-", 0, pgoid.Float8, pgoid.Float8, "float8um", 220, 0, 0, ""},
	{586, "+", pgoid.Float4, pgoid.Float4, pgoid.Float4, "float4pl", 204, 586, 0, ""},
	{587, "-", pgoid.Float4, pgoid.Float4, pgoid.Float4, "float4mi", 205, 0, 0, ""},
	{588, "/", pgoid.Float4, pgoid.Float4, pgoid.Float4, "float4div", 203, 0, 0, ""},
	{589, "*", pgoid.Float4, pgoid.Float4, pgoid.Float4, "float4mul", 202, 589, 0, ""},
	{591, "+", pgoid.Float8, pgoid.Float8, pgoid.Float8, "float8pl", 218, 591, 0, ""},
	{592, "-", pgoid.Float8, pgoid.Float8, pgoid.Float8, "float8mi", 219, 0, 0, ""},
	{593, "/", pgoid.Float8, pgoid.Float8, pgoid.Float8, "float8div", 217, 0, 0, ""},
	{594, "*", pgoid.Float8, pgoid.Float8, pgoid.Float8, "float8mul", 216, 594, 0, ""},
	{620, "=", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4eq", 287, 620, 621, "mh"},
	{621, "<>", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4ne", 288, 621, 620, ""},
	{622, "<", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4lt", 289, 623, 625, ""},
	{623, ">", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4gt", 291, 622, 624, ""},
	{624, "<=", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4le", 290, 625, 623, ""},
	{625, ">=", pgoid.Float4, pgoid.Float4, pgoid.Bool, "float4ge", 292, 624, 622, ""},
	{641, "~", pgoid.Text, pgoid.Text, pgoid.Bool, "textregexeq", 1254, 0, 642, ""},
	{642, "!~", pgoid.Text, pgoid.Text, pgoid.Bool, "textregexne", 1256, 0, 641, ""},
	{654, "||", pgoid.Text, pgoid.Text, pgoid.Text, "textcat", 1258, 0, 0, ""},
	{664, "<", pgoid.Text, pgoid.Text, pgoid.Bool, "text_lt", 740, 666, 667, ""},
	{665, "<=", pgoid.Text, pgoid.Text, pgoid.Bool, "text_le", 741, 667, 666, ""},
	{666, ">", pgoid.Text, pgoid.Text, pgoid.Bool, "text_gt", 742, 664, 665, ""},
	{667, ">=", pgoid.Text, pgoid.Text, pgoid.Bool, "text_ge", 743, 665, 664, ""},
	{670, "=", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8eq", 293, 670, 671, "mh"},
	{671, "<>", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8ne", 294, 671, 670, ""},
	{672, "<", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8lt", 295, 674, 675, ""},
	{673, "<=", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8le", 296, 675, 674, ""},
	{674, ">", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8gt", 297, 672, 673, ""},
	{675, ">=", pgoid.Float8, pgoid.Float8, pgoid.Bool, "float8ge", 298, 673, 672, ""},
	{684, "+", pgoid.Int8, pgoid.Int8, pgoid.Int8, "int8pl", 463, 684, 0, ""},
	{685, "-", pgoid.Int8, pgoid.Int8, pgoid.Int8, "int8mi", 464, 0, 0, ""},
	{686, "*", pgoid.Int8, pgoid.Int8, pgoid.Int8, "int8mul", 465, 686, 0, ""},
	{687, "/", pgoid.Int8, pgoid.Int8, pgoid.Int8, "int8div", 466, 0, 0, ""},
	{688, "+", pgoid.Int8, pgoid.Int4, pgoid.Int8, "int84pl", 1274, 692, 0, ""},
	{689, "-", pgoid.Int8, pgoid.Int4, pgoid.Int8, "int84mi", 1275, 0, 0, ""},
	{690, "*", pgoid.Int8, pgoid.Int4, pgoid.Int8, "int84mul", 1276, 694, 0, ""},
	{691, "/", pgoid.Int8, pgoid.Int4, pgoid.Int8, "int84div", 1277, 0, 0, ""},
	{692, "+", pgoid.Int4, pgoid.Int8, pgoid.Int8, "int48pl", 1278, 688, 0, ""},
	{693, "-", pgoid.Int4, pgoid.Int8, pgoid.Int8, "int48mi", 1279, 0, 0, ""},
	{694, "*", pgoid.Int4, pgoid.Int8, pgoid.Int8, "int48mul", 1280, 690, 0, ""},
	{695, "/", pgoid.Int4, pgoid.Int8, pgoid.Int8, "int48div", 1281, 0, 0, ""},
	{818, "+", pgoid.Int8, pgoid.Int2, pgoid.Int8, "int82pl", 837, 822, 0, ""},
	{819, "-", pgoid.Int8, pgoid.Int2, pgoid.Int8, "int82mi", 838, 0, 0, ""},
	{820, "*", pgoid.Int8, pgoid.Int2, pgoid.Int8, "int82mul", 839, 824, 0, ""},
	{821, "/", pgoid.Int8, pgoid.Int2, pgoid.Int8, "int82div", 840, 0, 0, ""},
	{822, "+", pgoid.Int2, pgoid.Int8, pgoid.Int8, "int28pl", 841, 818, 0, ""},
	{823, "-", pgoid.Int2, pgoid.Int8, pgoid.Int8, "int28mi", 942, 0, 0, ""},
	{824, "*", pgoid.Int2, pgoid.Int8, pgoid.Int8, "int28mul", 943, 820, 0, ""},
	{825, "/", pgoid.Int2, pgoid.Int8, pgoid.Int8, "int28div", 948, 0, 0, ""},
	{1076, "+", pgoid.Date, pgoid.Interval, pgoid.Timestamp, "date_pl_interval", 2071, 2551, 0, ""},
	{1077, "-", pgoid.Date, pgoid.Interval, pgoid.Timestamp, "date_mi_interval", 2072, 0, 0, ""},
	{1093, "=", pgoid.Date, pgoid.Date, pgoid.Bool, "date_eq", 1086, 1093, 1094, "mh"},
	{1094, "<>", pgoid.Date, pgoid.Date, pgoid.Bool, "date_ne", 1091, 1094, 1093, ""},
	{1095, "<", pgoid.Date, pgoid.Date, pgoid.Bool, "date_lt", 1087, 1097, 1098, ""},
	{1096, "<=", pgoid.Date, pgoid.Date, pgoid.Bool, "date_le", 1088, 1098, 1097, ""},
	{1097, ">", pgoid.Date, pgoid.Date, pgoid.Bool, "date_gt", 1089, 1095, 1096, ""},
	{1098, ">=", pgoid.Date, pgoid.Date, pgoid.Bool, "date_ge", 1090, 1096, 1095, ""},
	{1099, "-", pgoid.Date, pgoid.Date, pgoid.Int4, "date_mi", 1140, 0, 0, ""},
	{1100, "+", pgoid.Date, pgoid.Int4, pgoid.Date, "date_pli", 1141, 2555, 0, ""},
	{1101, "-", pgoid.Date, pgoid.Int4, pgoid.Date, "date_mii", 1142, 0, 0, ""},
	{1116, "+", pgoid.Float4, pgoid.Float8, pgoid.Float8, "float48pl", 281, 1126, 0, ""},
	{1117, "-", pgoid.Float4, pgoid.Float8, pgoid.Float8, "float48mi", 282, 0, 0, ""},
	{1118, "/", pgoid.Float4, pgoid.Float8, pgoid.Float8, "float48div", 280, 0, 0, ""},
	{1119, "*", pgoid.Float4, pgoid.Float8, pgoid.Float8, "float48mul", 279, 1129, 0, ""},
	{1120, "=", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48eq", 299, 1130, 1121, "mh"},
	{1121, "<>", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48ne", 300, 1131, 1120, ""},
	{1122, "<", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48lt", 301, 1133, 1125, ""},
	{1123, ">", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48gt", 303, 1132, 1124, ""},
	{1124, "<=", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48le", 302, 1135, 1123, ""},
	{1125, ">=", pgoid.Float4, pgoid.Float8, pgoid.Bool, "float48ge", 304, 1134, 1122, ""},
	{1126, "+", pgoid.Float8, pgoid.Float4, pgoid.Float8, "float84pl", 285, 1116, 0, ""},
	{1127, "-", pgoid.Float8, pgoid.Float4, pgoid.Float8, "float84mi", 286, 0, 0, ""},
	{1128, "/", pgoid.Float8, pgoid.Float4, pgoid.Float8, "float84div", 284, 0, 0, ""},
	{1129, "*", pgoid.Float8, pgoid.Float4, pgoid.Float8, "float84mul", 283, 1119, 0, ""},
	{1130, "=", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84eq", 305, 1120, 1131, "mh"},
	{1131, "<>", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84ne", 306, 1121, 1130, ""},
	{1132, "<", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84lt", 307, 1123, 1135, ""},
	{1133, ">", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84gt", 309, 1122, 1134, ""},
	{1134, "<=", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84le", 308, 1125, 1133, ""},
	{1135, ">=", pgoid.Float8, pgoid.Float4, pgoid.Bool, "float84ge", 310, 1124, 1132, ""},
	{1209, "~~", pgoid.Text, pgoid.Text, pgoid.Bool, "textlike", 850, 0, 1210, ""},
	{1210, "!~~", pgoid.Text, pgoid.Text, pgoid.Bool, "textnlike", 851, 0, 1209, ""},
	{1228, "~*", pgoid.Text, pgoid.Text, pgoid.Bool, "texticregexeq", 1238, 0, 1229, ""},
	{1229, "!~*", pgoid.Text, pgoid.Text, pgoid.Bool, "texticregexne", 1239, 0, 1228, ""},
	{1320, "=", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_eq", 1152, 1320, 1321, "mh"},
	{1321, "<>", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_ne", 1153, 1321, 1320, ""},
	{1322, "<", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_lt", 1154, 1324, 1325, ""},
	{1323, "<=", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_le", 1155, 1325, 1324, ""},
	{1324, ">", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_gt", 1157, 1322, 1323, ""},
	{1325, ">=", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Bool, "timestamptz_ge", 1156, 1323, 1322, ""},
	{1327, "+", pgoid.TimestampTZ, pgoid.Interval, pgoid.TimestampTZ, "timestamptz_pl_interval", 1189, 2554, 0, "s"},
	{1328, "-", pgoid.TimestampTZ, pgoid.TimestampTZ, pgoid.Interval, "timestamptz_mi", 1188, 0, 0, ""},
	{1329, "-", pgoid.TimestampTZ, pgoid.Interval, pgoid.TimestampTZ, "timestamptz_mi_interval", 1190, 0, 0, "s"},
	{1330, "=", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_eq", 1162, 1330, 1331, "mh"},
	{1331, "<>", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_ne", 1163, 1331, 1330, ""},
	{1332, "<", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_lt", 1164, 1334, 1335, ""},
	{1333, "<=", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_le", 1165, 1335, 1334, ""},
	{1334, ">", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_gt", 1167, 1332, 1333, ""},
	{1335, ">=", pgoid.Interval, pgoid.Interval, pgoid.Bool, "interval_ge", 1166, 1333, 1332, ""},
	{1336, "-", 0, pgoid.Interval, pgoid.Interval, "interval_um", 1168, 0, 0, ""},
	{1337, "+", pgoid.Interval, pgoid.Interval, pgoid.Interval, "interval_pl", 1169, 1337, 0, ""},
	{1338, "-", pgoid.Interval, pgoid.Interval, pgoid.Interval, "interval_mi", 1170, 0, 0, ""},
	{1583, "*", pgoid.Interval, pgoid.Float8, pgoid.Interval, "interval_mul", 1618, 1584, 0, ""},
	{1584, "*", pgoid.Float8, pgoid.Interval, pgoid.Interval, "mul_d_interval", 1624, 1583, 0, ""},
	{1585, "/", pgoid.Interval, pgoid.Float8, pgoid.Interval, "interval_div", 1326, 0, 0, ""},
	{1627, "~~*", pgoid.Text, pgoid.Text, pgoid.Bool, "texticlike", 1633, 0, 1628, ""},
	{1628, "!~~*", pgoid.Text, pgoid.Text, pgoid.Bool, "texticnlike", 1634, 0, 1627, ""},
	{1694, "<=", pgoid.Bool, pgoid.Bool, pgoid.Bool, "boolle", 1691, 1695, 59, ""},
	{1695, ">=", pgoid.Bool, pgoid.Bool, pgoid.Bool, "boolge", 1692, 1694, 58, ""},
	{1751, "-", 0, pgoid.Numeric, pgoid.Numeric, "numeric_uminus", 1771, 0, 0, ""},
	{1752, "=", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_eq", 1718, 1752, 1753, "mh"},
	{1753, "<>", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_ne", 1719, 1753, 1752, ""},
	{1754, "<", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_lt", 1722, 1756, 1757, ""},
	{1755, "<=", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_le", 1723, 1757, 1756, ""},
	{1756, ">", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_gt", 1720, 1754, 1755, ""},
	{1757, ">=", pgoid.Numeric, pgoid.Numeric, pgoid.Bool, "numeric_ge", 1721, 1755, 1754, ""},
	{1758, "+", pgoid.Numeric, pgoid.Numeric, pgoid.Numeric, "numeric_add", 1724, 1758, 0, ""},
	{1759, "-", pgoid.Numeric, pgoid.Numeric, pgoid.Numeric, "numeric_sub", 1725, 0, 0, ""},
	{1760, "*", pgoid.Numeric, pgoid.Numeric, pgoid.Numeric, "numeric_mul", 1726, 1760, 0, ""},
	{1761, "/", pgoid.Numeric, pgoid.Numeric, pgoid.Numeric, "numeric_div", 1727, 0, 0, ""},
	{1762, "%", pgoid.Numeric, pgoid.Numeric, pgoid.Numeric, "numeric_mod", 1729, 0, 0, ""},
	{1862, "=", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28eq", 1850, 1868, 1863, "mh"},
	{1863, "<>", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28ne", 1851, 1869, 1862, ""},
	{1864, "<", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28lt", 1852, 1871, 1867, ""},
	{1865, ">", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28gt", 1853, 1870, 1866, ""},
	{1866, "<=", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28le", 1854, 1873, 1865, ""},
	{1867, ">=", pgoid.Int2, pgoid.Int8, pgoid.Bool, "int28ge", 1855, 1872, 1864, ""},
	{1868, "=", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82eq", 1856, 1862, 1869, "mh"},
	{1869, "<>", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82ne", 1857, 1863, 1868, ""},
	{1870, "<", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82lt", 1858, 1865, 1873, ""},
	{1871, ">", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82gt", 1859, 1864, 1872, ""},
	{1872, "<=", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82le", 1860, 1867, 1871, ""},
	{1873, ">=", pgoid.Int8, pgoid.Int2, pgoid.Bool, "int82ge", 1861, 1866, 1870, ""},
	{1877, "~", 0, pgoid.Int2, pgoid.Int2, "int2not", 1895, 0, 0, ""},
	{1883, "~", 0, pgoid.Int4, pgoid.Int4, "int4not", 1901, 0, 0, ""},
	{1889, "~", 0, pgoid.Int8, pgoid.Int8, "int8not", 1907, 0, 0, ""},
	{1916, "+", 0, pgoid.Int8, pgoid.Int8, "int8up", 1910, 0, 0, ""},
	{1917, "+", 0, pgoid.Int2, pgoid.Int2, "int2up", 1911, 0, 0, ""},
	{1918, "+", 0, pgoid.Int4, pgoid.Int4, "int4up", 1912, 0, 0, ""},
	{1919, "+", 0, pgoid.Float4, pgoid.Float4, "float4up", 1913, 0, 0, ""},
	{1920, "+", 0, pgoid.Float8, pgoid.Float8, "float8up", 1914, 0, 0, ""},
	{1921, "+", 0, pgoid.Numeric, pgoid.Numeric, "numeric_uplus", 1915, 0, 0, ""},
	{2060, "=", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_eq", 2052, 2060, 2061, "mh"},
	{2061, "<>", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_ne", 2053, 2061, 2060, ""},
	{2062, "<", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_lt", 2054, 2064, 2065, ""},
	{2063, "<=", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_le", 2055, 2065, 2064, ""},
	{2064, ">", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_gt", 2057, 2062, 2063, ""},
	{2065, ">=", pgoid.Timestamp, pgoid.Timestamp, pgoid.Bool, "timestamp_ge", 2056, 2063, 2062, ""},
	{2066, "+", pgoid.Timestamp, pgoid.Interval, pgoid.Timestamp, "timestamp_pl_interval", 2032, 2553, 0, ""},
	{2067, "-", pgoid.Timestamp, pgoid.Timestamp, pgoid.Interval, "timestamp_mi", 2031, 0, 0, ""},
	{2068, "-", pgoid.Timestamp, pgoid.Interval, pgoid.Timestamp, "timestamp_mi_interval", 2033, 0, 0, ""},
	{2345, "<", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_lt_timestamp", 2338, 2375, 2348, ""},
	{2346, "<=", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_le_timestamp", 2339, 2374, 2349, ""},
	{2347, "=", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_eq_timestamp", 2340, 2373, 2350, "m"},
	{2348, ">=", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_ge_timestamp", 2342, 2372, 2345, ""},
	{2349, ">", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_gt_timestamp", 2341, 2371, 2346, ""},
	{2350, "<>", pgoid.Date, pgoid.Timestamp, pgoid.Bool, "date_ne_timestamp", 2343, 2376, 2347, ""},
	{2358, "<", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_lt_timestamptz", 2351, 2388, 2361, "s"},
	{2359, "<=", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_le_timestamptz", 2352, 2387, 2362, "s"},
	{2360, "=", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_eq_timestamptz", 2353, 2386, 2363, "ms"},
	{2361, ">=", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_ge_timestamptz", 2355, 2385, 2358, "s"},
	{2362, ">", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_gt_timestamptz", 2354, 2384, 2359, "s"},
	{2363, "<>", pgoid.Date, pgoid.TimestampTZ, pgoid.Bool, "date_ne_timestamptz", 2356, 2389, 2360, "s"},
	{2371, "<", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_lt_date", 2364, 2349, 2374, ""},
	{2372, "<=", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_le_date", 2365, 2348, 2375, ""},
	{2373, "=", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_eq_date", 2366, 2347, 2376, "m"},
	{2374, ">=", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_ge_date", 2368, 2346, 2371, ""},
	{2375, ">", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_gt_date", 2367, 2345, 2372, ""},
	{2376, "<>", pgoid.Timestamp, pgoid.Date, pgoid.Bool, "timestamp_ne_date", 2369, 2350, 2373, ""},
	{2384, "<", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_lt_date", 2377, 2362, 2387, "s"},
	{2385, "<=", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_le_date", 2378, 2361, 2388, "s"},
	{2386, "=", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_eq_date", 2379, 2360, 2389, "ms"},
	{2387, ">=", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_ge_date", 2381, 2359, 2384, "s"},
	{2388, ">", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_gt_date", 2380, 2358, 2385, "s"},
	{2389, "<>", pgoid.TimestampTZ, pgoid.Date, pgoid.Bool, "timestamptz_ne_date", 2382, 2363, 2386, "s"},
	{2534, "<", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_lt_timestamptz", 2520, 2544, 2537, "s"},
	{2535, "<=", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_le_timestamptz", 2521, 2543, 2538, "s"},
	{2536, "=", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_eq_timestamptz", 2522, 2542, 2539, "ms"},
	{2537, ">=", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_ge_timestamptz", 2524, 2541, 2534, "s"},
	{2538, ">", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_gt_timestamptz", 2523, 2540, 2535, "s"},
	{2539, "<>", pgoid.Timestamp, pgoid.TimestampTZ, pgoid.Bool, "timestamp_ne_timestamptz", 2525, 2545, 2536, "s"},
	{2540, "<", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_lt_timestamp", 2527, 2538, 2543, "s"},
	{2541, "<=", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_le_timestamp", 2528, 2537, 2544, "s"},
	{2542, "=", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_eq_timestamp", 2529, 2536, 2545, "ms"},
	{2543, ">=", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_ge_timestamp", 2531, 2535, 2540, "s"},
	{2544, ">", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_gt_timestamp", 2530, 2534, 2541, "s"},
	{2545, "<>", pgoid.TimestampTZ, pgoid.Timestamp, pgoid.Bool, "timestamptz_ne_timestamp", 2532, 2539, 2542, "s"},
	{2551, "+", pgoid.Interval, pgoid.Date, pgoid.Timestamp, "interval_pl_date", 2546, 1076, 0, ""},
	{2553, "+", pgoid.Interval, pgoid.Timestamp, pgoid.Timestamp, "interval_pl_timestamp", 2548, 2066, 0, ""},
	{2554, "+", pgoid.Interval, pgoid.TimestampTZ, pgoid.TimestampTZ, "interval_pl_timestamptz", 2549, 1327, 0, "s"},
	{2555, "+", pgoid.Int4, pgoid.Date, pgoid.Date, "integer_pl_date", 2550, 1100, 0, ""},
}

// restrictionEstimators are the selectivity estimators PostgreSQL gives
// infix operators by name (oprrest; the join estimator oprjoin is the
// same name with join before sel). Arithmetic and prefix operators have
// none.
var restrictionEstimators = map[string]string{
	"=": "eqsel", "<>": "neqsel", "<": "scalarltsel", "<=": "scalarlesel", ">": "scalargtsel", ">=": "scalargesel",
	"~~": "likesel", "!~~": "nlikesel", "~~*": "iclikesel", "!~~*": "icnlikesel",
	"~": "regexeqsel", "!~": "regexnesel", "~*": "icregexeqsel", "!~*": "icregexnesel",
}

// kind is oprkind: l for a prefix operator, b for an infix one.
func (o operator) kind() byte {
	if o.Left == 0 {
		return 'l'
	}
	return 'b'
}

// estimators are oprrest and oprjoin ('-' for none).
func (o operator) estimators() (rest, join string) {
	sel, ok := restrictionEstimators[o.Name]
	if !ok || o.Left == 0 {
		return "-", "-"
	}
	return sel, strings.TrimSuffix(sel, "sel") + "joinsel"
}

// proc is the pg_proc row of the operator's function.
func (o operator) proc() proc {
	args := []uint32{o.Left, o.Right}
	if o.Left == 0 {
		args = []uint32{o.Right}
	}
	volatile := byte('i')
	if strings.Contains(o.Flags, "s") {
		volatile = 's'
	}
	return proc{OID: o.CodeOID, Name: o.Code, Args: args, Result: o.Result, Volatile: volatile, Strict: true}
}

// allBuiltinProcs are builtinProcs and the functions of builtinOperators.
func allBuiltinProcs() []proc {
	out := append([]proc(nil), builtinProcs...)
	for _, o := range builtinOperators {
		out = append(out, o.proc())
	}
	return out
}

// operatorsTableSQL creates the table behind pg_operator.
func operatorsTableSQL(table string) string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM (VALUES ")
	for i, o := range builtinOperators {
		if i > 0 {
			b.WriteString(", ")
		}
		rest, join := o.estimators()
		fmt.Fprintf(&b, "(%d::UINTEGER, %s, %s, %t, %t, %d::UINTEGER, %d::UINTEGER, %d::UINTEGER, %d::UINTEGER, "+
			"%d::UINTEGER, %s, %s, %s)",
			o.OID, quoteLiteral(o.Name), quoteLiteral(string(o.kind())), strings.Contains(o.Flags, "m"),
			strings.Contains(o.Flags, "h"), o.Left, o.Right, o.Result, o.Com, o.Negate,
			quoteLiteral(o.Code), quoteLiteral(rest), quoteLiteral(join))
	}
	b.WriteString(") AS t(oid, oprname, oprkind, oprcanmerge, oprcanhash, oprleft, oprright, oprresult, oprcom, " +
		"oprnegate, oprcode, oprrest, oprjoin)")
	return b.String()
}
