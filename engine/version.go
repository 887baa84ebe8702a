package engine

// Version is martdb's version, shown by `martdb --version` and reported by
// the wire server's version().
const Version = "0.1.0-dev"
