// Package server will be martdb's PostgreSQL wire-protocol front end
// (`martdb serve`): BI tools and drivers connect to it as to PostgreSQL and
// run SQL, marketing functions included, through engine sessions.
//
// Place in the whole: server imports engine, never cli; cli never imports
// server. It holds no code yet; the protocol, authentication and catalog
// emulation are built in their own issue.
package server
