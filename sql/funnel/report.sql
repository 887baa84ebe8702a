-- The funnel report. (Internal columns must not share a name with a macro
-- parameter: DuckDB substitutes the parameter for every such reference.) One row per breakdown value and step: how many users
-- reached the step (window_funnel level >= step), the conversion from step
-- 1 and from the previous step, how many dropped off since the previous
-- step, and the median and mean time from the previous step among the
-- users who reached this one (from the timestamps of the chain that set
-- their level).
CREATE OR REPLACE TEMP MACRO funnel(source, usr, t, steps, conversion_window := INTERVAL 14 DAY, mode := '', breakdown := NULL) AS TABLE
WITH per_user AS (
    SELECT breakdown AS bd,
           _martdb_funnel_path(conversion_window, t, steps, mode) AS path,
           max(len(steps)) AS n
    FROM query_table(source)
    WHERE usr IS NOT NULL
    GROUP BY usr, breakdown
),
reached AS (
    SELECT bd, path, unnest(range(1, n + 1)) AS step
    FROM per_user
    WHERE len(path) >= 1
),
per_step AS (
    SELECT bd, step,
           count(*) FILTER (WHERE len(path) >= step) AS users,
           median((path[step] - path[step - 1]) / 1e6) FILTER (WHERE step > 1 AND len(path) >= step) AS median_seconds_from_previous,
           avg((path[step] - path[step - 1]) / 1e6) FILTER (WHERE step > 1 AND len(path) >= step) AS avg_seconds_from_previous
    FROM reached
    GROUP BY bd, step
)
SELECT bd AS breakdown,
       step::INTEGER AS step,
       users,
       users / first_value(users) OVER w AS conversion_rate,
       users / coalesce(lag(users) OVER w, users) AS step_conversion_rate,
       coalesce(lag(users) OVER w - users, 0) AS dropped_off,
       median_seconds_from_previous::DOUBLE AS median_seconds_from_previous,
       avg_seconds_from_previous::DOUBLE AS avg_seconds_from_previous
FROM per_step
WINDOW w AS (PARTITION BY bd ORDER BY step)
ORDER BY bd NULLS FIRST, step;

