import { sql, type SQL } from 'drizzle-orm';

/**
 * The latest execution of each (notebook, executor configuration): a notebook reproduced again with
 * the same settings counts once, with its newest result; other settings are other experiments.
 * `configHash` narrows it to one configuration.
 */
export function latestExecutions(configHash?: string): SQL {
  return sql`(select distinct on (notebook_id, config_hash) *
    from executions
    ${configHash ? sql`where config_hash = ${configHash}` : sql``}
    order by notebook_id, config_hash, finished_at desc, id desc)`;
}
