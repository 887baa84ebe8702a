package servecmd

import (
	"bytes"
	"context"
	"net"
	"testing"

	"github.com/martdb/martdb/server"
)

// served is a `martdb serve` started by a test through run.
type served struct {
	host, port string
	log        *bytes.Buffer // the server's stderr; read it only after stop
	stop       func() error  // shuts the server down and returns run's error
}

// serve runs the command line args (with the configuration tweaked by
// tweak, when given) until stop, failing the test if it ends early.
func serve(t *testing.T, args []string, tweak func(*server.Config)) *served {
	t.Helper()
	o, err := parseFlags(args, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := o.config()
	if err != nil {
		t.Fatal(err)
	}
	if tweak != nil {
		tweak(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	s := &served{log: &bytes.Buffer{}}
	go func() { done <- run(ctx, o, cfg, s.log, ready) }()
	select {
	case addr := <-ready:
		s.host, s.port, _ = net.SplitHostPort(addr.String())
	case err := <-done:
		cancel()
		t.Fatalf("serve ended early: %v\n%s", err, s.log.String())
	}
	s.stop = func() error { cancel(); return <-done }
	return s
}
