package server

import (
	"context"
	"database/sql"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
	"github.com/martdb/martdb/benchmarks/datagen"
)

// TestPsql drives the real psql client (PostgreSQL 15's, as Debian ships
// it; CI installs postgresql-client) against the demo shop and compares
// its output with testdata/psql. Each case is one psql invocation: the
// input lines are its -c commands. It skips only when psql is not
// installed.
func TestPsql(t *testing.T) {
	psql, err := exec.LookPath("psql")
	if err != nil {
		t.Skip("psql is not installed (apt-get install postgresql-client)")
	}
	ts := startServer(t, "", nil)
	demoShop(t, ts)
	host, port, _ := net.SplitHostPort(ts.addr)
	dir := t.TempDir()
	datadriven.RunTest(t, "testdata/psql", func(t *testing.T, d *datadriven.TestData) string {
		args := []string{"-X", "-v", "ON_ERROR_STOP=0", "host=" + host + " port=" + port + " dbname=test user=analyst"}
		for _, line := range strings.Split(d.Input, "\n") {
			args = append(args, "-c", strings.ReplaceAll(line, "$TMP", dir))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, psql, args...)
		cmd.Env = append(os.Environ(), "PGTZ=UTC", "PAGER=", "PSQL_PAGER=", "LC_ALL=C.UTF-8", "COLUMNS=200")
		out, _ := cmd.CombinedOutput()
		return strings.ReplaceAll(string(out), dir, "$TMP")
	})
	if _, err := os.Stat(filepath.Join(dir, "orders.csv")); err != nil {
		t.Errorf("\\copy to a client file wrote nothing: %v", err)
	}
}

// demoShop fills the test server's database with a small seeded demo
// shop.
func demoShop(t *testing.T, ts *testServer) {
	t.Helper()
	s, err := ts.eng.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.WithConn(context.Background(), func(c *sql.Conn) error {
		_, err := datagen.Generate(context.Background(), c, datagen.Config{Scale: 0.02, Seed: 7}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
