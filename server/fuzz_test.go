package server

import (
	"encoding/binary"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// FuzzConnection feeds arbitrary bytes to a connection as a client would
// send them, after a valid startup or instead of one: the server must
// answer or close, never panic, and its goroutine must end once the
// client hangs up.
func FuzzConnection(f *testing.F) {
	startup := startupBytes(map[string]string{"user": "fuzz", "database": "test"})
	msg := func(m pgproto3.FrontendMessage) []byte {
		b, err := m.Encode(nil)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	f.Add(true, msg(&pgproto3.Query{String: "SELECT 1; SELECT 'x' ~ 'y'"}))
	f.Add(true, append(append(append(msg(&pgproto3.Parse{Name: "s", Query: "SELECT $1::INTEGER"}),
		msg(&pgproto3.Bind{PreparedStatement: "s", Parameters: [][]byte{{0, 0, 0, 1}}, ParameterFormatCodes: []int16{1}})...),
		msg(&pgproto3.Execute{MaxRows: 1})...), msg(&pgproto3.Sync{})...))
	f.Add(true, msg(&pgproto3.Query{String: "COPY (SELECT 1) TO STDOUT"}))
	f.Add(true, append(msg(&pgproto3.Query{String: "CREATE TABLE t (i INT); COPY t FROM STDIN"}), msg(&pgproto3.CopyData{Data: []byte("1\n2\n")})...))
	f.Add(false, binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 8), 80877103))
	f.Add(false, binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 16), 80877102), 1), 2))
	f.Add(true, []byte{'Q', 0, 0, 0, 3})
	f.Add(true, []byte{'B', 0, 0, 0, 12, 0, 0, 0, 0, 0xff, 0xff, 0, 0})

	ts := startServer(f, "", nil)
	f.Fuzz(func(t *testing.T, withStartup bool, data []byte) {
		client, server := net.Pipe()
		var wg sync.WaitGroup
		wg.Add(1)
		ts.srv.wg.Add(1)
		go func() {
			defer wg.Done()
			defer ts.srv.wg.Done()
			ts.srv.serveConn(server)
		}()
		client.SetDeadline(time.Now().Add(2 * time.Second))
		go func() {
			if withStartup {
				client.Write(startup)
			}
			client.Write(data)
		}()
		// Read what the server says for a moment, then hang up.
		go io.Copy(io.Discard, client)
		time.Sleep(20 * time.Millisecond)
		client.Close()
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the server's connection goroutine did not end after the client left (input %q)", data)
		}
	})
}
