package meta

import (
	"fmt"
	"strings"
)

// unknownCommand is the error for a name no command has, suggesting the
// closest spelling of the same style (dot or backslash) when it is near.
func unknownCommand(name string) error {
	best, bestDist := "", -1
	for _, spec := range Commands {
		for _, n := range spec.Names {
			if n[0] != name[0] {
				continue
			}
			d := distance(strings.ToLower(name), n)
			if bestDist < 0 || d < bestDist {
				best, bestDist = n, d
			}
		}
	}
	if bestDist >= 0 && bestDist <= max(1, len(name)/3) {
		return fmt.Errorf(`unknown command "%s"; did you mean "%s"? (.help lists them)`, name, best)
	}
	return fmt.Errorf(`unknown command "%s"; .help lists the commands`, name)
}

// distance is the Damerau-Levenshtein distance (with adjacent
// transpositions) between a and b, counted in bytes.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
