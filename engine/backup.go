package engine

import (
	"context"

	"github.com/martdb/martdb/storage"
)

// Backup writes a backup archive of the engine's database to out (see
// storage.Backup): a consistent snapshot, taken on a connection of its own
// while sessions go on reading and writing. opt.MartdbVersion defaults to
// Version. It returns the archive's manifest.
func (e *Engine) Backup(ctx context.Context, out string, opt storage.BackupOptions) (*storage.Manifest, error) {
	if opt.MartdbVersion == "" {
		opt.MartdbVersion = Version
	}
	conn, err := e.db.Conn(ctx)
	if err != nil {
		return nil, convertError(ctx, err, "", 0)
	}
	defer conn.Close()
	m, err := storage.Backup(ctx, conn, out, opt)
	if err != nil {
		return nil, transferError(ctx, err)
	}
	return m, nil
}
