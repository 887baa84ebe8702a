package library

import (
	"context"
	"fmt"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/clv"
	"github.com/martdb/martdb/sql/cohort"
	"github.com/martdb/martdb/sql/funnel"
	"github.com/martdb/martdb/sql/identity"
	"github.com/martdb/martdb/sql/retention"
	"github.com/martdb/martdb/sql/rfm"
	"github.com/martdb/martdb/sql/sequence"
	"github.com/martdb/martdb/sql/sessions"
)

// Families returns every function family of the library, in registration
// order. Each new family package is added here.
func Families() []catalog.Family {
	return []catalog.Family{
		clv.Family,
		cohort.Family,
		funnel.Family,
		identity.Family,
		retention.Family,
		rfm.Family,
		sequence.Family,
		sessions.Family,
	}
}

// Functions lists every function of the library, the listing included.
func Functions() []catalog.Function {
	fns := catalog.Functions(Families())
	return append(fns, catalog.ListingFunction)
}

// Register makes the whole library callable on conn: every family, then
// martdb_functions() listing them.
func Register(ctx context.Context, conn catalog.Conn) error {
	for _, f := range Families() {
		if err := f.Register(ctx, conn); err != nil {
			return fmt.Errorf("registering the %s functions: %w", f.Name, err)
		}
	}
	return catalog.RegisterListing(ctx, conn.SQL, Functions())
}
