package server

import (
	"encoding/binary"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// rawClient speaks the protocol message by message.
type rawClient struct {
	t  *testing.T
	nc net.Conn
	fe *pgproto3.Frontend
}

func (ts *testServer) raw(t *testing.T) *rawClient {
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	nc.SetDeadline(time.Now().Add(30 * time.Second))
	rc := &rawClient{t: t, nc: nc, fe: pgproto3.NewFrontend(nc, nc)}
	return rc
}

func (rc *rawClient) startup() {
	rc.send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber, Parameters: map[string]string{"user": "raw", "database": "test"}})
	if got := rc.until('Z'); !strings.Contains(got, "AuthenticationOk") {
		rc.t.Fatalf("startup: %s", got)
	}
}

func (rc *rawClient) send(msgs ...pgproto3.FrontendMessage) {
	for _, m := range msgs {
		rc.fe.Send(m)
	}
	if err := rc.fe.Flush(); err != nil {
		rc.t.Fatal(err)
	}
}

// query sends sql in a simple Query and fails the test unless the
// messages up to ReadyForQuery (in until's form) contain want.
func (rc *rawClient) query(sql, want string) {
	rc.t.Helper()
	rc.send(&pgproto3.Query{String: sql})
	if got := rc.until('Z'); !strings.Contains(got, want) {
		rc.t.Fatalf("%s: %s, want %s in it", sql, got, want)
	}
}

// until reads messages up to and including ReadyForQuery (or an error
// closing the connection) and returns them in a compact form.
func (rc *rawClient) until(stop byte) string {
	var out []string
	for {
		msg, err := rc.fe.Receive()
		if err != nil {
			out = append(out, "EOF")
			return strings.Join(out, " ")
		}
		out = append(out, brief(msg))
		if r, ok := msg.(*pgproto3.ReadyForQuery); ok && stop == 'Z' {
			_ = r
			return strings.Join(out, " ")
		}
	}
}

// brief renders a backend message for comparison.
func brief(msg pgproto3.BackendMessage) string {
	switch m := msg.(type) {
	case *pgproto3.ReadyForQuery:
		return "Z" + string(m.TxStatus)
	case *pgproto3.DataRow:
		var vals []string
		for _, v := range m.Values {
			vals = append(vals, string(v))
		}
		return "D[" + strings.Join(vals, ",") + "]"
	case *pgproto3.CommandComplete:
		return "C(" + string(m.CommandTag) + ")"
	case *pgproto3.ErrorResponse:
		return "E(" + m.Code + ")"
	case *pgproto3.RowDescription:
		var names []string
		for _, f := range m.Fields {
			names = append(names, fmt.Sprintf("%s:%d", f.Name, f.DataTypeOID))
		}
		return "T[" + strings.Join(names, ",") + "]"
	case *pgproto3.ParameterDescription:
		return fmt.Sprintf("t%v", m.ParameterOIDs)
	case *pgproto3.AuthenticationOk:
		return "AuthenticationOk"
	case *pgproto3.ParameterStatus, *pgproto3.BackendKeyData:
		return "S"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", msg), "*pgproto3.")
}

// TestPortalRowLimit executes a portal two rows at a time.
func TestPortalRowLimit(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Parse{Name: "s", Query: "SELECT i FROM range(5) t(i) ORDER BY i"},
		&pgproto3.Describe{ObjectType: 'S', Name: "s"},
		&pgproto3.Bind{PreparedStatement: "s", DestinationPortal: "p"},
		&pgproto3.Execute{Portal: "p", MaxRows: 2},
		&pgproto3.Execute{Portal: "p", MaxRows: 2},
		&pgproto3.Execute{Portal: "p", MaxRows: 2},
		&pgproto3.Execute{Portal: "p", MaxRows: 2},
		&pgproto3.Sync{})
	want := "ParseComplete t[] T[i:20] BindComplete D[0] D[1] PortalSuspended D[2] D[3] PortalSuspended D[4] C(SELECT 1) C(SELECT 0) ZI"
	if got := rc.until('Z'); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// After Sync outside a transaction the portal is gone.
	rc.send(&pgproto3.Execute{Portal: "p"}, &pgproto3.Sync{})
	if got := rc.until('Z'); got != "E(34000) ZI" {
		t.Errorf("portal after Sync: %s", got)
	}
}

// TestErrorSkipsToSync checks that after an error the server ignores
// messages until Sync and sends one ReadyForQuery.
func TestErrorSkipsToSync(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Parse{Query: "SELEC 1"},
		&pgproto3.Bind{},
		&pgproto3.Execute{},
		&pgproto3.Sync{},
		&pgproto3.Parse{Query: "SELECT $1::INTEGER + 1 AS n"},
		&pgproto3.Bind{Parameters: [][]byte{[]byte("41")}},
		&pgproto3.Describe{ObjectType: 'P'},
		&pgproto3.Execute{},
		&pgproto3.Sync{})
	want := "E(42601) ZI ParseComplete BindComplete T[n:23] D[42] C(SELECT 1) ZI"
	if got := rc.until('Z') + " " + rc.until('Z'); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestDescribeCommand checks NoData for a statement without rows and
// the parameter types DuckDB infers.
func TestDescribeCommand(t *testing.T) {
	ts := startServer(t, "", nil)
	rc := ts.raw(t)
	rc.startup()
	rc.send(&pgproto3.Query{String: "CREATE TABLE t (i INTEGER, s VARCHAR)"})
	rc.until('Z')
	rc.send(&pgproto3.Parse{Name: "ins", Query: "INSERT INTO t VALUES ($1, $2)"},
		&pgproto3.Describe{ObjectType: 'S', Name: "ins"},
		&pgproto3.Close{ObjectType: 'S', Name: "ins"},
		&pgproto3.Close{ObjectType: 'S', Name: "never-existed"},
		&pgproto3.Sync{})
	want := "ParseComplete t[23 25] NoData CloseComplete CloseComplete ZI"
	if got := rc.until('Z'); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestMalformedMessages sends broken frames: the server closes that
// connection (after an error where it can) and keeps serving others.
func TestMalformedMessages(t *testing.T) {
	ts := startServer(t, "", nil)
	cases := map[string][]byte{
		"huge startup length":   {0x7f, 0xff, 0xff, 0xff},
		"truncated startup":     {0, 0, 0, 50, 0, 3, 0, 0, 'u', 's'},
		"unknown startup code":  {0, 0, 0, 8, 0x12, 0x34, 0x56, 0x78},
		"zero length":           {0, 0, 0, 0},
		"startup without user":  startupBytes(map[string]string{"database": "test"}),
		"unterminated params":   append(startupBytes(nil)[:8], 'u', 's', 'e', 'r'),
		"bad utf8 and no nul":   {0, 0, 0, 12, 0, 3, 0, 0, 0xff, 0xfe, 0xfd, 0xfc},
		"query frame too large": append(startupBytes(map[string]string{"user": "u", "database": "test"}), 'Q', 0x7f, 0xff, 0xff, 0xff),
		"bad message type":      append(startupBytes(map[string]string{"user": "u", "database": "test"}), '!', 0, 0, 0, 4),
		"negative length":       append(startupBytes(map[string]string{"user": "u", "database": "test"}), 'Q', 0xff, 0xff, 0xff, 0xf0),
	}
	for name, b := range cases {
		nc, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		nc.SetDeadline(time.Now().Add(10 * time.Second))
		nc.Write(b)
		// Half-close: a frame cut short is then a truncated one, not a
		// slow client (which the startup timeout deals with).
		nc.(*net.TCPConn).CloseWrite()
		buf := make([]byte, 4096)
		for {
			if _, err := nc.Read(buf); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Errorf("%s: the server neither answered nor closed", name)
				}
				break
			}
		}
		nc.Close()
	}
	c := ts.connect(t)
	var one int
	if err := c.QueryRow(ctxT(t), "SELECT 1").Scan(&one); err != nil {
		t.Errorf("after malformed clients: %v", err)
	}
}

// startupBytes encodes a protocol 3.0 StartupMessage.
func startupBytes(params map[string]string) []byte {
	body := binary.BigEndian.AppendUint32(nil, 196608)
	for k, v := range params {
		body = append(append(append(append(body, k...), 0), v...), 0)
	}
	body = append(body, 0)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(body)+4)), body...)
}
