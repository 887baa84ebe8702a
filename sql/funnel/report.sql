-- The funnel report. (Internal columns must not share a name with a macro
-- parameter: DuckDB substitutes the parameter for every such reference.)
-- One row per breakdown value and step: how many users reached the step
-- (window_funnel level >= step), the conversion from step 1 and from the
-- previous step, how many dropped off since the previous step, and the
-- median and mean time from the previous step among the users who reached
-- this one (from the chain that set their level).
--
-- _martdb_funnel_steps gives each user [level, d2, ..., d_level] (NULL
-- below step 1), so user counts come from a small histogram of levels and
-- only the step-to-step times of users past step 1 are unnested.
CREATE OR REPLACE TEMP MACRO funnel(source, usr, t, steps, conversion_window := INTERVAL 14 DAY, mode := '', breakdown := NULL) AS TABLE
WITH per_user AS (
    SELECT breakdown AS bd,
           _martdb_funnel_steps(conversion_window, t, steps, mode) AS ls,
           max(len(steps)) AS n
    FROM query_table(source)
    WHERE usr IS NOT NULL
    GROUP BY usr, breakdown
),
levels AS (
    SELECT bd, ls[1] AS lvl, count(*) AS c, max(n) AS n
    FROM per_user
    WHERE ls IS NOT NULL
    GROUP BY bd, ls[1]
),
grid AS (
    SELECT bd, unnest(range(1, n + 1)) AS step
    FROM (SELECT bd, max(n) AS n FROM levels GROUP BY bd)
),
counts AS (
    SELECT g.bd, g.step, coalesce(sum(l.c) FILTER (WHERE l.lvl >= g.step), 0)::BIGINT AS users
    FROM grid g JOIN levels l ON g.bd IS NOT DISTINCT FROM l.bd
    GROUP BY g.bd, g.step
),
deltas AS (
    SELECT bd, unnest(range(2, len(ls) + 1)) AS step, unnest(ls[2:]) / 1e6 AS d
    FROM per_user
    WHERE len(ls) >= 2
),
times AS (
    SELECT bd, step, median(d) AS md, avg(d) AS ad
    FROM deltas
    GROUP BY bd, step
)
SELECT c.bd AS breakdown,
       c.step::INTEGER AS step,
       c.users,
       c.users / first_value(c.users) OVER w AS conversion_rate,
       c.users / coalesce(lag(c.users) OVER w, c.users) AS step_conversion_rate,
       coalesce(lag(c.users) OVER w - c.users, 0) AS dropped_off,
       tm.md::DOUBLE AS median_seconds_from_previous,
       tm.ad::DOUBLE AS avg_seconds_from_previous
FROM counts c
LEFT JOIN times tm ON c.bd IS NOT DISTINCT FROM tm.bd AND c.step = tm.step
WINDOW w AS (PARTITION BY c.bd ORDER BY c.step)
ORDER BY c.bd NULLS FIRST, c.step;
