package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// postgresPeer is a PostgreSQL server the harness starts in a temporary
// directory on a loopback port, tuned for analytics (work_mem, parallel
// workers), loaded with COPY and indexed as a careful user would.
type postgresPeer struct {
	bin  string // directory of initdb, pg_ctl and postgres
	dir  string
	data string
	port int
	conn *pgx.Conn
}

func (p *postgresPeer) Name() string    { return "postgres" }
func (p *postgresPeer) Dialect() string { return dialectPostgres }

// findPostgres finds the directory holding initdb and pg_ctl: on PATH,
// in /usr/local/bin or in Debian's /usr/lib/postgresql/*/bin.
func findPostgres() (string, error) {
	if path, err := exec.LookPath("pg_ctl"); err == nil {
		return filepath.Dir(path), nil
	}
	cands, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	cands = append([]string{"/usr/local/bin/pg_ctl", "/usr/local/pgsql/bin/pg_ctl"}, cands...)
	for _, c := range cands {
		if _, err := os.Stat(c); err == nil {
			return filepath.Dir(c), nil
		}
	}
	return "", unavailable{"postgres: not installed (apt-get install postgresql-15, or put pg_ctl on PATH)"}
}

func (p *postgresPeer) Open(ctx context.Context, d *dataset) error {
	bin, err := findPostgres()
	if err != nil {
		return err
	}
	p.bin = bin
	if err := p.start(ctx); err != nil {
		return err
	}
	p.conn, err = pgx.Connect(ctx, fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.port))
	if err != nil {
		return err
	}
	return loadPostgres(ctx, p.conn, d)
}

// start runs initdb and pg_ctl start, as an unprivileged user when the
// harness runs as root (PostgreSQL refuses root).
func (p *postgresPeer) start(ctx context.Context) error {
	dir, err := os.MkdirTemp("", "martdb-bench-pg")
	if err != nil {
		return err
	}
	p.dir, p.data = dir, filepath.Join(dir, "data")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	p.port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	if os.Geteuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			return unavailable{"postgres: running as root and there is no user nobody to run PostgreSQL as"}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return err
		}
	}
	opts := strings.Join([]string{
		"-p", strconv.Itoa(p.port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
		"-c", "work_mem=256MB", "-c", "shared_buffers=2GB", "-c", "max_parallel_workers_per_gather=2",
		"-c", "jit=off", "-c", "fsync=off", "-c", "synchronous_commit=off",
	}, " ")
	steps := [][]string{
		{filepath.Join(p.bin, "initdb"), "-D", p.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"},
		{filepath.Join(p.bin, "pg_ctl"), "-D", p.data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "start"},
	}
	for _, args := range steps {
		if out, err := p.command(ctx, args).CombinedOutput(); err != nil {
			return fmt.Errorf("postgres: %s: %v\n%s", filepath.Base(args[0]), err, out)
		}
	}
	return nil
}

// command runs args as nobody when the harness is root.
func (p *postgresPeer) command(ctx context.Context, args []string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.CommandContext(ctx, "runuser", append([]string{"-u", "nobody", "--"}, args...)...)
	}
	return exec.CommandContext(ctx, args[0], args[1:]...)
}

func (p *postgresPeer) Run(ctx context.Context, q string) ([][]any, error) {
	return scanPgx(p.conn.Query(ctx, q))
}

func (p *postgresPeer) Close() error {
	if p.conn != nil {
		p.conn.Close(context.Background())
	}
	if p.data != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		p.command(ctx, []string{filepath.Join(p.bin, "pg_ctl"), "-D", p.data, "-m", "fast", "stop"}).Run()
	}
	if p.dir != "" {
		return os.RemoveAll(p.dir)
	}
	return nil
}
