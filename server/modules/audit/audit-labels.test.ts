import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../shared/domain.ts';
import { createTestApp, inDays, json, validTip, type TestApp } from '../../test/helpers.ts';
import { describeDetail } from './audit.labels.ts';

const SERVER = fileURLToPath(new URL('../../', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

interface Item { action: string; actionLabel: string; entityLabel: string; actor: string; actorUnit: string | null; object: string | null; fields: { label: string; value: string }[] }

/** The audit log reads in Chinese: actions, objects, people and units by name, details as labelled fields. */
describe('the audit log in words', () => {
  it('has a Chinese name for every action and object type the server writes', () => {
    const text = sources(SERVER).map((f) => readFileSync(f, 'utf8')).join('\n');
    const written = new Set<string>();
    for (const m of text.matchAll(/(?:action|audit): '([a-z_]+\.[a-z_]+)'/g)) written.add(m[1]);
    for (const m of text.matchAll(/'(tip|auth|admin)\.([a-z_]+)'/g)) written.add(`${m[1]}.${m[2]}`);
    // Tip actions are `tip.<event kind>` (tips.actions.service.ts record()); every kind recorded needs a name.
    for (const m of text.matchAll(/record\(s, '([a-z_]+)'/g)) written.add(`tip.${m[1]}`);
    for (const m of text.matchAll(/answerMerged\(s, '([a-z_]+)'/g)) written.add(`tip.${m[1]}`);
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
    const entities = new Set([...text.matchAll(/entity: '([a-z_]+)'/g)].map((m) => m[1]));
    expect([...entities].filter((e) => !(e in AUDIT_ENTITIES))).toEqual([]);
  });

  it('reads each kind of detail as labelled words', () => {
    const names = {
      units: new Map([[7, '龙口市公安局']]), tips: new Map([[3, '123456789012']]), subjects: new Map([[5, '松鹤颐养院']]),
      regions: new Map([['370681', '山东省 / 烟台市 / 龙口市']]),
    };
    const read = (action: string, detail: unknown) => Object.fromEntries(describeDetail(action, detail, names).map((f) => [f.label, f.value]));
    expect(read('tip.exported', { filter: { status: 'accepted', regionCode: '370681', overdue: 'true', q: '保健品' }, rows: 12, truncated: false }))
      .toEqual({ 筛选条件: '状态：已受理；地区：山东省 / 烟台市 / 龙口市；超期：已超期；搜索：保健品', 行数: '12', 超出上限未全部导出: '否' });
    expect(read('tip.exported', { filter: {}, rows: 0, truncated: false })['筛选条件']).toBe('全部');
    expect(read('hazard.exported', { filter: { status: 'rectifying' }, rows: 1, truncated: true })['筛选条件']).toBe('状态：整改中');
    expect(read('hazard.exported', { filter: { kind: 'unregistered_care_place', grade: 'none', source: 'complaint', region: '370681' }, rows: 1, truncated: false })['筛选条件'])
      .toBe('行业领域：未登记的养老服务场所；风险等级：未评级；来源：投诉；地区：山东省 / 烟台市 / 龙口市');
    expect(read('hazard.created', { subjectId: 5, source: 'tip', category: 'fraud' })).toMatchObject({ 来源: '群众举报线索' });
    expect(read('screening.table_exported', { filter: { table: 'institutions', regionCode: '370681', period: '2026-01-01 至 2026-11-30' }, rows: 3, truncated: false })['筛选条件'])
      .toBe('报表：养老服务机构排查情况统计表；地区：山东省 / 烟台市 / 龙口市；统计期：2026-01-01 至 2026-11-30');
    expect(read('hazard.verified', { from: 'rectified', to: 'verified' })).toEqual({ 原状态: '已整改待验收', 新状态: '已销号' });
    expect(read('admin.user_created', { username: 'lk_new', unitId: 7, roles: ['intake', 'viewer'] })).toEqual({ 用户名: 'lk_new', 单位: '龙口市公安局', 角色: '受理员、领导查看' });
    expect(read('subject.risk_overridden', { grade: null, reason: '已整改' })).toEqual({ 调整为: '恢复自动评级', 理由: '已整改' });
    expect(read('hazard.created', { subjectId: 5, category: 'fraud', serious: true, deadline: '2026-12-31' })).toEqual({ 主体: '松鹤颐养院', 隐患类别: '涉嫌诈骗', 重大隐患: '是', 时限: '2026-12-31' });
    expect(read('tip.closed', { viaTipId: 3 })).toEqual({ 随同办结的线索: '123456789012' });
    // A tip the auditor may not read about is not named; an unknown unit is said to be gone; internal ids are left out.
    expect(read('tip.merged', { intoTipId: 99 })).toEqual({ 并入线索: '（不在您的查阅范围内）' });
    expect(read('tip.dispatched', { leadUnitId: 8, assignmentIds: [1, 2] })).toEqual({ 主办单位: '（单位已不存在）' });
    expect(read('tip.note', null)).toEqual({});
  });

  describe('through the API', () => {
    let t: TestApp;
    let trackingCode: string, targetCode: string;
    beforeAll(async () => {
      t = await createTestApp();
      const cookie = await t.login('lk_intake');
      const submit = async (description: string) => {
        const r = json(await t.app.inject({ method: 'POST', url: '/api/public/tips', payload: validTip({ description }) }));
        const [{ id }] = await t.db.query<{ id: number }>('select id from tips where tracking_code = $1', [r.trackingCode]);
        return { id, code: r.trackingCode as string };
      };
      const a = await submit('有人开讲座推销保健品，我母亲被骗两万元，请调查。');
      const b = await submit('同一伙人又开讲座推销保健品，邻居被骗三万元。');
      [trackingCode, targetCode] = [a.code, b.code];
      const act = (id: number, body: object) => t.app.inject({ method: 'POST', url: `/api/tips/${id}/actions`, headers: { cookie }, payload: body });
      expect((await act(b.id, { action: 'accept', fraudTypes: ['elderly_product'] })).statusCode).toBe(200);
      expect((await act(b.id, { action: 'dispatch', leadUnitId: t.world.units.get('370681:market_regulation'), assistingUnitIds: [t.world.units.get('370681:police')], deadline: inDays(5), instructions: '请核查' })).statusCode).toBe(200);
      expect((await act(a.id, { action: 'merge', intoTrackingCode: b.code })).statusCode).toBe(200);
    });
    afterAll(() => t.close());

    const audit = async (query = '') => json(await t.app.inject({ method: 'GET', url: `/api/audit?limit=200${query}`, headers: { cookie: await t.login('sd_auditor') } })).items as Item[];

    it('names the action, the object, the person and unit, and each detail in Chinese', async () => {
      const items = await audit();
      const merged = items.find((i) => i.action === 'tip.merged')!;
      expect(merged).toMatchObject({ actionLabel: '并案', entityLabel: '线索', object: trackingCode, actorUnit: expect.stringContaining('龙口市') });
      expect(merged.actor).toMatch(/^.+（lk_intake）$/);
      expect(merged.fields).toEqual([{ label: '并入线索', value: targetCode }]);

      const dispatched = items.find((i) => i.action === 'tip.dispatched')!;
      const fields = Object.fromEntries(dispatched.fields.map((f) => [f.label, f.value]));
      expect(fields['主办单位']).toMatch(/龙口市.*市场监督管理局/);
      expect(fields['协办单位']).toMatch(/龙口市公安局/);
      expect(fields['时限']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // The assignment ids it also records are internal: left out.
      expect(dispatched.fields.map((f) => f.label).sort()).toEqual(['主办单位', '协办单位', '时限'].sort());

      const accepted = items.find((i) => i.action === 'tip.accepted')!;
      expect(accepted.fields).toEqual([{ label: '线索类型', value: '以销售"养老产品"为名' }]);
      const submitted = items.find((i) => i.action === 'tip.submitted')!;
      expect(submitted).toMatchObject({ actionLabel: '收到线索', actor: '举报人' });
      expect(Object.fromEntries(submitted.fields.map((f) => [f.label, f.value]))).toMatchObject({ 来源: '网上举报', 受理单位: expect.stringContaining('龙口市') });

      const login = items.find((i) => i.action === 'auth.login' && i.actor.includes('lk_intake'))!;
      expect(login).toMatchObject({ actionLabel: '登录', entityLabel: '用户', object: expect.stringMatching(/（lk_intake）$/) });
      // No raw code reaches a label.
      for (const i of items) {
        expect(i.actionLabel).not.toMatch(/[a-z]/);
        expect(i.entityLabel).not.toMatch(/[a-z]/);
        for (const f of i.fields) expect(f.label).not.toMatch(/[a-z]/i);
      }
    });

    it('filters by action, by the person’s name and by a tip’s tracking code', async () => {
      expect(new Set((await audit('&action=tip.merged')).map((i) => i.action))).toEqual(new Set(['tip.merged']));
      const [{ display }] = await t.db.query<{ display: string }>(`select display_name as display from users where username = 'lk_intake'`);
      const byName = await audit(`&actor=${encodeURIComponent(display)}`);
      expect(byName.length).toBeGreaterThan(0);
      expect(byName.every((i) => i.actor.includes('lk_intake'))).toBe(true);
      const byCode = await audit(`&trackingCode=${trackingCode}`);
      expect(byCode.map((i) => i.action).sort()).toEqual(['tip.merged', 'tip.submitted']);
      expect(byCode.every((i) => i.object === trackingCode)).toBe(true);
      // Wildcards are text; a malformed code is a Chinese 400.
      expect(await audit(`&actor=${encodeURIComponent('%')}`)).toEqual([]);
      const bad = await t.app.inject({ method: 'GET', url: '/api/audit?trackingCode=abc', headers: { cookie: await t.login('sd_auditor') } });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).error.fields[0].message).toBe('查询码为 12 位数字');
    });
  });
});
