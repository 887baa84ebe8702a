package sessions

import (
	"context"
	"github.com/martdb/martdb/sql/sqltest"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/datagen"
	"github.com/martdb/martdb/sql/catalog"
)

// TestCatalogEntries checks the entries' fields and runs each example on a
// small demo shop: it must succeed and return rows.
func TestCatalogEntries(t *testing.T) {
	conn := sqltest.Open(t, Family)
	if _, err := datagen.Generate(context.Background(), conn, datagen.Config{Scale: 0.2, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range Family.Functions {
		names = append(names, f.Name)
		if f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
			strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, f.Name+"(source, user, ts, gap := INTERVAL 30 MINUTE)") {
			t.Errorf("entry %+v", f)
		}
		if rows := sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")); len(rows) == 0 {
			t.Errorf("%s example returned no rows", f.Name)
		}
	}
	if Family.Name != "sessions" || strings.Join(names, ",") != "sessionize,sessions" {
		t.Errorf("family %q with %v", Family.Name, names)
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
