package render

// minColumnWidth is the narrowest a column is shrunk to when the grid is
// too wide; columns whose content is narrower keep their own width.
const minColumnWidth = 5

// gapColumn marks, in a layout, the "…" column that stands for the
// columns left out.
const gapColumn = -1

// gapWidth is the content width of the gap column.
const gapWidth = 1

// layout says which columns a table shows, in order, and how wide each is.
type layout struct {
	cols   []int // column indices, gapColumn where the "…" column goes
	widths []int // content width of each entry of cols
}

// shown is the number of real columns in the layout.
func (l layout) shown() int {
	n := 0
	for _, c := range l.cols {
		if c != gapColumn {
			n++
		}
	}
	return n
}

// gridWidth is how wide a grid with this much content in n columns is:
// every column adds a border and a space on either side, and the grid is
// closed by one more border.
func gridWidth(content, n int) int {
	return content + 3*n + 1
}

// planLayout fits columns whose widest content is natural into limit
// terminal columns (0 = no limit). It first narrows the widest columns,
// never below minColumnWidth; if the grid is still too wide, it keeps
// columns from both ends, leaving out the middle ones and showing a gap
// column in their place. At least one column is kept, narrowed further if
// it has to be, without the gap column when there is no room for it; only
// a limit too small for a column one character wide is exceeded.
func planLayout(natural []int, limit int) layout {
	if limit <= 0 || gridWidth(sum(natural), len(natural)) <= limit {
		return layout{cols: indices(len(natural)), widths: append([]int(nil), natural...)}
	}
	if gridWidth(floorSum(natural), len(natural)) <= limit {
		return layout{cols: indices(len(natural)), widths: fitWidths(natural, limit-gridWidth(0, len(natural)))}
	}
	left, right := keepEnds(natural, limit)
	kept := append(append([]int(nil), left...), right...)
	if len(kept) == 1 && (len(natural) == 1 || gridWidth(1+gapWidth, 2) > limit) {
		// A single column too wide for the limit, with nothing left
		// out or no room to show that something is.
		return layout{cols: kept, widths: []int{squeeze(natural[kept[0]], limit-gridWidth(0, 1))}}
	}
	budget := limit - gridWidth(gapWidth, len(kept)+1)
	keptNatural := make([]int, len(kept))
	for i, c := range kept {
		keptNatural[i] = natural[c]
	}
	fitted := fitWidths(keptNatural, budget)
	if len(kept) == 1 {
		fitted[0] = squeeze(keptNatural[0], budget)
	}
	l := layout{}
	l.cols = append(append(append(l.cols, left...), gapColumn), right...)
	l.widths = append(l.widths, fitted[:len(left)]...)
	l.widths = append(l.widths, gapWidth)
	l.widths = append(l.widths, fitted[len(left):]...)
	return l
}

// squeeze narrows the last column left to budget, below minColumnWidth if
// need be, but never below one character.
func squeeze(natural, budget int) int {
	return min(natural, max(budget, 1))
}

func indices(n int) []int {
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	return all
}

// keepEnds picks the columns to show when not all fit at their narrowest:
// the first, the last, the second, the second to last and so on while
// they fit next to the gap column. It returns the kept columns of the left
// and of the right end, each in order.
func keepEnds(natural []int, limit int) (left, right []int) {
	used := gridWidth(gapWidth, 1)
	lo, hi := 0, len(natural)-1
	for lo <= hi {
		c := lo
		if len(left) > len(right) {
			c = hi
		}
		cost := min(natural[c], minColumnWidth) + 3
		if used+cost > limit && len(left)+len(right) > 0 {
			break
		}
		used += cost
		if c == lo {
			left = append(left, c)
			lo++
		} else {
			right = append(right, c)
			hi--
		}
	}
	// right was collected from the end inwards.
	for i, j := 0, len(right)-1; i < j; i, j = i+1, j-1 {
		right[i], right[j] = right[j], right[i]
	}
	return left, right
}

// fitWidths narrows the widest columns until their widths add up to at
// most budget: it finds the highest cap that fits, caps every column at it
// and hands the columns left over to the capped columns from the left.
// No column is capped below minColumnWidth, so the result may exceed a
// budget that is too small.
func fitWidths(natural []int, budget int) []int {
	out := append([]int(nil), natural...)
	if sum(natural) <= budget {
		return out
	}
	lo, hi := minColumnWidth, 0
	for _, w := range natural {
		hi = max(hi, w)
	}
	if cappedSum(natural, lo) <= budget {
		// Find the largest cap in [lo, hi) whose total fits.
		for lo < hi-1 {
			mid := (lo + hi) / 2
			if cappedSum(natural, mid) <= budget {
				lo = mid
			} else {
				hi = mid
			}
		}
	}
	slack := budget - cappedSum(natural, lo)
	for i, w := range natural {
		if w > lo {
			out[i] = lo
			if slack > 0 {
				out[i]++
				slack--
			}
		}
	}
	return out
}

func cappedSum(ws []int, limit int) int {
	s := 0
	for _, w := range ws {
		s += min(w, limit)
	}
	return s
}

// floorSum is the narrowest all columns can be made.
func floorSum(ws []int) int {
	return cappedSum(ws, minColumnWidth)
}

func sum(ws []int) int {
	s := 0
	for _, w := range ws {
		s += w
	}
	return s
}
