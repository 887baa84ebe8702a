package server

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// selfSigned makes a certificate for 127.0.0.1.
func selfSigned(t *testing.T) tls.Certificate {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "martdb test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// TestTLS answers SSLRequest with TLS when configured, and with 'N'
// otherwise (a client requiring TLS then gives up).
func TestTLS(t *testing.T) {
	cert := selfSigned(t)
	ts := startServer(t, "", func(c *Config) { c.TLS = &tls.Config{Certificates: []tls.Certificate{cert}} })
	c, err := pgx.Connect(ctxT(t), ts.dsn("tls")+" sslmode=require")
	if err != nil {
		t.Fatalf("TLS connect: %v", err)
	}
	defer c.Close(context.Background())
	if _, ok := c.PgConn().Conn().(*tls.Conn); !ok {
		t.Errorf("the connection is %T, not TLS", c.PgConn().Conn())
	}
	var one int
	if err := c.QueryRow(ctxT(t), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Errorf("query over TLS: %v", err)
	}

	plain := startServer(t, "", nil)
	if _, err := pgx.Connect(ctxT(t), plain.dsn("tls")+" sslmode=require"); err == nil {
		t.Error("sslmode=require succeeded against a server without TLS")
	}
	if c, err := pgx.Connect(ctxT(t), plain.dsn("tls")+" sslmode=prefer"); err != nil {
		t.Errorf("sslmode=prefer against a server without TLS: %v", err)
	} else {
		c.Close(context.Background())
	}
}

// TestIdleTimeout closes a connection idle outside a transaction.
func TestIdleTimeout(t *testing.T) {
	ts := startServer(t, "", func(c *Config) { c.IdleTimeout = 300 * time.Millisecond })
	c := ts.connect(t)
	time.Sleep(time.Second)
	if _, err := c.Exec(ctxT(t), "SELECT 1"); err == nil {
		t.Error("an idle connection survived the idle timeout")
	}
}
