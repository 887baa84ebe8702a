package sequence

import (
	"context"
	"database/sql/driver"
	"fmt"
	"sync"
	"sync/atomic"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// patternUDFName is the scalar function that turns a pattern's text into
// the id the aggregates receive: aggregates through DuckDB's C API read
// fixed-width arguments, and a query's pattern is a constant, so DuckDB
// folds this call once per query.
const patternUDFName = "_martdb_sequence_pattern"

// patterns interns pattern texts for the life of the process.
var patterns struct {
	sync.RWMutex
	ids   map[string]int64
	texts []string
}

// intern returns the id of a pattern text.
func intern(text string) int64 {
	patterns.Lock()
	defer patterns.Unlock()
	if id, ok := patterns.ids[text]; ok {
		return id
	}
	if patterns.ids == nil {
		patterns.ids = map[string]int64{}
	}
	id := int64(len(patterns.texts))
	patterns.texts = append(patterns.texts, text)
	patterns.ids[text] = id
	return id
}

// textOf returns the pattern text of an id.
func textOf(id int64) (string, bool) {
	patterns.RLock()
	defer patterns.RUnlock()
	if id < 0 || id >= int64(len(patterns.texts)) {
		return "", false
	}
	return patterns.texts[id], true
}

// patternCalls counts calls of the interning function; a test checks that
// DuckDB folds it to one call per query instead of one per row.
var patternCalls atomic.Int64

// patternUDF is _martdb_sequence_pattern(function VARCHAR, pattern
// VARCHAR) -> BIGINT: it checks the pattern's syntax (so that a malformed
// pattern fails the query at once, naming the function) and interns it.
type patternUDF struct{}

func (patternUDF) Config() duckdb.ScalarFuncConfig {
	varchar, _ := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	bigint, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{varchar, varchar}, ResultTypeInfo: bigint}
}

func (patternUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ScalarBinder: checkConstantPattern, RowExecutor: func(values []driver.Value) (any, error) {
		patternCalls.Add(1)
		fn, _ := values[0].(string)
		text, _ := values[1].(string)
		if _, err := Compile(text, MaxConditions, 1); err != nil {
			return nil, fmt.Errorf("%s: %w", fn, err)
		}
		return intern(text), nil
	}}
}

// checkConstantPattern compiles a constant pattern when DuckDB binds the
// call, so that a malformed one fails the query with the matcher's own
// message: an error returned while executing reaches the user behind the
// driver's "database/sql/driver: API error:" prefix.
func checkConstantPattern(ctx context.Context, args []duckdb.ScalarUDFArg) (context.Context, error) {
	if len(args) != 2 || !args[0].Foldable || !args[1].Foldable {
		return ctx, nil
	}
	fn, _ := args[0].Value.(string)
	text, ok := args[1].Value.(string)
	if !ok {
		return ctx, nil
	}
	if _, err := Compile(text, MaxConditions, 1); err != nil {
		return ctx, fmt.Errorf("%s: %w", fn, err)
	}
	return ctx, nil
}
