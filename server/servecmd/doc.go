// Package servecmd is `martdb serve`: it reads the command line, opens
// the database through the engine, listens, and shuts the server down
// gracefully on SIGINT or SIGTERM (stop accepting, let running
// statements finish within a grace period, checkpoint).
//
// Defaults that fail closed: trust authentication only on loopback and
// only when no password is given (any --user or --users-file means
// SCRAM-SHA-256); statements reach no file of the server's unless
// --allow-files names its directory; ten failed logins per address per
// minute; TLS 1.2 at least, and --tls-required to refuse plaintext.
//
// COPY FROM STDIN spools into a directory of the server's own in the
// system's temporary directory, martdb-serve-<pid>-<random>, which the
// server holds flock'ed while it runs and removes when it stops (spool.go).
// A server killed with SIGKILL cannot remove it, so every start removes
// the unlocked ones older than a minute: their servers are gone.
//
// It is the only place where the wire server meets flags and signals, so
// that package server stays a library. The martdb binary (cli/martdb)
// hands it every command line that starts with "serve"; the shell and
// script front end (package cli) never sees them, and the two front ends
// do not import each other.
package servecmd
