package engine

import (
	"context"
	"testing"
)

// BenchmarkNewSession opens and closes sessions on an engine whose first
// session already ran: the cost every client connection pays.
func BenchmarkNewSession(b *testing.B) {
	ctx := context.Background()
	eng := benchEngine(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := eng.NewSession(ctx)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkNewSessionParallel opens sessions from several goroutines at
// once, as clients connecting together do.
func BenchmarkNewSessionParallel(b *testing.B) {
	ctx := context.Background()
	eng := benchEngine(b)
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			s, err := eng.NewSession(ctx)
			if err != nil {
				b.Error(err)
				return
			}
			s.Close()
		}
	})
}

// benchEngine opens an engine on a database file and opens its first
// session.
func benchEngine(b *testing.B) *Engine {
	b.Helper()
	opt := Options{}
	opt.Path = b.TempDir() + "/bench.db"
	eng, err := Open(context.Background(), opt)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { eng.Close() })
	s, err := eng.NewSession(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	return eng
}
