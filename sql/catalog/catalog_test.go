package catalog

import (
	"context"
	"database/sql"
	"reflect"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

func TestFunctionsAreSortedAcrossFamilies(t *testing.T) {
	fams := []Family{
		{Name: "b", Functions: []Function{{Name: "zeta"}, {Name: "alpha"}}},
		{Name: "a", Functions: []Function{{Name: "mid"}}},
	}
	var names []string
	for _, f := range Functions(fams) {
		names = append(names, f.Name)
	}
	if want := []string{"alpha", "mid", "zeta"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("names %v, want %v", names, want)
	}
}

func TestListingReturnsEntriesVerbatim(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tricky := Function{
		Name: "it's", Kind: Scalar, Family: "test",
		Signature:   "it's(x VARCHAR) -> VARCHAR",
		Description: `Quotes ' and "double", a backslash \ and a newline` + "\n" + `end.`,
		Example:     "SELECT 'a;b';",
	}
	if err := RegisterListing(ctx, conn, []Function{tricky, ListingFunction}); err != nil {
		t.Fatal(err)
	}
	var got Function
	var kind string
	err = conn.QueryRowContext(ctx, "SELECT name, kind, family, signature, description, example FROM martdb_functions() WHERE family = 'test'").
		Scan(&got.Name, &kind, &got.Family, &got.Signature, &got.Description, &got.Example)
	if err != nil {
		t.Fatal(err)
	}
	got.Kind = Kind(kind)
	if !reflect.DeepEqual(got, tricky) {
		t.Fatalf("round trip\n got %+v\nwant %+v", got, tricky)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM martdb_functions()").Scan(&n); err != nil || n != 2 {
		t.Fatalf("listing has %d rows (%v), want 2", n, err)
	}
}

func TestEmptyListingHasTheColumnsAndNoRows(t *testing.T) {
	ctx := context.Background()
	db, _ := sql.Open("duckdb", "")
	defer db.Close()
	conn, _ := db.Conn(ctx)
	defer conn.Close()
	if err := RegisterListing(ctx, conn, nil); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(description) FROM martdb_functions()").Scan(&n); err != nil || n != 0 {
		t.Fatalf("empty listing: %d rows, %v", n, err)
	}
}
