-- sequence_next_node(direction, base, ts, event, base_condition, conds): ClickHouse's
-- sequenceNextNode as a macro over list(), used with GROUP BY like an
-- aggregate. See doc.go for the exact semantics.

-- _martdb_snn_direction is direction when it is 'forward' or 'backward'.
CREATE OR REPLACE TEMP MACRO _martdb_snn_direction(d) AS
    CASE WHEN TRY_CAST(d AS VARCHAR) IN ('forward', 'backward') THEN TRY_CAST(d AS VARCHAR)
         ELSE error('sequence_next_node: direction: expected ''forward'' or ''backward'', got ' || coalesce(d::VARCHAR, 'NULL')) END;

-- _martdb_snn_base is base when it is one of the four base points.
CREATE OR REPLACE TEMP MACRO _martdb_snn_base(b) AS
    CASE WHEN TRY_CAST(b AS VARCHAR) IN ('head', 'tail', 'first_match', 'last_match') THEN TRY_CAST(b AS VARCHAR)
         ELSE error('sequence_next_node: base: expected ''head'', ''tail'', ''first_match'' or ''last_match'', got ' ||
                    coalesce(b::VARCHAR, 'NULL')) END;

-- _martdb_snn_conds is a row's chain conditions when they are a BOOLEAN[]
-- of 1 to 32 elements.
CREATE OR REPLACE TEMP MACRO _martdb_snn_conds(c) AS
    CASE WHEN typeof(c) = 'BOOLEAN[]' AND len(TRY_CAST(c AS BOOLEAN[])) BETWEEN 1 AND 32 THEN TRY_CAST(c AS BOOLEAN[])
         ELSE error('sequence_next_node: events: expected a list of 1 to 32 BOOLEAN conditions, got ' ||
                    CASE WHEN typeof(c) = 'BOOLEAN[]' THEN len(TRY_CAST(c AS BOOLEAN[]))::VARCHAR || ' conditions' ELSE typeof(c) END) END;

-- _martdb_snn_cond is condition j (1-based) of event x, NULL as false.
CREATE OR REPLACE TEMP MACRO _martdb_snn_cond(x, j) AS coalesce(x.c[j], false);

-- _martdb_snn_base_index is the position of the base point in the sorted
-- events s, NULL when there is none.
CREATE OR REPLACE TEMP MACRO _martdb_snn_base_index(b, s) AS
    CASE b WHEN 'head' THEN CASE WHEN s[1].b THEN 1 END
           WHEN 'tail' THEN CASE WHEN s[len(s)].b THEN len(s) END
           WHEN 'first_match' THEN list_position(list_transform(s, lambda x: x.b AND _martdb_snn_cond(x, 1)), true)
           ELSE len(s) + 1 - list_position(list_reverse(list_transform(s, lambda x: x.b AND _martdb_snn_cond(x, 1))), true) END;

-- _martdb_snn_step is +1 forward, -1 backward.
CREATE OR REPLACE TEMP MACRO _martdb_snn_step(d) AS CASE WHEN d = 'forward' THEN 1 ELSE -1 END;

-- _martdb_snn_after is the event value k steps of sign step from the base
-- at i, when condition j + 1 holds j steps from it for each j < k; else NULL.
CREATE OR REPLACE TEMP MACRO _martdb_snn_after(s, i, step, k) AS
    CASE WHEN i IS NOT NULL AND i + step * k BETWEEN 1 AND len(s)
              AND list_bool_and(list_transform(range(k), lambda j: _martdb_snn_cond(s[i + step * j], j + 1)))
         THEN s[i + step * k].e END;

-- _martdb_snn_pick is the answer for the sorted events s of one group.
CREATE OR REPLACE TEMP MACRO _martdb_snn_pick(d, b, s) AS
    CASE WHEN len(s) > 0
         THEN _martdb_snn_after(s, _martdb_snn_base_index(b, s), _martdb_snn_step(d), len(s[1].c)) END;

CREATE OR REPLACE TEMP MACRO sequence_next_node(direction, base, ts, event, base_condition, events) AS
    list_transform(
        [list_sort(list({'t': ts, 'e': event, 'b': coalesce(base_condition::BOOLEAN, false), 'c': _martdb_snn_conds(events)})
                   FILTER (WHERE ts IS NOT NULL))],
        lambda _martdb_s: _martdb_snn_pick(_martdb_snn_direction(direction), _martdb_snn_base(base), _martdb_s))[1];
