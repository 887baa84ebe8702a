package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// options are the flags of the plain `martdb [flags] [DBFILE]` form.
type options struct {
	commands        []string // -c, in order
	files           []string // -f, in order
	format          string
	continueOnError bool
	readOnly        bool
	timeout         time.Duration
	memoryLimit     string
	maxRows         int
	version         bool
	demo            bool
	help            bool
	db              string
}

// stringList is a repeatable string flag.
type stringList struct{ values *[]string }

func (s stringList) String() string { return "" }
func (s stringList) Set(v string) error {
	*s.values = append(*s.values, v)
	return nil
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func (o *options) flagSet() *flag.FlagSet {
	fs := newFlagSet("martdb")
	fs.Var(stringList{&o.commands}, "c", "run `SQL` and exit (repeatable)")
	fs.Var(stringList{&o.files}, "f", "run the statements in `FILE` and exit (repeatable)")
	fs.StringVar(&o.format, "format", "", "output `format`: table, csv, tsv, json, jsonl, markdown, line (default table on a terminal, csv otherwise)")
	fs.BoolVar(&o.continueOnError, "continue-on-error", false, "go on after a failed statement (the exit status is still 1)")
	fs.BoolVar(&o.readOnly, "read-only", false, "open the database read-only")
	fs.DurationVar(&o.timeout, "timeout", 0, "cancel any statement running longer than `DURATION` (e.g. 30s)")
	fs.StringVar(&o.memoryLimit, "memory-limit", "", "DuckDB memory limit, e.g. 8GB")
	fs.IntVar(&o.maxRows, "max-rows", -1, "table format: show at most `N` rows, counting the rest (default 40 on a terminal, all otherwise; 0 for all)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.demo, "demo", false, "open the demo shop: built in memory, or in DBFILE unless it has it already")
	fs.BoolVar(&o.help, "help", false, "show this help")
	fs.BoolVar(&o.help, "h", false, "show this help")
	return fs
}

// parseInterleaved parses flags that may come before or after positional
// arguments (`martdb x.db -c ...` as well as `martdb -c ... x.db`) and
// returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// flagHelp lists the flags of fs, one per line.
func flagHelp(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "h" {
			return
		}
		name, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		fmt.Fprintf(&b, "  %s%s %s\n      %s\n", dash, f.Name, name, usage)
	})
	return b.String()
}
