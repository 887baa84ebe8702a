package attribution

import (
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/martdb/martdb/benchmarks/benchtest"
	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
)

// shop is a small demo shop with the family registered, shared by the
// tests of the package (they only read it).
func shop(t *testing.T) *sql.Conn { return benchtest.Shop(t, 0.2, Family) }

// TestCatalogEntry checks the entry's fields and runs its example on a
// small demo shop: it must succeed and return a row for every model,
// with the model column first.
func TestCatalogEntry(t *testing.T) {
	conn := shop(t)
	if len(Family.Functions) != 1 || Family.Name != "attribution" {
		t.Fatalf("family %q with %d entries, want attribution with 1", Family.Name, len(Family.Functions))
	}
	f := Family.Functions[0]
	if f.Name != "attribution" || f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
		strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, "attribution(touches, user, ts, channel, conversions") {
		t.Errorf("entry %+v", f)
	}
	if !slices.Equal(f.Choices["model"], append(append([]string{}, Models...), "all")) {
		t.Errorf("model choices %v", f.Choices["model"])
	}
	example := strings.TrimSuffix(f.Example, ";")
	rows := sqltest.Rows(t, conn, example)
	models := map[string]bool{}
	for _, r := range rows {
		models[strings.Split(r, "|")[0]] = true
	}
	if len(models) != len(Models) {
		t.Errorf("example rows cover models %v, want all %d", models, len(Models))
	}
	cols := sqltest.Column(t, conn, `SELECT column_name FROM (DESCRIBE `+example+`)`)
	if strings.Join(cols, ",") != "model,channel,conversions,value" {
		t.Errorf("example columns %v", cols)
	}
}

// TestRegisterTwice: registering again replaces the macros.
func TestRegisterTwice(t *testing.T) { sqltest.RegisterTwice(t, Family) }
