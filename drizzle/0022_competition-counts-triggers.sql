-- The competition cube (competition_counts, lib/db/schema/counts.ts) kept exact by the same triggers as
-- the other two (0020): each notebook's part now carries its original's competitions, and the difference
-- of a refresh is appended to competition_counts too, once per competition and per dimension value.
-- The functions are 0020's with the competition added; tests/integration/figure-counts.test.ts checks
-- every cube against the live counts.

CREATE OR REPLACE FUNCTION refresh_figure_counts(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  IF cardinality(ids) > 1000 THEN
    PERFORM pg_advisory_xact_lock(1986491252);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(1986491252);
    PERFORM pg_advisory_xact_lock(1986491253, id) FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) s;
  END IF;
  WITH old AS (
    DELETE FROM figure_count_parts WHERE notebook_id IN (SELECT unnest(ids)) RETURNING *
  ), latest AS (
    SELECT DISTINCT ON (e.notebook_id) e.notebook_id, e.status
    FROM executions e
    WHERE e.notebook_id IN (SELECT coalesce(n.reproduced_from, n.id) FROM notebooks n WHERE n.id IN (SELECT unnest(ids)))
    ORDER BY e.notebook_id, e.finished_at DESC, e.id DESC
  ), new AS (
    INSERT INTO figure_count_parts (notebook_id, reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel,
                                    labelled, year, reproduction_status, testing, competitions, n)
    SELECT v.notebook_id, n.reproduced_from IS NOT NULL, v.mime, v.kind, v.has_context,
           coalesce(l.chart_type, 'not_analysed'), coalesce(l.ml_stage, 'not_analysed'), coalesce(l.library, 'not_analysed'),
           CASE l.multi_panel WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'not_analysed' END,
           l.visualisation_id IS NOT NULL,
           extract(year FROM coalesce(k.last_run_time, n.imported_at))::int::text,
           coalesce(e.status, 'not reproduced'),
           CASE WHEN cardinality(a.testing_properties) > 0 THEN a.testing_properties ELSE ARRAY['none'] END,
           CASE WHEN cardinality(k.competitions) > 0 THEN k.competitions ELSE ARRAY['none'] END,
           count(*)::int
    FROM visualisations v
    JOIN notebooks n ON n.id = v.notebook_id AND n.status = 'imported'
    LEFT JOIN visualisation_labels l ON l.visualisation_id = v.id
    LEFT JOIN kaggle_kernels k ON k.notebook_id = coalesce(n.reproduced_from, n.id)
    LEFT JOIN notebook_analyses a ON a.notebook_id = n.id
    LEFT JOIN latest e ON e.notebook_id = coalesce(n.reproduced_from, n.id)
    WHERE v.notebook_id IN (SELECT unnest(ids))
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
    RETURNING *
  ), diff AS (
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, labelled, year, reproduction_status, testing, competitions, -n AS n FROM old
    UNION ALL
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, labelled, year, reproduction_status, testing, competitions, n FROM new
  ), gallery AS (
    INSERT INTO gallery_counts
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, sum(n)
    FROM diff GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
  ), competition AS (
    INSERT INTO competition_counts
    SELECT d.reproduction, c.competition, x.dimension, x.value, sum(d.n)
    FROM diff d
    CROSS JOIN LATERAL unnest(d.competitions) c(competition)
    CROSS JOIN LATERAL (
      SELECT * FROM (VALUES ('chart_type', d.chart_type), ('ml_stage', d.ml_stage), ('library', d.library), ('year', d.year),
                            ('reproduction', d.reproduction_status), ('', '')) v(dimension, value)
      UNION ALL
      SELECT 'testing', t FROM unnest(d.testing) t
    ) x
    WHERE d.labelled
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0
  )
  INSERT INTO analytics_counts
  SELECT reproduction, chart_type, ml_stage, library, year, reproduction_status, testing, sum(n)
  FROM diff WHERE labelled GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0;
END $$;
--> statement-breakpoint

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
--> statement-breakpoint

SELECT rebuild_figure_counts();
