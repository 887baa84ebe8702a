package meta

import (
	"fmt"
	"strings"
)

// Help is the text .help prints: every command's usage, aliases and
// one-line help.
func Help() string {
	var b strings.Builder
	width := 0
	for i := range Commands {
		width = max(width, len(Commands[i].Usage()))
	}
	for i := range Commands {
		s := &Commands[i]
		help := s.Help
		if len(s.Names) > 1 {
			help += " (also " + strings.Join(s.Names[1:], " ") + ")"
		}
		fmt.Fprintf(&b, "%-*s  %s\n", width, s.Usage(), help)
	}
	b.WriteString("\nSQL statements end with ';' and may span lines. Tab completes; Ctrl-R searches history;\n")
	b.WriteString("Ctrl-C clears the line or cancels a running query; Ctrl-D leaves.\n")
	return b.String()
}
