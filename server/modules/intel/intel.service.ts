import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { actorOf, audit } from '../audit/audit.service.ts';
import { listTypeCorrections } from './intel.repository.ts';

/** The labelled data (docs/intel.md) as JSON Lines: the tip's text, the clerk's types as the label; audited. */
export async function exportLabelledData(db: Db, user: SessionUser): Promise<string> {
  const rows = await listTypeCorrections(db, user);
  await audit(db, actorOf(user), { action: 'intel.labelled_data_exported', entity: 'type_corrections', detail: { rows: rows.length } });
  return rows.map((r) => JSON.stringify({ text: r.text, labels: r.corrected, suggested: r.suggested, at: r.at, source: 'staff correction' }) + '\n').join('');
}
