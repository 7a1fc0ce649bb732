import { sql, type Queryable } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { tipVisibleSql } from '../access/jurisdiction.ts';

export interface TypeCorrectionRow {
  text: string;
  suggested: string[];
  corrected: string[];
  at: Date;
}

/**
 * Clerks' corrections of suggested fraud types, with the tip's text — only for tips the user may see,
 * so a unit a tip accuses never reads it here either.
 */
export const listTypeCorrections = (q: Queryable, user: SessionUser) =>
  q.query<TypeCorrectionRow>(sql`
    select t.description as text, c.suggested, c.corrected, c.at from type_corrections c join tips t on t.id = c.tip_id
    where ${tipVisibleSql(user, 't')} order by c.id`);
