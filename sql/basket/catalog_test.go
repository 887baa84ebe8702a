package basket

import (
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
)

// TestCatalogEntry checks the entry's fields and runs its example on a
// small demo shop: it must succeed and return rows.
func TestCatalogEntry(t *testing.T) {
	conn := benchtest.Shop(t, 0.2, Family)
	if len(Family.Functions) != 1 || Family.Name != "basket" {
		t.Fatalf("family %q with %d entries, want basket with 1", Family.Name, len(Family.Functions))
	}
	f := Family.Functions[0]
	if f.Name != "basket_rules" || f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
		strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, "basket_rules(source, order_id, item") {
		t.Errorf("entry %+v", f)
	}
	if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
		t.Errorf("example returned no rows")
	}
}

// TestRegisterTwice: registering again replaces the macros.
func TestRegisterTwice(t *testing.T) { sqltest.RegisterTwice(t, Family) }
