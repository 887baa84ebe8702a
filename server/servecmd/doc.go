// Package servecmd is `martdb serve`: it reads the command line, opens
// the database through the engine, listens, and shuts the server down
// gracefully on SIGINT or SIGTERM (stop accepting, let running
// statements finish within a grace period, checkpoint).
//
// It is the only place where the wire server meets flags and signals, so
// that package server stays a library. The martdb binary (cli/martdb)
// hands it every command line that starts with "serve"; the shell and
// script front end (package cli) never sees them, and the two front ends
// do not import each other.
package servecmd
