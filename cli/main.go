package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/martdb/martdb/engine"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // a statement or command failed
	exitUsage = 2 // the command line was wrong
)

// env is what one invocation of martdb works with.
type env struct {
	ctx         context.Context
	stopSignals func() // hands SIGINT and SIGTERM back (the shell handles its own)
	stdin       io.Reader
	stdout      io.Writer
	stderr      io.Writer
}

// Main runs martdb with args (without the program name) and returns the
// exit status. It is the whole program: cli/martdb only calls it.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{ctx: ctx, stopSignals: stop, stdin: stdin, stdout: stdout, stderr: stderr}
	err := e.dispatch(args)
	return e.exitStatus(err)
}

// dispatch picks the subcommand.
func (e *env) dispatch(args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "import":
			return e.importCommand(args[1:])
		case "export":
			return e.exportCommand(args[1:])
		case "demo":
			return e.demoCommand(args[1:])
		case "backup":
			return e.backupCommand(args[1:])
		case "restore":
			return e.restoreCommand(args[1:])
		}
	}
	return e.sqlCommand(args)
}

// exitStatus reports err on stderr and turns it into the exit status.
func (e *env) exitStatus(err error) int {
	var u usageError
	var reported reportedError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &reported):
		return exitError
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &u):
		fmt.Fprintf(e.stderr, "martdb: %v\nRun 'martdb --help' for usage.\n", u.err)
		return exitUsage
	}
	printError(e.stderr, err, "")
	return exitError
}

// reportedError is a failure already printed (statement errors print with
// their source text as they happen).
type reportedError struct{ err error }

func (r reportedError) Error() string { return r.err.Error() }

// openEngine opens the database for a command.
func (e *env) openEngine(path string, o *options) (*engine.Engine, *engine.Session, error) {
	opt := engine.Options{StatementTimeout: o.timeout}
	opt.Path, opt.ReadOnly, opt.MemoryLimit = path, o.readOnly, o.memoryLimit
	eng, err := engine.Open(e.ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	s, err := eng.NewSession(e.ctx)
	if err != nil {
		eng.Close()
		return nil, nil, err
	}
	return eng, s, nil
}

// closeEngine closes the engine, keeping the first error.
func closeEngine(eng *engine.Engine, err error) error {
	if cerr := eng.Close(); err == nil {
		return cerr
	}
	return err
}
