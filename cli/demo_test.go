package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoTourInMemory(t *testing.T) {
	r := run(t, "", "demo", "--scale", "0.2", "--format", "table")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, q := range tourQueries {
		if !strings.Contains(r.stdout, firstLineOf(q)) {
			t.Errorf("tour lacks %q", firstLineOf(q))
		}
	}
	for _, want := range []string{"organic_search", "page_view", "purchase", "signup_month", "buyer_pct"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("tour output lacks %q", want)
		}
	}
	if !strings.Contains(r.stderr, "demo shop in memory:") {
		t.Errorf("no summary line: %q", r.stderr)
	}
}

func TestDemoIntoFileThenQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	if r := run(t, "", "demo", db, "--scale", "0.1", "--seed", "7"); r.code != 0 || r.stdout != "" {
		t.Fatalf("demo into file: exit %d stdout %q stderr %s", r.code, r.stdout, r.stderr)
	}
	r := run(t, "", db, "-c", `SELECT (SELECT count(*) FROM customers) > 0 AND (SELECT count(*) FROM events) > 0
		AND (SELECT count(*) FROM orders) > 0 AS filled`)
	if r.stdout != "filled\ntrue\n" {
		t.Fatalf("demo tables: %q %s", r.stdout, r.stderr)
	}
	// Same seed, same data: a second file matches the first.
	db2 := filepath.Join(t.TempDir(), "shop2.db")
	run(t, "", "demo", db2, "--scale", "0.1", "--seed", "7")
	sum := "SELECT sum(hash(user_id, ts, event)) AS h FROM events"
	if a, b := run(t, "", db, "-c", sum), run(t, "", db2, "-c", sum); a.stdout != b.stdout || a.code != 0 {
		t.Fatalf("same seed gave different data: %q vs %q", a.stdout, b.stdout)
	}
	// Running demo again on the same file refuses to overwrite.
	if r := run(t, "", "demo", db, "--scale", "0.1"); r.code != 1 || !strings.Contains(r.stderr, "(SQLSTATE 42P07)") || !strings.Contains(r.stderr, "HINT:") {
		t.Fatalf("second demo into the same file: exit %d %s", r.code, r.stderr)
	}
}

func TestDemoRejectsBadScale(t *testing.T) {
	r := run(t, "", "demo", "--scale", "-1")
	if r.code != 2 || !strings.Contains(r.stderr, "--scale must be greater than 0") {
		t.Fatalf("negative scale: exit %d %q", r.code, r.stderr)
	}
}
