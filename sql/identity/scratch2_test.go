package identity

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/martdb/martdb/sql/sqltest"
)

func TestScratch2(t *testing.T) {
	if os.Getenv("SCRATCH2") == "" {
		t.Skip()
	}
	conn := sqltest.Open(t, Family)
	t0 := time.Now()
	sqltest.Exec(t, conn, `CREATE OR REPLACE TABLE big AS SELECT 'e' || (i // 4) || '_' || (i % 2) AS a,
	   'p' || CASE WHEN i % 100 = 0 THEN (i * 31) % 2500000 ELSE i // 4 END AS b FROM range(10000000) t(i)`)
	t.Logf("gen %.2fs", time.Since(t0).Seconds())
	for _, q := range strings.Split(os.Getenv("SCRATCH2"), ";;") {
		q = strings.TrimSpace(q)
		if strings.HasPrefix(q, "!") {
			t0 := time.Now()
			sqltest.Exec(t, conn, q[1:])
			t.Logf("%6.2fs exec %s", time.Since(t0).Seconds(), q[1:])
			continue
		}
		t0 := time.Now()
		rows := sqltest.Rows(t, conn, q)
		t.Logf("%6.2fs %v  %s", time.Since(t0).Seconds(), rows, q)
	}
}
