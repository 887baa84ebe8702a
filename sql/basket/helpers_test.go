package basket

import "strconv"

// itoa writes n for a query.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
