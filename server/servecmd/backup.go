package servecmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkBackupDir checks --backup-dir and returns it as an absolute path
// ("" when not given). It must be an existing directory, and not one SQL
// can reach through --allow-files: statements could otherwise read the
// archives (every table, for any user) or overwrite them.
func (o *options) checkBackupDir() (string, error) {
	if o.backupDir == "" {
		return "", nil
	}
	dir, err := filepath.Abs(o.backupDir)
	if err != nil {
		return "", fmt.Errorf("--backup-dir %s: %w", o.backupDir, err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("--backup-dir %s: %w", o.backupDir, err)
	}
	if !st.IsDir() {
		return "", fmt.Errorf("--backup-dir %s: not a directory", o.backupDir)
	}
	for _, a := range o.allowFiles {
		allowed, err := filepath.Abs(a)
		if err != nil {
			continue
		}
		if dir == allowed || strings.HasPrefix(dir, allowed+string(filepath.Separator)) {
			return "", fmt.Errorf("--backup-dir %s is inside --allow-files %s: SQL could read and overwrite the archives; give a directory of its own", o.backupDir, a)
		}
	}
	return dir, nil
}
