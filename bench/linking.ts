/**
 * bench/linking: linking a new tip with 1,000,000 tips stored (target < 10 ms). On a fresh
 * PostgreSQL database it generates a million tips naming 50,000 companies and 300,000 phones
 * (two entities each, ~2 M index rows), then submits new tips one at a time through the real
 * intake statement (entities indexed in the same statement) and reads their links as a county
 * office would ("还被 N 条线索提及"), timing the two together.
 *
 *   npm run bench:linking          (BENCH_TIPS=100000 for a quicker run)
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { openPostgres } from '../server/db/client.ts';
import { migrate } from '../server/db/migrate.ts';
import { loadRegions } from '../server/modules/regions/regions.loader.ts';
import { insertSubmittedTips } from '../server/modules/tips/tips.repository.ts';
import { linkKeys, linkedTips } from '../server/modules/intel/linking.ts';
import type { SessionUser } from '../server/modules/auth/auth.service.ts';

const N = Number(process.env.BENCH_TIPS ?? 1_000_000);
const ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `shouhu_link_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN);
url.pathname = '/' + name;
const db = openPostgres(url.toString(), 4);
try {
  await migrate(db);
  await loadRegions(db);
  const [{ id: office }] = await db.query<{ id: number }>(`insert into units (region_code, kind, name) values ('370681', 'campaign_office', '龙口市专项办') returning id`);
  const t0 = Date.now();
  await db.query(
    `insert into tips (tracking_code, access_key_hash, source, status, region_code, office_unit_id, description, reporter_anonymous, search_tsv, received_at)
     select lpad(g::text, 12, '0'), 'x', 'portal', 'submitted', '370681001', $1, '第' || g || '条', true, to_tsvector('simple', 'x'), now() - (g % 400) * interval '1 day'
     from generate_series(1, $2) g`,
    [office, N],
  );
  await db.query(
    `insert into tip_entities (kind, normalized, tip_id)
     select 'organization', '第' || (id % 50000) || '康养公司', id from tips
     union all select 'mobile', (13900000000 + id % 300000)::text, id from tips`,
  );
  await db.query('analyze');
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from tip_entities');
  console.log(`generated ${N} tips and ${n} entity rows in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const user: SessionUser = { id: 0, username: 'bench', displayName: 'bench', roles: ['intake'], unitId: office, unitKind: 'campaign_office', unitName: '龙口市专项办', unitRegionCode: '370681' };
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const description = `第${(i * 7) % 50000}康养公司以养老项目为名吸收资金，业务员电话${13900000000 + ((i * 13) % 300000)}，承诺保本保息。`;
    const start = process.hrtime.bigint();
    const links = linkKeys(description, null).map(({ kind, normalized }) => ({ kind, normalized }));
    const [row] = await insertSubmittedTips(db, [{
      trackingCode: 'B' + String(i).padStart(11, '0'), accessKeyHash: 'x', source: 'portal', regionCode: '370681001', officeUnitId: office, description,
      fraudTypes: [], subject: null, accusedUnitIds: [], amountInvolved: null, victimCount: null, occurredOn: null, reporterAnonymous: true,
      reporterEnc: null, searchText: 'x', createdBy: null, eventText: 'bench', actorName: 'bench', auditDetail: {}, links,
    }]);
    const found = await linkedTips(db, user, row.id!);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (i === 1) console.log('a new tip links:', found.map((f) => f.text).join('；'));
  }
  times.sort((a, b) => a - b);
  const avg = times.reduce((s, x) => s + x, 0) / times.length;
  console.log(`bench/linking — ${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}, PostgreSQL 15`);
  console.log(`link a new tip (index its entities + read its links) with ${N} stored: avg ${avg.toFixed(2)} ms, p50 ${times[150].toFixed(2)} ms, p99 ${times[296].toFixed(2)} ms (target < 10 ms)`);
} finally {
  await db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
