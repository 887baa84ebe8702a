package servecmd

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/martdb/martdb/server/auth"
)

// options are the command line of `martdb serve`.
type options struct {
	db               string
	listen           string
	auth             string
	users            []string // user=password pairs from --user
	usersFile        string
	tlsCert, tlsKey  string
	maxConnections   int
	statementTimeout time.Duration
	idleTimeout      time.Duration
	grace            time.Duration
	readOnly         bool
	memoryLimit      string
	hashPassword     bool
	allowFiles       []string // directories SQL may read and write
	tlsRequired      bool
	readOnlyUsers    []string
	authFailures     int // failed authentications per address per minute
	logStatements    bool
	logFormat        string
	backupDir        string // where martdb_backup() writes archives
}

// listFlag collects a repeatable flag's values.
type listFlag struct{ list *[]string }

func (l listFlag) String() string { return "" }
func (l listFlag) Set(v string) error {
	if v == "" {
		return errors.New("expected a value")
	}
	*l.list = append(*l.list, v)
	return nil
}

type userFlag struct{ o *options }

func (u userFlag) String() string { return "" }
func (u userFlag) Set(v string) error {
	if !strings.Contains(v, "=") {
		return errors.New("expected NAME=PASSWORD")
	}
	u.o.users = append(u.o.users, v)
	return nil
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("martdb serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.listen, "listen", "127.0.0.1:5433", "address to listen on")
	fs.StringVar(&o.auth, "auth", "", "authentication: trust, password or scram (default: trust on loopback, scram otherwise)")
	fs.Var(userFlag{o}, "user", "a user and password, NAME=PASSWORD (repeatable; hashed at startup)")
	fs.StringVar(&o.usersFile, "users-file", "", "file of user:SCRAM-SHA-256$... lines (see --hash-password)")
	fs.StringVar(&o.tlsCert, "tls-cert", "", "TLS certificate (PEM); with --tls-key, SSLRequest is answered with TLS")
	fs.StringVar(&o.tlsKey, "tls-key", "", "TLS private key (PEM)")
	fs.IntVar(&o.maxConnections, "max-connections", 100, "most concurrent clients; more get SQLSTATE 53300")
	fs.DurationVar(&o.statementTimeout, "statement-timeout", 0, "cancel statements running longer (57014); 0 for none")
	fs.DurationVar(&o.idleTimeout, "idle-timeout", 0, "close connections idle this long; 0 for never")
	fs.DurationVar(&o.grace, "grace", 10*time.Second, "on SIGINT/SIGTERM, how long running statements may finish")
	fs.BoolVar(&o.readOnly, "read-only", false, "open the database read-only; writes fail with 25006")
	fs.StringVar(&o.memoryLimit, "memory-limit", "", "DuckDB memory limit, e.g. 8GB")
	fs.Var(listFlag{&o.allowFiles}, "allow-files", "a directory whose files SQL may read and write (repeatable); by default statements reach no file")
	fs.BoolVar(&o.tlsRequired, "tls-required", false, "refuse clients that do not use TLS (needs --tls-cert and --tls-key)")
	fs.Var(listFlag{&o.readOnlyUsers}, "read-only-user", "a user who may read but not write (repeatable)")
	fs.IntVar(&o.authFailures, "auth-failures-per-minute", 10, "failed logins one address may make in a minute before it is refused for a while; 0 for no limit")
	fs.BoolVar(&o.logStatements, "log-statements", false, "log every statement with its duration and SQLSTATE (statements may hold personal data)")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.StringVar(&o.backupDir, "backup-dir", "", "a directory for SELECT * FROM martdb_backup('NAME') to write backup archives into; off when not given")
	fs.BoolVar(&o.hashPassword, "hash-password", false, "read a password from stdin, print its SCRAM verifier for --users-file, and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: martdb serve [DBFILE] [flags]\n\nServes DBFILE (in memory when omitted) to PostgreSQL clients.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) > 1 {
		return nil, fmt.Errorf("serve takes one database file, got %q", pos)
	}
	if len(pos) == 1 {
		o.db = pos[0]
	}
	return o, nil
}

// databaseName is the name clients connect with: the file's base name
// without extension, or "memory" for an in-memory database.
func (o *options) databaseName() string {
	if o.db == "" || o.db == ":memory:" {
		return "memory"
	}
	base := filepath.Base(o.db)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// loopback reports whether the listen address is loopback only.
func (o *options) loopback() bool {
	host, _, err := net.SplitHostPort(o.listen)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// method decides the authentication method: trust is the default, and
// allowed, only on loopback; anything reachable from outside needs a
// password.
func (o *options) method() (auth.Method, error) {
	if o.auth == "" {
		if o.loopback() && len(o.users) == 0 && o.usersFile == "" {
			return auth.MethodTrust, nil
		}
		// Users with passwords, or an address others can reach: SCRAM.
		return auth.MethodSCRAM, nil
	}
	m, err := auth.ParseMethod(o.auth)
	if err != nil {
		return m, err
	}
	if m == auth.MethodTrust && !o.loopback() {
		return m, fmt.Errorf("--auth trust is only allowed on a loopback address, not %s: use --auth scram with --user or --users-file", o.listen)
	}
	return m, nil
}
