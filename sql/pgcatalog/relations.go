package pgcatalog

import (
	"regexp"
	"sort"
)

// Relation names one relation the emulation defines, by the schema a
// PostgreSQL client writes (PgCatalog or InformationSchema) and its name.
type Relation struct {
	Schema string
	Name   string
}

// catalogRelation is a relation of the emulation with the OID and relkind
// PostgreSQL 15 gives it (relkind r for a system table, v for a view).
type catalogRelation struct {
	Schema string
	Name   string
	OID    uint32
	Kind   byte
}

// catalogRelations lists what the emulation defines. OIDs and kinds are
// PostgreSQL 15's (system tables have fixed OIDs; the views' OIDs are the
// ones initdb assigns).
var catalogRelations = []catalogRelation{
	{PgCatalog, "pg_aggregate", 2600, 'r'},
	{PgCatalog, "pg_am", 2601, 'r'},
	{PgCatalog, "pg_attrdef", 2604, 'r'},
	{PgCatalog, "pg_attribute", 1249, 'r'},
	{PgCatalog, "pg_auth_members", 1261, 'r'},
	{PgCatalog, "pg_available_extensions", 12081, 'v'},
	{PgCatalog, "pg_cast", 2605, 'r'},
	{PgCatalog, "pg_class", 1259, 'r'},
	{PgCatalog, "pg_collation", 3456, 'r'},
	{PgCatalog, "pg_constraint", 2606, 'r'},
	{PgCatalog, "pg_database", 1262, 'r'},
	{PgCatalog, "pg_depend", 2608, 'r'},
	{PgCatalog, "pg_description", 2609, 'r'},
	{PgCatalog, "pg_enum", 3501, 'r'},
	{PgCatalog, "pg_event_trigger", 3466, 'r'},
	{PgCatalog, "pg_extension", 3079, 'r'},
	{PgCatalog, "pg_foreign_data_wrapper", 2328, 'r'},
	{PgCatalog, "pg_foreign_server", 1417, 'r'},
	{PgCatalog, "pg_foreign_table", 3118, 'r'},
	{PgCatalog, "pg_index", 2610, 'r'},
	{PgCatalog, "pg_indexes", 12043, 'v'},
	{PgCatalog, "pg_inherits", 2611, 'r'},
	{PgCatalog, "pg_language", 2612, 'r'},
	{PgCatalog, "pg_locks", 12073, 'v'},
	{PgCatalog, "pg_matviews", 12038, 'v'},
	{PgCatalog, "pg_namespace", 2615, 'r'},
	{PgCatalog, "pg_opclass", 2616, 'r'},
	{PgCatalog, "pg_operator", 2617, 'r'},
	{PgCatalog, "pg_partitioned_table", 3350, 'r'},
	{PgCatalog, "pg_policy", 3256, 'r'},
	{PgCatalog, "pg_proc", 1255, 'r'},
	{PgCatalog, "pg_publication", 6104, 'r'},
	{PgCatalog, "pg_publication_namespace", 6237, 'r'},
	{PgCatalog, "pg_publication_rel", 6106, 'r'},
	{PgCatalog, "pg_range", 3541, 'r'},
	{PgCatalog, "pg_rewrite", 2618, 'r'},
	{PgCatalog, "pg_roles", 12000, 'v'},
	{PgCatalog, "pg_sequence", 2224, 'r'},
	{PgCatalog, "pg_sequences", 12048, 'v'},
	{PgCatalog, "pg_settings", 12104, 'v'},
	{PgCatalog, "pg_shdescription", 2396, 'r'},
	{PgCatalog, "pg_stat_activity", 12222, 'v'},
	{PgCatalog, "pg_stat_user_tables", 12161, 'v'},
	{PgCatalog, "pg_statio_user_tables", 12179, 'v'},
	{PgCatalog, "pg_statistic_ext", 3381, 'r'},
	{PgCatalog, "pg_tables", 12033, 'v'},
	{PgCatalog, "pg_tablespace", 1213, 'r'},
	{PgCatalog, "pg_trigger", 2620, 'r'},
	{PgCatalog, "pg_type", 1247, 'r'},
	{PgCatalog, "pg_user", 12014, 'v'},
	{PgCatalog, "pg_views", 12028, 'v'},
	{InformationSchema, "character_sets", 13250, 'v'},
	{InformationSchema, "check_constraints", 13260, 'v'},
	{InformationSchema, "columns", 13295, 'v'},
	{InformationSchema, "constraint_column_usage", 13300, 'v'},
	{InformationSchema, "key_column_usage", 13329, 'v'},
	{InformationSchema, "parameters", 13334, 'v'},
	{InformationSchema, "referential_constraints", 13339, 'v'},
	{InformationSchema, "routines", 13377, 'v'},
	{InformationSchema, "schemata", 13382, 'v'},
	{InformationSchema, "sequences", 13386, 'v'},
	{InformationSchema, "table_constraints", 13411, 'v'},
	{InformationSchema, "tables", 13425, 'v'},
	{InformationSchema, "triggers", 13440, 'v'},
	{InformationSchema, "views", 13483, 'v'},
}

// Relations lists the relations the emulation defines, sorted by schema
// and name.
func Relations() []Relation {
	out := make([]Relation, len(catalogRelations))
	for i, r := range catalogRelations {
		out[i] = Relation{Schema: r.Schema, Name: r.Name}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Schema != out[j].Schema {
			return out[i].Schema < out[j].Schema
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// macroName finds the name of every macro the scripts create in the
// pg_catalog emulation.
var macroName = regexp.MustCompile(`(?m)^CREATE OR REPLACE MACRO \{\{pgc\}\}\.(\w+)`)

// Functions lists the pg_catalog functions the emulation defines as macros,
// sorted, without its internal helpers (names starting with an underscore,
// such as the cast helpers named by RegclassFunc and the others).
func Functions() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range scripts() {
		for _, m := range macroName.FindAllStringSubmatch(s.text, -1) {
			name := m[1]
			if name[0] == '_' || name == listingFallback || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// listingFallback is the empty stand-in the emulation defines for
// martdb's function listing, used by sessions without the library.
const listingFallback = "martdb_functions"
