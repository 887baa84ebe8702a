package meta

import (
	"fmt"
	"strings"
)

// Command is one parsed meta-command line.
type Command struct {
	Name string   // canonical name: "tables"
	Raw  string   // the spelling used: `\dt`
	Args []string // arguments, quotes removed
	Plus bool     // psql's "+" suffix (\df+)
}

// IsMeta reports whether line is a meta-command rather than SQL: its first
// non-blank character is a backslash, or a dot not followed by a digit (a
// line such as ".5 + 1" is SQL).
func IsMeta(line string) bool {
	l := strings.TrimLeft(line, " \t\r\n")
	if l == "" {
		return false
	}
	switch l[0] {
	case '\\':
		return true
	case '.':
		return len(l) == 1 || !(l[1] >= '0' && l[1] <= '9')
	}
	return false
}

// Parse parses one meta-command line. Arguments are split at blanks;
// single or double quotes keep blanks (and the other kind of quote) in
// one argument. The error for an unknown command suggests the closest
// known one; a wrong number of arguments, or a word a command does not
// accept, names what was expected.
func Parse(line string) (Command, error) {
	words, err := splitWords(strings.TrimSpace(line))
	if err != nil {
		return Command{}, err
	}
	if len(words) == 0 {
		return Command{}, fmt.Errorf("empty meta-command")
	}
	raw := words[0]
	plus := false
	spec, ok := byName[raw]
	if !ok && strings.HasSuffix(raw, "+") {
		if s, found := byName[strings.TrimSuffix(raw, "+")]; found && s.Plus && strings.HasPrefix(raw, `\`) {
			spec, ok, plus = s, true, true
		}
	}
	if !ok {
		return Command{}, unknownCommand(raw)
	}
	cmd := Command{Name: spec.Name, Raw: raw, Args: words[1:], Plus: plus}
	return cmd, checkArgs(spec, cmd)
}

// checkArgs checks the number of arguments and the words of choice
// arguments.
func checkArgs(spec *Spec, cmd Command) error {
	required, rest := 0, false
	for _, a := range spec.Args {
		if !a.Optional {
			required++
		}
		rest = rest || a.Rest
	}
	n := len(cmd.Args)
	if n < required || n > len(spec.Args) && !rest {
		return fmt.Errorf("%s: expected %s, got %d argument%s (usage: %s)",
			cmd.Raw, expected(spec), n, plural(n), spec.Usage())
	}
	for i, a := range spec.Args {
		if a.Kind != ArgChoice || a.Rest || i >= n {
			continue
		}
		if !contains(a.Choices, strings.ToLower(cmd.Args[i])) {
			return fmt.Errorf("%s: expected %s, got %q", cmd.Raw, choiceList(a.Choices), cmd.Args[i])
		}
	}
	return nil
}

// expected says how many arguments a command takes, in words.
func expected(spec *Spec) string {
	if len(spec.Args) == 0 {
		return "no arguments"
	}
	var names []string
	for _, a := range spec.Args {
		names = append(names, a.Name)
	}
	return strings.Join(names, " ")
}

// choiceList is "on or off", or "one of a, b, c" for more than two.
func choiceList(choices []string) string {
	if len(choices) == 2 {
		return choices[0] + " or " + choices[1]
	}
	return "one of " + strings.Join(choices, ", ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitWords splits a line at blanks, keeping quoted runs together.
func splitWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, line)
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
