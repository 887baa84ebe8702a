package server

import (
	"crypto/tls"
	"net"
	"syscall"
)

// peerClosed reports whether the client has closed its end of nc: a
// non-blocking peek reads end-of-file. Pipelined bytes waiting to be read
// are left where they are. Connections without a socket (net.Pipe in
// tests) are never reported closed.
func peerClosed(nc net.Conn) bool {
	if tc, ok := nc.(*tls.Conn); ok {
		nc = tc.NetConn()
	}
	sc, ok := nc.(syscall.Conn)
	if !ok {
		return false
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	closed := false
	var buf [1]byte
	raw.Read(func(fd uintptr) bool {
		n, _, err := syscall.Recvfrom(int(fd), buf[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
		closed = n == 0 && err == nil
		return true
	})
	return closed
}
