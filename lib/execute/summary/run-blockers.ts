import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

export interface Blocker {
  kind: 'module' | 'dataset';
  name: string; // the module ("catboost") or the data source ("/kaggle/input/titanic", "dataset owner/slug")
  notebooks: number;
}

const TOP_BLOCKERS = 20;

/**
 * What stopped notebooks across the latest executions: a missing module (a ModuleNotFoundError,
 * "No module named 'catboost.core'" counts as catboost) or a missing data source (recorded on the
 * execution, run or not). Counted in notebooks, most first: "blocked by catboost: 12 notebooks".
 */
export async function runBlockers(db: Db, latest: SQL): Promise<Blocker[]> {
  const rows = await db.execute<{ kind: 'module' | 'dataset'; name: string; notebooks: number }>(sql`
    select kind, name, count(distinct notebook_id)::int as notebooks from (
      select 'module' as kind, substring(exception_message from 'No module named ''([^''.]+)') as name, notebook_id
      from ${latest} e where exception_type = 'ModuleNotFoundError'
      union all
      select 'dataset', regexp_replace(regexp_replace(d, '^reads (\\S+), .*$', '\\1'), ':.*$', ''), notebook_id
      from ${latest} e, unnest(e.missing_datasets) d
    ) b where name is not null
    group by 1, 2 order by 3 desc, 2 limit ${TOP_BLOCKERS}`);
  return [...rows];
}
