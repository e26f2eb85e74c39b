-- Makes the figure-count triggers (0020) cheaper for the import, which recounted each notebook twice
-- and planned the recount afresh every time (measured on the shared corpus, 100 notebooks: the
-- triggers were ~35 % of PostgreSQL's CPU during `npm run bench:ingest`, more than half of it planning).

-- A notebook that is being inserted has no figures yet (visualisations.notebook_id references it), so
-- its part is empty before and after: the recount on INSERT into notebooks never changed a count.
-- Its figures are counted by the INSERT into visualisations that follows. Updates and deletes of
-- notebooks (reproduced_from, status, deletion) still recount.
DROP TRIGGER figure_counts_ins ON notebooks;
--> statement-breakpoint

-- As in 0020, with the competition cube of 0022 (each part carries its original's competitions; the
-- difference goes to competition_counts too), and the recount of a few notebooks (an import, an
-- analysis) runs a generic plan, made once per connection: PL/pgSQL otherwise re-planned the six-table statement on every call (~2.5 ms
-- of planning against ~0.6 ms of execution). A bulk statement (over 1,000 notebooks) keeps a plan
-- made for its own number of ids. plan_cache_mode is set for this statement only and put back after.
CREATE OR REPLACE FUNCTION refresh_figure_counts(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  plan_mode text := current_setting('plan_cache_mode');
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  IF cardinality(ids) > 1000 THEN
    PERFORM pg_advisory_xact_lock(1986491252);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(1986491252);
    PERFORM pg_advisory_xact_lock(1986491253, id) FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) s;
  END IF;
  PERFORM set_config('plan_cache_mode', CASE WHEN cardinality(ids) > 1000 THEN 'force_custom_plan' ELSE 'force_generic_plan' END, true);
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
  PERFORM set_config('plan_cache_mode', plan_mode, true);
END $$;
--> statement-breakpoint

-- The parts' competitions and the competition cube for existing data.
SELECT rebuild_figure_counts();
