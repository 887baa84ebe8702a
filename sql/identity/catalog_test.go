package identity

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// TestCatalogEntry checks the entry's fields and runs its example.
func TestCatalogEntry(t *testing.T) {
	if Family.Name != "identity" || len(Family.Functions) != 1 {
		t.Fatalf("family %q with %d entries, want identity with 1", Family.Name, len(Family.Functions))
	}
	f := Family.Functions[0]
	if f.Name != "unify_ids" || f.Kind != catalog.Table || f.Family != Family.Name || f.Description == "" ||
		strings.Contains(f.Description, "\n") || !strings.HasPrefix(f.Signature, "unify_ids(source, id_a, id_b)") {
		t.Errorf("entry %+v", f)
	}
	conn := open(t)
	sqltest.SameRows(t, "example", sqltest.Rows(t, conn, strings.TrimSuffix(f.Example, ";")), []string{
		"+1-555-0100|+1-555-0100", "ann@example.com|+1-555-0100", "ann@work.example|+1-555-0100",
		"bob@example.net|bob@example.net",
	})
}

// TestRegisterTwice: registering the family again on a connection, or on
// a second connection of the same database (where the aggregate exists
// already), leaves unify_ids working on both.
func TestRegisterTwice(t *testing.T) {
	ctx := context.Background()
	db, conn, err := sqltest.RegisteredConn(Family)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	defer conn.Close()
	other, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for i, c := range []*sql.Conn{conn, other} {
		raw, err := storage.NewRaw(c)
		if err != nil {
			t.Fatal(err)
		}
		if err := Family.Register(ctx, catalog.Conn{SQL: c, Handle: raw.Handle()}); err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
	}
	for i, c := range []*sql.Conn{conn, other} {
		got := sqltest.Rows(t, c, "WITH p AS (SELECT 'y' AS a, 'x' AS b) SELECT * FROM unify_ids(p, a, b) ORDER BY id")
		sqltest.SameRows(t, fmt.Sprintf("connection %d", i+1), got, []string{"x|x", "y|x"})
	}
}
