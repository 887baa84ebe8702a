package catalog

import (
	"context"
	"database/sql"
	"strings"
)

// ListingName is the table function that lists the catalog.
const ListingName = "martdb_functions"

// ListingFunction is the catalog entry of the listing itself.
var ListingFunction = Function{
	Name:        ListingName,
	Kind:        Table,
	Family:      "catalog",
	Signature:   ListingName + "() -> TABLE(name, kind, family, signature, description, example)",
	Description: "Lists every martdb function with its signature, a description and a runnable example.",
	Example:     "SELECT name, kind, description FROM " + ListingName + "() ORDER BY name;",
}

// RegisterListing creates martdb_functions() on conn as a temporary table
// macro over the given entries, so it lives in the session, never in the
// database file.
func RegisterListing(ctx context.Context, conn *sql.Conn, fns []Function) error {
	_, err := conn.ExecContext(ctx, listingMacro(fns))
	return err
}

// listingMacro is the CREATE statement of the listing macro.
func listingMacro(fns []Function) string {
	if len(fns) == 0 {
		return "CREATE OR REPLACE TEMP MACRO " + ListingName + "() AS TABLE SELECT " +
			"''::VARCHAR AS name, ''::VARCHAR AS kind, ''::VARCHAR AS family, ''::VARCHAR AS signature, " +
			"''::VARCHAR AS description, ''::VARCHAR AS example WHERE false"
	}
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE TEMP MACRO " + ListingName + "() AS TABLE SELECT * FROM (VALUES ")
	for i, f := range fns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for j, v := range []string{f.Name, string(f.Kind), f.Family, f.Signature, f.Description, f.Example} {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("'" + strings.ReplaceAll(v, "'", "''") + "'")
		}
		b.WriteString(")")
	}
	b.WriteString(") AS t(name, kind, family, signature, description, example)")
	return b.String()
}
