package rfm

import (
	"context"
	"github.com/martdb/martdb/sql/sqltest"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
)

// TestCatalogEntry checks the entry's fields and runs its example on a
// small demo shop: it must succeed and return rows.
func TestCatalogEntry(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if len(Family.Functions) != 1 || Family.Name != "rfm" {
		t.Fatalf("family %q with %d entries, want rfm with 1", Family.Name, len(Family.Functions))
	}
	f := Family.Functions[0]
	if f.Name != "rfm" || f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
		strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, "rfm(source, customer, ts, amount") {
		t.Errorf("entry %+v", f)
	}
	if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
		t.Errorf("example returned no rows")
	}
}

// TestRegisterTwice: registering again replaces the macros.
func TestRegisterTwice(t *testing.T) {
	_, conn, err := registeredConn()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := Family.Register(context.Background(), catalog.Conn{SQL: conn}); err != nil {
		t.Fatal(err)
	}
}
