import type { z } from 'zod';
import type { ReportFilterChoicesSchema } from '#contract';
import type { ReadDb } from '#core/db/handles';

type Choices = z.output<typeof ReportFilterChoicesSchema>;

/** Who and what a report can be narrowed to: operators with their team, teams, campaigns, company tags. */
export function reportFilterChoices(db: ReadDb): Choices {
  const all = <T>(sql: string) => db.$client.prepare<[], T>(sql).all();
  return {
    operators: all<Choices['operators'][number]>('SELECT id, name, team_id AS teamId FROM employees ORDER BY name'),
    teams: all<Choices['teams'][number]>('SELECT id, name FROM teams WHERE deleted_at IS NULL ORDER BY name'),
    campaigns: all<Choices['campaigns'][number]>('SELECT id, name FROM campaigns WHERE deleted_at IS NULL ORDER BY starts_at DESC'),
    companyTags: all<Choices['companyTags'][number]>('SELECT DISTINCT t.id, t.name FROM tags t JOIN company_tags ct ON ct.tag_id = t.id ORDER BY t.name'),
  };
}
