// Command martdb is the martdb shell, toolbox and server. `martdb serve`
// is the PostgreSQL wire server (package server/servecmd); everything
// else is the shell and script front end (package cli). This file is the
// only place the two front ends meet.
package main

import (
	"os"

	"github.com/martdb/martdb/cli"
	"github.com/martdb/martdb/server/servecmd"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		os.Exit(servecmd.Main(os.Args[2:], os.Stdin, os.Stderr))
	}
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
