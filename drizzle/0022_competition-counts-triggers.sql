-- The competition cube (competition_counts, lib/db/schema/counts.ts) kept exact by the same triggers as
-- the other two (0020): each notebook's part now carries its original's competitions, and the difference
-- of a refresh is appended to competition_counts too, once per competition and per dimension value
-- (refresh_figure_counts in 0023, which also fills the cube for existing data).
-- These are 0020's rebuild and fold with the competition cube added; tests/integration/figure-counts.test.ts
-- checks every cube against the live counts.

CREATE OR REPLACE FUNCTION rebuild_figure_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1986491252);
  DELETE FROM figure_count_parts;
  DELETE FROM gallery_counts;
  DELETE FROM analytics_counts;
  DELETE FROM competition_counts;
  PERFORM refresh_figure_counts(coalesce(array_agg(id), '{}')) FROM notebooks;
END $$;
--> statement-breakpoint

-- 0020's fold, and the competition cube folded the same way.
CREATE OR REPLACE FUNCTION fold_figure_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(1986491254) THEN RETURN; END IF;
  WITH dup AS (
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel
    FROM gallery_counts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING count(*) > 1
  ), d AS (
    DELETE FROM gallery_counts g USING dup
    WHERE (g.reproduction, g.mime, g.kind, g.context, g.chart_type, g.ml_stage, g.library, g.multi_panel)
        = (dup.reproduction, dup.mime, dup.kind, dup.context, dup.chart_type, dup.ml_stage, dup.library, dup.multi_panel)
    RETURNING g.*
  )
  INSERT INTO gallery_counts
  SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, sum(n)
  FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0;
  WITH dup AS (
    SELECT reproduction, chart_type, ml_stage, library, year, reproduction_status, testing
    FROM analytics_counts GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1
  ), d AS (
    DELETE FROM analytics_counts a USING dup
    WHERE (a.reproduction, a.chart_type, a.ml_stage, a.library, a.year, a.reproduction_status, a.testing)
        = (dup.reproduction, dup.chart_type, dup.ml_stage, dup.library, dup.year, dup.reproduction_status, dup.testing)
    RETURNING a.*
  )
  INSERT INTO analytics_counts
  SELECT reproduction, chart_type, ml_stage, library, year, reproduction_status, testing, sum(n)
  FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0;
  WITH dup AS (
    SELECT reproduction, competition, dimension, value FROM competition_counts GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
  ), d AS (
    DELETE FROM competition_counts c USING dup
    WHERE (c.reproduction, c.competition, c.dimension, c.value) = (dup.reproduction, dup.competition, dup.dimension, dup.value)
    RETURNING c.*
  )
  INSERT INTO competition_counts
  SELECT reproduction, competition, dimension, value, sum(n)
  FROM d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
END $$;
