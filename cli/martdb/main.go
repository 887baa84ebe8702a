// Command martdb is the martdb shell and toolbox; all of it lives in
// package cli.
package main

import (
	"os"

	"github.com/martdb/martdb/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
