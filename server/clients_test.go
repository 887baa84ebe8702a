package server

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/datadriven"
)

// TestClients runs real client libraries (psycopg2, psycopg 3,
// SQLAlchemy, node-postgres, pgjdbc, psqlODBC through isql) against the
// server over the demo shop and compares what they print with
// testdata/clients/expected.
// Each case names a client. A client whose runtime is missing does not
// stop the others: its case is left as it was, and the test ends skipped,
// naming what to install (CI installs them all: see .ci/run).
func TestClients(t *testing.T) {
	ts := startServer(t, "", nil)
	demoShop(t, ts)
	host, port, _ := net.SplitHostPort(ts.addr)
	libpq := "host=" + host + " port=" + port + " dbname=test user=analyst"
	clients := map[string][]string{
		"psycopg2":      {"/usr/bin/python3", "testdata/clients/psycopg2_client.py", libpq},
		"psycopg3":      {"/usr/bin/python3", "testdata/clients/psycopg3_client.py", libpq},
		"sqlalchemy":    {"/usr/bin/python3", "testdata/clients/sqlalchemy_client.py", "postgresql+psycopg2://analyst@" + host + ":" + port + "/test"},
		"pandas":        {"/usr/bin/python3", "testdata/clients/pandas_client.py", "postgresql+psycopg2://analyst@" + host + ":" + port + "/test"},
		"node-postgres": {"node", "testdata/clients/node/client.js", "postgres://analyst@" + host + ":" + port + "/test"},
	}
	jdbcClasses := t.TempDir()
	clients["jdbc"] = []string{"java", "-cp", jdbcClasses + ":" + pgjdbcJar, "JdbcClient", "jdbc:postgresql://" + host + ":" + port + "/test"}
	var missing []string
	datadriven.RunTest(t, "testdata/clients/expected", func(t *testing.T, d *datadriven.TestData) string {
		skip := func(why string) string {
			missing = append(missing, d.Cmd+": "+why)
			return d.Expected
		}
		if d.Cmd == "jdbc" {
			if _, err := os.Stat(pgjdbcJar); err != nil {
				return skip("pgjdbc is not installed (Debian: libpostgresql-jdbc-java)")
			}
			if out, err := exec.Command("javac", "-d", jdbcClasses, "testdata/clients/jdbc/JdbcClient.java").CombinedOutput(); err != nil {
				return skip(fmt.Sprintf("javac: %v\n%s", err, out))
			}
		}
		if d.Cmd == "odbc" {
			if why := odbcMissing(); why != "" {
				return skip(why)
			}
			return runODBC(t, host, port)
		}
		argv, ok := clients[d.Cmd]
		if !ok {
			t.Fatalf("unknown client %q", d.Cmd)
		}
		if ok, why := clientAvailable(d.Cmd, argv); !ok {
			return skip(why)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
		if err != nil {
			return "failed: " + err.Error() + "\n" + string(out)
		}
		return string(out)
	})
	if len(missing) > 0 {
		t.Skipf("the other clients passed; not run:\n%s", strings.Join(missing, "\n"))
	}
}

// odbcMissing says what of unixODBC and psqlODBC is not installed ("" if
// both are).
func odbcMissing() string {
	if _, err := exec.LookPath("isql"); err != nil {
		return "isql is not installed (Debian: unixodbc)"
	}
	if out, err := exec.Command("odbcinst", "-q", "-d", "-n", "PostgreSQL Unicode").CombinedOutput(); err != nil {
		return "the psqlODBC driver is not installed (Debian: odbc-postgresql): " + string(out)
	}
	return ""
}

// runODBC runs testdata/clients/odbc.sql through unixODBC's isql with
// the psqlODBC driver (Debian: unixodbc, odbc-postgresql).
func runODBC(t *testing.T, host, port string) string {
	ini := filepath.Join(t.TempDir(), "odbc.ini")
	dsn := "[martdb]\nDriver = PostgreSQL Unicode\nServername = " + host + "\nPort = " + port + "\nDatabase = test\nUsername = analyst\n"
	if err := os.WriteFile(ini, []byte(dsn), 0o600); err != nil {
		t.Fatal(err)
	}
	script, err := os.Open("testdata/clients/odbc.sql")
	if err != nil {
		t.Fatal(err)
	}
	defer script.Close()
	cmd := exec.Command("isql", "-b", "-d|", "-c", "martdb")
	cmd.Stdin = script
	cmd.Env = append(os.Environ(), "ODBCINI="+ini)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "failed: " + err.Error() + "\n" + string(out)
	}
	return string(out)
}

// pgjdbcJar is where Debian's libpostgresql-jdbc-java puts the driver.
const pgjdbcJar = "/usr/share/java/postgresql.jar"

// clientAvailable checks that a client's runtime and library are
// installed.
func clientAvailable(name string, argv []string) (bool, string) {
	if _, err := exec.LookPath(argv[0]); err != nil {
		return false, argv[0] + " is not installed"
	}
	if name == "node-postgres" {
		if _, err := os.Stat("testdata/clients/node/node_modules/pg"); err != nil {
			return false, "pg is not installed (npm install --prefix server/testdata/clients/node)"
		}
		return true, ""
	}
	module := map[string]string{"psycopg2": "psycopg2", "psycopg3": "psycopg", "sqlalchemy": "sqlalchemy", "pandas": "pandas"}[name]
	if module != "" {
		if err := exec.Command(argv[0], "-c", "import "+module).Run(); err != nil {
			return false, "the Python module " + module + " is not installed (Debian: python3-" + strings.TrimSuffix(name, "3") + ")"
		}
	}
	return true, ""
}
