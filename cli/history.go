package cli

import (
	"strings"

	"github.com/reeflective/readline"

	"github.com/martdb/martdb/sql/split"
)

// statementHistory keeps one history entry per statement or
// meta-command, however many were typed or pasted in one input.
type statementHistory struct {
	readline.History
}

func (h statementHistory) Write(input string) (int, error) {
	n := h.Len()
	for _, entry := range historyEntries(input) {
		var err error
		if n, err = h.History.Write(entry); err != nil {
			return n, err
		}
	}
	return n, nil
}

// historyEntries cuts one input into its statements (each with its ';')
// and meta-command lines.
func historyEntries(input string) []string {
	var out []string
	for _, c := range inputChunks(input) {
		if c.meta {
			out = append(out, strings.TrimSpace(c.text))
			continue
		}
		for _, st := range split.Split(c.text) {
			text := st.Text
			if st.Terminated {
				text += ";"
			}
			out = append(out, text)
		}
	}
	return out
}
