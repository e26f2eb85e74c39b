-- Keeps figure_count_parts, gallery_counts and analytics_counts (lib/db/schema/counts.ts) exact.
-- Every statement that changes what a notebook's figures count under recomputes that notebook's part
-- (refresh_figure_counts) in the same transaction and appends the difference to both cubes. The
-- dimensions are computed as the live queries compute them (lib/browse/visualisation-facets.ts,
-- lib/analytics/dimensions.ts); tests/integration/figure-counts.test.ts checks the two agree.

-- The part of each notebook in `ids` as the database now has it, replacing the stored one; the change
-- goes to the cubes. `IN (SELECT unnest(ids))`, not `= ANY(ids)`: a bulk statement passes hundreds of
-- thousands of ids, and a semi-join hashes them where ANY would scan the array for every row.
-- Serialised per notebook (advisory locks held to commit): two transactions that
-- change one notebook recompute it one after the other, the second seeing the first's rows. A bulk
-- statement (thousands of notebooks) takes one exclusive lock instead of a lock per notebook.
CREATE FUNCTION refresh_figure_counts(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
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
    INSERT INTO figure_count_parts
    SELECT v.notebook_id, n.reproduced_from IS NOT NULL, v.mime, v.kind, v.has_context,
           coalesce(l.chart_type, 'not_analysed'), coalesce(l.ml_stage, 'not_analysed'), coalesce(l.library, 'not_analysed'),
           CASE l.multi_panel WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'not_analysed' END,
           l.visualisation_id IS NOT NULL,
           extract(year FROM coalesce(k.last_run_time, n.imported_at))::int::text,
           coalesce(e.status, 'not reproduced'),
           CASE WHEN cardinality(a.testing_properties) > 0 THEN a.testing_properties ELSE ARRAY['none'] END,
           count(*)::int
    FROM visualisations v
    JOIN notebooks n ON n.id = v.notebook_id AND n.status = 'imported'
    LEFT JOIN visualisation_labels l ON l.visualisation_id = v.id
    LEFT JOIN kaggle_kernels k ON k.notebook_id = coalesce(n.reproduced_from, n.id)
    LEFT JOIN notebook_analyses a ON a.notebook_id = n.id
    LEFT JOIN latest e ON e.notebook_id = coalesce(n.reproduced_from, n.id)
    WHERE v.notebook_id IN (SELECT unnest(ids))
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
    RETURNING *
  ), diff AS (
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, labelled, year, reproduction_status, testing, -n AS n FROM old
    UNION ALL
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, labelled, year, reproduction_status, testing, n FROM new
  ), gallery AS (
    INSERT INTO gallery_counts
    SELECT reproduction, mime, kind, context, chart_type, ml_stage, library, multi_panel, sum(n)
    FROM diff GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
  )
  INSERT INTO analytics_counts
  SELECT reproduction, chart_type, ml_stage, library, year, reproduction_status, testing, sum(n)
  FROM diff WHERE labelled GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0;
END $$;
--> statement-breakpoint

-- Every part and both cubes rebuilt from the tables (after a TRUNCATE, and once now for existing data).
CREATE FUNCTION rebuild_figure_counts() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1986491252);
  DELETE FROM figure_count_parts;
  DELETE FROM gallery_counts;
  DELETE FROM analytics_counts;
  PERFORM refresh_figure_counts(coalesce(array_agg(id), '{}')) FROM notebooks;
END $$;
--> statement-breakpoint

-- Sums each cube's rows per key (the cubes only grow between folds). Only keys with several rows are
-- rewritten: an idle fold reads the cube and writes nothing. Readers see the same totals before and
-- after; a fold already running makes this one return at once.
CREATE FUNCTION fold_figure_counts() RETURNS void LANGUAGE plpgsql AS $$
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
END $$;
--> statement-breakpoint

-- The statement-level triggers: each collects the notebooks its rows touch (old and new rows) and
-- refreshes them once per statement (PostgreSQL allows no column list on a trigger with transition
-- tables, so any update of these tables refreshes; none of them is updated in a hot loop). Executions and Kaggle metadata are the original's: its
-- reproductions' figures count under them too.
CREATE FUNCTION figure_counts_touched() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
  col text := TG_ARGV[0];
  with_reproductions boolean := TG_ARGV[1] = 'with_reproductions';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', col) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', col) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %I AS x FROM new_rows UNION SELECT %I FROM old_rows) s WHERE x IS NOT NULL', col, col) INTO ids;
  END IF;
  IF with_reproductions AND ids IS NOT NULL THEN
    ids := ids || ARRAY(SELECT n.id FROM notebooks n WHERE n.reproduced_from IN (SELECT unnest(ids)));
  END IF;
  PERFORM refresh_figure_counts(ARRAY(SELECT DISTINCT x FROM unnest(ids) x WHERE x IS NOT NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint

CREATE FUNCTION figure_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_figure_counts();
  RETURN NULL;
END $$;
--> statement-breakpoint

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('visualisations', 'notebook_id', ''),
    ('visualisation_labels', 'notebook_id', ''),
    ('notebook_analyses', 'notebook_id', ''),
    ('notebooks', 'id', ''),
    ('kaggle_kernels', 'notebook_id', 'with_reproductions'),
    ('executions', 'notebook_id', 'with_reproductions')
  ) AS x(tbl, col, arg) LOOP
    EXECUTE format('CREATE TRIGGER figure_counts_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_touched(%L, %L)', t.tbl, t.col, t.arg);
    EXECUTE format('CREATE TRIGGER figure_counts_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_touched(%L, %L)', t.tbl, t.col, t.arg);
    EXECUTE format('CREATE TRIGGER figure_counts_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_touched(%L, %L)', t.tbl, t.col, t.arg);
    EXECUTE format('CREATE TRIGGER figure_counts_trunc AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION figure_counts_truncated()', t.tbl);
  END LOOP;
END $$;
--> statement-breakpoint

SELECT rebuild_figure_counts();
