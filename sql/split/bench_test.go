package split

import (
	"strings"
	"testing"
)

// benchScript is about 1 MB of SQL mixing every construct the scanner
// knows, in the proportions of a typical migration or reporting script.
var benchScript = func() string {
	const block = `-- daily revenue by campaign
CREATE TABLE IF NOT EXISTS revenue AS
SELECT c.campaign_id, "Campaign Name", date_trunc('day', e.ts) AS day,
       sum(e.amount) FILTER (WHERE e.kind = 'purchase') AS revenue, /* gross */
       count(DISTINCT e.user_id) AS users
FROM events e JOIN campaigns c ON (c.id = e.campaign_id)
WHERE e.note <> E'it\'s; not a split' AND e.ts >= $1
GROUP BY ALL;
CREATE MACRO clean(s) AS regexp_replace(s, '[;\s]+', ' ', 'g');
SELECT $body$ text with ; and 'quotes' $body$, 1.5e3, x$y$ FROM t; /* nested /* comment; */ ok */
INSERT INTO labels VALUES ('naïve; café', 1), ('日本語', 2);
`
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString(block)
	}
	return b.String()
}()

func BenchmarkSplit(b *testing.B) {
	b.SetBytes(int64(len(benchScript)))
	b.ReportAllocs()
	for b.Loop() {
		Split(benchScript)
	}
}
