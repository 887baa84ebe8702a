package servecmd

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/martdb/martdb/engine"
	"github.com/martdb/martdb/server"
	"github.com/martdb/martdb/server/auth"
)

// TestConfigChecks covers the command-line rules: trust only on
// loopback, passwords need users, cleartext passwords need TLS off
// loopback, and the database name comes from the file.
func TestConfigChecks(t *testing.T) {
	for _, c := range []struct {
		args    []string
		wantErr string
		method  auth.Method
	}{
		{args: nil, method: auth.MethodTrust},
		{args: []string{"--listen", "0.0.0.0:5433"}, wantErr: "needs users"},
		{args: []string{"--listen", "0.0.0.0:5433", "--auth", "trust"}, wantErr: "only allowed on a loopback"},
		{args: []string{"--listen", "0.0.0.0:5433", "--user", "ann=secret"}, method: auth.MethodSCRAM},
		{args: []string{"--listen", "10.0.0.1:5433", "--auth", "password", "--user", "ann=secret"}, wantErr: "clear text"},
		{args: []string{"--auth", "password", "--user", "ann=secret"}, method: auth.MethodPassword},
		{args: []string{"--auth", "md5"}, wantErr: "md5"},
		{args: []string{"--tls-cert", "x.pem"}, wantErr: "go together"},
		// A password set means SCRAM, on loopback too.
		{args: []string{"--user", "ann=secret"}, method: auth.MethodSCRAM},
		{args: []string{"--tls-required"}, wantErr: "--tls-required needs --tls-cert"},
		{args: []string{"--user", "ann=secret", "--read-only-user", "bob"}, wantErr: "no such user"},
		{args: []string{"--read-only-user", "bob"}, wantErr: "needs users"},
		{args: []string{"--user", "ann=secret", "--user", "bob=other", "--read-only-user", "bob"}, method: auth.MethodSCRAM},
	} {
		var stderr bytes.Buffer
		o, err := parseFlags(c.args, &stderr)
		if err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		cfg, err := o.config()
		switch {
		case c.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%v: error %v, want one mentioning %q", c.args, err, c.wantErr)
			}
		case err != nil:
			t.Errorf("%v: %v", c.args, err)
		case cfg.Auth.Method != c.method:
			t.Errorf("%v: method %q, want %q", c.args, cfg.Auth.Method, c.method)
		}
	}
	// No refusal repeats a password given on the command line.
	for _, args := range [][]string{
		{"--listen", "10.0.0.1:5433", "--auth", "password", "--user", "ann=topsecret-91"},
		{"--user", "=topsecret-91"},
		{"--user", "ann=topsecret-91", "--user", "ann=topsecret-91"},
		{"--user", "ann=topsecret-91", "--read-only-user", "ann2"},
	} {
		o, err := parseFlags(args, &bytes.Buffer{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.config(); err == nil || strings.Contains(err.Error(), "topsecret-91") {
			t.Errorf("%v: error %v; want one that does not repeat the password", args, err)
		}
	}
	o, _ := parseFlags([]string{"data/shop.db"}, &bytes.Buffer{})
	if o.databaseName() != "shop" {
		t.Errorf("database name %q", o.databaseName())
	}
}

// TestServeAndShutdown runs the command's server on a file, writes
// through it with a SCRAM user, shuts it down, and finds the data in the
// file afterwards.
func TestServeAndShutdown(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	srv := serve(t, []string{path, "--listen", "127.0.0.1:0", "--user", "ann=s3cret", "--auth", "scram"},
		func(cfg *server.Config) { cfg.Auth.FailDelay = -1 })
	dsn := "host=" + srv.host + " port=" + srv.port + " dbname=shop sslmode=disable user=ann"
	cctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if _, err := pgx.Connect(cctx, dsn+" password=wrong"); err == nil || !strings.Contains(err.Error(), "28P01") {
		t.Errorf("wrong password: %v", err)
	}
	c, err := pgx.Connect(cctx, dsn+" password=s3cret")
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if _, err := c.Exec(cctx, "CREATE TABLE kept AS SELECT range AS i FROM range(10)"); err != nil {
		t.Fatal(err)
	}
	// Statements reach no file of the server's; COPY FROM STDIN still
	// loads through the server's own spool directory.
	if _, err := c.Exec(cctx, "SELECT * FROM read_text('/etc/passwd')"); err == nil || !strings.Contains(err.Error(), "42501") {
		t.Errorf("reading /etc/passwd: %v, want SQLSTATE 42501", err)
	}
	if _, err := c.Exec(cctx, "CREATE TABLE loaded (i INTEGER)"); err != nil {
		t.Fatal(err)
	}
	if tag, err := c.PgConn().CopyFrom(cctx, strings.NewReader("1\n2\n"), "COPY loaded FROM STDIN"); err != nil || tag.RowsAffected() != 2 {
		t.Errorf("COPY FROM STDIN: %v, %v", tag, err)
	}
	c.Close(cctx)
	if err := srv.stop(); err != nil {
		t.Fatalf("serve: %v\n%s", err, srv.log.String())
	}
	if strings.Contains(srv.log.String(), "s3cret") {
		t.Errorf("the server's output holds the password:\n%s", srv.log.String())
	}
	opt := engine.Options{}
	opt.Path = path
	eng, err := engine.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	s, err := eng.NewSession(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var n string
	s.Exec(context.Background(), "SELECT count(*) FROM kept", func(r *engine.Result) error {
		for r.Next() {
			n = engine.FormatValue(r.Values()[0], r.Columns()[0])
		}
		return nil
	})
	if n != "10" {
		t.Errorf("rows in the file after shutdown: %q", n)
	}
}
