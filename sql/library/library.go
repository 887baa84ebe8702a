package library

import (
	"context"
	"fmt"
	"sync"

	"github.com/martdb/martdb/sql/attribution"
	"github.com/martdb/martdb/sql/basket"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/clv"
	"github.com/martdb/martdb/sql/cohort"
	"github.com/martdb/martdb/sql/experiment"
	"github.com/martdb/martdb/sql/funnel"
	"github.com/martdb/martdb/sql/identity"
	"github.com/martdb/martdb/sql/paths"
	"github.com/martdb/martdb/sql/retention"
	"github.com/martdb/martdb/sql/rfm"
	"github.com/martdb/martdb/sql/sequence"
	"github.com/martdb/martdb/sql/sessions"
)

// Families returns every function family of the library, in registration
// order. Each new family package is added here.
func Families() []catalog.Family {
	return []catalog.Family{
		attribution.Family,
		basket.Family,
		clv.Family,
		cohort.Family,
		experiment.Family,
		funnel.Family,
		identity.Family,
		paths.Family,
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

// Register makes the whole library callable on one bare connection: every
// family's Register, then martdb_functions() listing them. Tests and tools
// with a connection of their own call it; the engine uses RegisterShared
// and RegisterSession instead.
func Register(ctx context.Context, conn catalog.Conn) error {
	for _, f := range Families() {
		if err := f.Register(ctx, conn); err != nil {
			return registering(f, err)
		}
	}
	return catalog.RegisterListing(ctx, conn.SQL, Functions())
}

// RegisterShared registers the database-wide part of the library (each
// split family's Shared: Go and C functions, kept in the instance's system
// catalog) through conn. The caller runs it once per database instance,
// before any RegisterSession on it, and never on two connections of one
// instance at once.
func RegisterShared(ctx context.Context, conn catalog.Conn) error {
	for _, f := range Families() {
		if f.Shared == nil {
			continue
		}
		if err := f.Shared(ctx, conn); err != nil {
			return registering(f, err)
		}
	}
	return nil
}

// unsplitMu runs the Register of families that do not separate their
// parts one connection at a time across the process: their Register may
// create functions in the system catalog, which DuckDB refuses to do
// from two connections at once.
var unsplitMu sync.Mutex

// RegisterSession makes the library callable on conn, a connection of an
// instance where RegisterShared ran: each split family's Session part
// (temporary macros), the whole Register of a family that is not split,
// and the listing. It may run on several connections at once.
func RegisterSession(ctx context.Context, conn catalog.Conn) error {
	for _, f := range Families() {
		if err := registerSession(ctx, f, conn); err != nil {
			return registering(f, err)
		}
	}
	return catalog.RegisterListing(ctx, conn.SQL, Functions())
}

// registerSession registers what conn needs of one family.
func registerSession(ctx context.Context, f catalog.Family, conn catalog.Conn) error {
	if !f.Split() {
		unsplitMu.Lock()
		defer unsplitMu.Unlock()
		return f.Register(ctx, conn)
	}
	if f.Session == nil {
		return nil
	}
	return f.Session(ctx, conn)
}

func registering(f catalog.Family, err error) error {
	return fmt.Errorf("registering the %s functions: %w", f.Name, err)
}
