package identity

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/martdb/martdb/sql/catalog"
	"github.com/martdb/martdb/sql/rfm"
	"github.com/martdb/martdb/sql/split"
	"github.com/martdb/martdb/sql/sqltest"
	"github.com/martdb/martdb/storage"
)

// readmeSection is the README section this test runs.
const readmeSection = "## One customer across many IDs"

// readmeMarker precedes the result table in the section.
const readmeMarker = "<!-- identity: result checked by sql/identity/readme_test.go -->"

// fixture creates the crm, orders and events tables of the README example.
func fixture(t *testing.T, conn *sql.Conn) {
	sqltest.Exec(t, conn,
		"CREATE TABLE crm(crm_id VARCHAR, email VARCHAR, phone VARCHAR, tier VARCHAR)",
		`INSERT INTO crm VALUES ('C-1', 'ann@example.com', '+1-555-0100', 'gold'),
		                        ('C-2', 'bob@example.net', NULL, 'silver')`,
		"CREATE TABLE orders(order_id INTEGER, email VARCHAR, phone VARCHAR, amount DECIMAL(10, 2), ts TIMESTAMP)",
		`INSERT INTO orders VALUES
			(1, 'Ann@Example.com ', NULL, 30.00, '2025-03-01 10:00'),
			(2, NULL, '+1-555-0100', 20.00, '2025-03-05 12:00'),
			(3, 'ann.work@example.org', '+1-555-0100', 50.00, '2025-03-09 09:30'),
			(4, 'bob@example.net', '+1-555-0199', 15.00, '2025-03-02 08:00'),
			(5, 'cy@example.com', NULL, 99.00, '2025-03-03 18:00')`,
		"CREATE TABLE events(device_id VARCHAR, email VARCHAR, event VARCHAR, ts TIMESTAMP)",
		`INSERT INTO events VALUES
			('d-1', NULL, 'page_view', '2025-03-08 20:00'),
			('d-1', 'ann.work@example.org', 'login', '2025-03-08 20:01'),
			('d-1', NULL, 'page_view', '2025-03-10 07:00'),
			('d-2', NULL, 'page_view', '2025-03-04 11:00'),
			('d-3', 'bob@example.net', 'login', '2025-03-06 16:00')`)
}

// TestReadmeCustomer360 runs the SQL blocks of the README's identity
// section on the fixture, in order, and checks that the last statement's
// result is the table printed there and the one worked out by hand.
func TestReadmeCustomer360(t *testing.T) {
	text, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section, ok := readmeSectionText(string(text))
	if !ok {
		t.Fatalf("README.md has no section %q", readmeSection)
	}
	conn := open(t)
	fixture(t, conn)
	var last string
	for _, block := range sqlBlocks(section) {
		for _, st := range split.Split(block) {
			if last != "" {
				sqltest.Exec(t, conn, last)
			}
			last = strings.TrimSuffix(strings.TrimSpace(st.Text), ";")
		}
	}
	if last == "" {
		t.Fatal("no SQL in the section")
	}
	var got []string
	for _, r := range sqltest.Rows(t, conn, last) {
		got = append(got, "| "+strings.ReplaceAll(r, "|", " | ")+" |")
	}
	want := []string{
		"| crm:C-1 | gold | 3 | 100.00 | 3 | 2025-03-10 07:00:00 |",
		"| email:cy@example.com | NULL | 1 | 99.00 | 0 | 2025-03-03 18:00:00 |",
		"| crm:C-2 | silver | 1 | 15.00 | 1 | 2025-03-06 16:00:00 |",
		"| device:d-2 | NULL | 0 | 0.00 | 1 | 2025-03-04 11:00:00 |",
	}
	sqltest.SameRows(t, "customer_360 on the fixture", got, want)
	sqltest.SameRows(t, "the table printed in README.md", resultTable(section), got)

	// The segment export: the README's martdb export query, through the
	// same storage.Export, on the tables made above.
	if err := rfm.Family.Register(context.Background(), catalog.Conn{SQL: conn}); err != nil {
		t.Fatal(err)
	}
	query, ok := exportQuery(section)
	if !ok {
		t.Fatal("no martdb export --query in the section")
	}
	raw, err := storage.NewRaw(conn)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "at_risk.csv")
	if _, err := storage.Export(context.Background(), &storage.Conn{SQL: conn, Raw: raw},
		storage.ExportOptions{Query: query, Path: path}); err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(csv), "\n")
	if want := "customer_key,recency_days,frequency,monetary"; header != want || !strings.Contains(section, "`"+want+"`") {
		t.Errorf("exported header %q, want %q as the README says", header, want)
	}
}

// exportQuery returns the --query "..." of the section's martdb export
// command.
func exportQuery(section string) (string, bool) {
	const flag = `martdb export shop.db --query "`
	i := strings.Index(section, flag)
	if i < 0 {
		return "", false
	}
	q, _, ok := strings.Cut(section[i+len(flag):], `"`)
	return q, ok
}

// readmeSectionText returns the README's identity section.
func readmeSectionText(doc string) (string, bool) {
	i := strings.Index(doc, "\n"+readmeSection+"\n")
	if i < 0 {
		return "", false
	}
	rest := doc[i+1:]
	if j := strings.Index(rest[len(readmeSection):], "\n## "); j >= 0 {
		rest = rest[:len(readmeSection)+j]
	}
	return rest, true
}

// sqlBlocks returns the bodies of the ```sql blocks of text.
func sqlBlocks(text string) []string {
	var out []string
	for {
		i := strings.Index(text, "```sql\n")
		if i < 0 {
			return out
		}
		text = text[i+len("```sql\n"):]
		j := strings.Index(text, "```")
		if j < 0 {
			return out
		}
		out = append(out, text[:j])
		text = text[j:]
	}
}

// resultTable returns the body rows of the Markdown table after the
// marker.
func resultTable(section string) []string {
	i := strings.Index(section, readmeMarker)
	if i < 0 {
		return nil
	}
	var out []string
	for n, line := range strings.Split(section[i+len(readmeMarker):], "\n")[1:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		if n >= 2 { // after the header and its rule
			out = append(out, line)
		}
	}
	return out
}
