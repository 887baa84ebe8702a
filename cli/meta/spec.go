package meta

// ArgKind says what an argument holds, for completion.
type ArgKind int

// The kinds of arguments.
const (
	ArgText     ArgKind = iota // free text
	ArgFile                    // a file path
	ArgTable                   // a table or view name
	ArgFunction                // a martdb function name or pattern
	ArgChoice                  // one of Arg.Choices
	ArgQuery                   // a table name or a quoted query
)

// Arg describes one argument of a command.
type Arg struct {
	Name     string // as shown in the usage: FILE, TABLE
	Kind     ArgKind
	Choices  []string // for ArgChoice: the accepted words, lower case
	Optional bool
	Rest     bool // takes every remaining word
}

// Spec describes one meta-command.
type Spec struct {
	Name    string   // canonical name, without the dot: "tables"
	Names   []string // every spelling, the dotted one first: ".tables", "\dt"
	Args    []Arg
	Help    string // one line
	Plus    bool   // accepts psql's "+" suffix on the backslash spelling
	Example string // optional, shown by .help
}

// Formats are the output formats .mode accepts.
var Formats = []string{"table", "csv", "tsv", "json", "jsonl", "markdown", "line"}

var onOff = []string{"on", "off"}

// Commands lists every meta-command in the order .help shows them.
var Commands = []Spec{
	{Name: "help", Names: []string{".help", `\?`, `\h`}, Help: "show this list"},
	{Name: "tables", Names: []string{".tables", `\dt`}, Plus: true,
		Args: []Arg{{Name: "PATTERN", Kind: ArgTable, Optional: true}},
		Help: "list tables and views (* and ? match any run and any one character)"},
	{Name: "schema", Names: []string{".schema", `\d`}, Plus: true,
		Args: []Arg{{Name: "TABLE", Kind: ArgTable, Optional: true}},
		Help: "describe a table's columns, or show every CREATE statement"},
	{Name: "functions", Names: []string{".functions", `\df`}, Plus: true,
		Args: []Arg{{Name: "PATTERN", Kind: ArgFunction, Optional: true}},
		Help: "martdb's marketing functions: signature, description, example"},
	{Name: "timer", Names: []string{".timer", `\timing`},
		Args: []Arg{{Name: "on|off", Kind: ArgChoice, Choices: onOff, Optional: true}},
		Help: "show how long each statement took"},
	{Name: "mode", Names: []string{".mode"},
		Args: []Arg{{Name: "FORMAT", Kind: ArgChoice, Choices: Formats, Optional: true}},
		Help: "output format: table, csv, tsv, json, jsonl, markdown or line; without FORMAT, show it"},
	{Name: "expanded", Names: []string{".expanded", `\x`},
		Args: []Arg{{Name: "on|off|auto", Kind: ArgChoice, Choices: []string{"on", "off", "auto"}, Optional: true}},
		Help: "one column per line; auto when a row is wider than the screen"},
	{Name: "maxrows", Names: []string{".maxrows"},
		Args: []Arg{{Name: "N", Kind: ArgText}},
		Help: "show at most N rows of a table result (0 for all)"},
	{Name: "output", Names: []string{".output", `\o`},
		Args: []Arg{{Name: "FILE", Kind: ArgFile, Optional: true}},
		Help: "send results to FILE; without FILE, back to the screen"},
	{Name: "once", Names: []string{".once"},
		Args: []Arg{{Name: "FILE", Kind: ArgFile}},
		Help: "send only the next result to FILE"},
	{Name: "read", Names: []string{".read", `\i`},
		Args: []Arg{{Name: "FILE", Kind: ArgFile}},
		Help: "run the statements and meta-commands in FILE"},
	{Name: "import", Names: []string{".import"},
		Args: []Arg{{Name: "FILE", Kind: ArgFile}, {Name: "TABLE", Kind: ArgTable}},
		Help: "load a CSV, Parquet or JSON file (optionally .gz or .zst) into a new table"},
	{Name: "export", Names: []string{".export"},
		Args: []Arg{{Name: "TABLE|QUERY", Kind: ArgQuery}, {Name: "FILE", Kind: ArgFile}},
		Help: "write a table or a quoted query's result to FILE; its extension picks the format"},
	{Name: "open", Names: []string{".open"},
		Args: []Arg{{Name: "FILE", Kind: ArgFile}},
		Help: "close this database and open FILE (created if missing)"},
	{Name: "pager", Names: []string{".pager"},
		Args: []Arg{{Name: "on|off|COMMAND", Kind: ArgChoice, Choices: onOff, Optional: true, Rest: true}},
		Help: "page results taller than the screen ($PAGER, else less)"},
	{Name: "chart", Names: []string{".chart"},
		Help: "draw the last result: funnel bars, cohort heat map, bars or a sparkline"},
	{Name: "quit", Names: []string{".quit", ".exit", `\q`}, Help: "leave martdb (Ctrl-D does too)"},
}

// byName maps every spelling to its command.
var byName = func() map[string]*Spec {
	m := map[string]*Spec{}
	for i := range Commands {
		for _, n := range Commands[i].Names {
			m[n] = &Commands[i]
		}
	}
	return m
}()

// Lookup returns the command spelt name (".tables", `\dt`), if any.
func Lookup(name string) (*Spec, bool) {
	s, ok := byName[name]
	return s, ok
}

// Usage is the command's first spelling with its arguments: ".import FILE TABLE".
func (s *Spec) Usage() string {
	u := s.Names[0]
	for _, a := range s.Args {
		name := a.Name
		if a.Rest {
			name += "..."
		}
		if a.Optional {
			name = "[" + name + "]"
		}
		u += " " + name
	}
	return u
}
