package sqltok

import "strings"

// Keywords are the SQL keywords the editor highlights and completes, in
// upper case: the reserved words and the common clause words of DuckDB's
// grammar. Unreserved words that are mostly column names (day, name,
// year) are left out so that they are not painted as keywords.
var Keywords = strings.Fields(`
ALL ALTER ANALYZE AND ANTI ANY AS ASC ASOF ATTACH BEGIN BETWEEN BOTH BY
CASE CAST CHECK CHECKPOINT COLLATE COLUMN COMMIT CONSTRAINT COPY CREATE
CROSS CUBE DEFAULT DELETE DESC DESCRIBE DETACH DISTINCT DO DROP ELSE END
EXCEPT EXCLUDE EXISTS EXPLAIN EXPORT FALSE FETCH FILTER FIRST FOLLOWING
FOR FOREIGN FROM FULL FUNCTION GROUP GROUPING HAVING IF ILIKE IMPORT IN
INNER INSERT INSTALL INTERSECT INTERVAL INTO IS JOIN KEY LAST LATERAL LEFT
LIKE LIMIT LOAD MACRO NATURAL NOT NULL NULLS OFFSET ON OR ORDER OUTER OVER
PARTITION PIVOT POSITIONAL PRAGMA PRECEDING PRIMARY QUALIFY RANGE
RECURSIVE REFERENCES REPLACE RETURNING RIGHT ROLLBACK ROLLUP ROW ROWS
SAMPLE SCHEMA SELECT SEMI SEQUENCE SET SETS SHOW SIMILAR SOME SUMMARIZE
TABLE TEMP TEMPORARY THEN TO TRANSACTION TRUE TRY_CAST UNBOUNDED UNION
UNIQUE UNPIVOT UPDATE USE USING VACUUM VALUES VIEW WHEN WHERE WINDOW WITH
`)

var keywordSet = func() map[string]bool {
	m := make(map[string]bool, len(Keywords))
	for _, k := range Keywords {
		m[k] = true
	}
	return m
}()

// IsKeyword reports whether word is one of Keywords, in any case.
func IsKeyword(word string) bool {
	if len(word) > 12 {
		return false
	}
	return keywordSet[strings.ToUpper(word)]
}
