package identity

// maxNodes bounds the number of nodes: parents are int32.
const maxNodes = 1<<31 - 1

// forest is a union-find (disjoint-set) forest over the nodes 0..n-1:
// parent links with path halving on find and union by size, so that any
// sequence of finds and unions costs near-linear time (inverse Ackermann
// per operation).
type forest struct {
	parent []int32
	size   []int32
}

// newForest makes n singleton sets, with room for capacity nodes in all.
func newForest(n, capacity int) *forest {
	f := &forest{parent: make([]int32, 0, max(n, capacity)), size: make([]int32, 0, max(n, capacity))}
	for range n {
		f.add()
	}
	return f
}

// add makes one more singleton set, of the next node.
func (f *forest) add() {
	f.parent = append(f.parent, int32(len(f.parent)))
	f.size = append(f.size, 1)
}

// find returns the root of x's set, halving the path on the way: every
// visited node is linked to its grandparent.
func (f *forest) find(x int32) int32 {
	p := f.parent
	for p[x] != x {
		p[x] = p[p[x]]
		x = p[x]
	}
	return x
}

// union merges the sets of x and y, hanging the smaller tree under the
// larger one's root.
func (f *forest) union(x, y int32) {
	rx, ry := f.find(x), f.find(y)
	if rx == ry {
		return
	}
	if f.size[rx] < f.size[ry] {
		rx, ry = ry, rx
	}
	f.parent[ry] = rx
	f.size[rx] += f.size[ry]
}

// keys returns, for each node, the node of its set whose name is
// smallest. It reuses the forest's arrays (the result is the parent array
// rewritten), so the forest is spent afterwards.
func (f *forest) keys(name func(int32) string) []int32 {
	best := f.size
	for i := range best {
		best[i] = -1
	}
	for i := range f.parent {
		r := f.find(int32(i))
		if b := best[r]; b < 0 || name(int32(i)) < name(b) {
			best[r] = int32(i)
		}
	}
	// Every node's parent is now its root or a node whose parent is: the
	// loop above found each root. Point every node at its root, then at
	// its key.
	out := f.parent
	for i := range out {
		out[i] = f.find(int32(i))
	}
	for i, r := range out {
		out[i] = best[r]
	}
	return out
}
