import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Role, UnitKind } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hashPassword, isStrongPassword } from '../auth/passwords.ts';
import { findRegion, inSubtree } from '../regions/regions.repository.ts';

const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });

/** Admins manage what lies in their own unit's region subtree. */
function assertInScope(admin: SessionUser, regionCode: string) {
  if (!inSubtree(regionCode, admin.unitRegionCode)) throw new AppError('NOT_FOUND');
}

export async function createUnit(db: Db, admin: SessionUser, input: { regionCode: string; kind: UnitKind; name: string }) {
  if (!(await findRegion(db, input.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不存在' }]);
  assertInScope(admin, input.regionCode);
  return db.tx(async (q) => {
    const dup = await q.query('select 1 from units where region_code = $1 and name = $2', [input.regionCode, input.name]);
    if (dup.length) throw new AppError('CONFLICT', [{ path: 'name', message: '该地区已有同名单位' }]);
    const [{ id }] = await q.query<{ id: number }>(
      'insert into units (region_code, kind, name) values ($1, $2, $3) returning id',
      [input.regionCode, input.kind, input.name],
    );
    await audit(q, actorOf(admin), { action: 'admin.unit_created', entity: 'unit', entityId: id, detail: input });
    return { id };
  });
}

export async function listUnits(db: Db, scopeRegion: string, regionPrefix?: string) {
  const prefix = regionPrefix && inSubtree(regionPrefix, scopeRegion) ? regionPrefix : scopeRegion;
  return db.query<{ id: number; regionCode: string; regionName: string; kind: UnitKind; name: string }>(
    `select u.id, u.region_code as "regionCode", r.name as "regionName", u.kind, u.name
     from units u join regions r on r.code = u.region_code
     where u.region_code like $1 || '%' order by u.region_code, u.kind <> 'campaign_office', u.name limit 5000`,
    [prefix],
  );
}

export async function findUnit(db: Pick<Db, 'query'>, id: number) {
  const [u] = await db.query<{ id: number; region_code: string; kind: UnitKind; name: string }>(
    'select id, region_code, kind, name from units where id = $1',
    [id],
  );
  return u ?? null;
}

export interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  roles: Role[];
  password: string;
}

export async function createUser(db: Db, admin: SessionUser | null, input: NewUser) {
  const unit = await findUnit(db, input.unitId);
  if (!unit || (admin && !inSubtree(unit.region_code, admin.unitRegionCode))) {
    throw new AppError('UNIT_INVALID', [{ path: 'unitId', message: '单位不存在或不在您的管理范围内' }]);
  }
  if (!isStrongPassword(input.password, input.username)) throw new AppError('PASSWORD_WEAK', [{ path: 'password', message: '密码强度不足' }]);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (q) => {
    const dup = await q.query('select 1 from users where lower(username) = lower($1)', [input.username]);
    if (dup.length) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: '用户名已被使用' }]);
    const [{ id }] = await q.query<{ id: number }>(
      `insert into users (username, display_name, unit_id, roles, password_hash) values ($1, $2, $3, $4, $5) returning id`,
      [input.username, input.displayName, input.unitId, input.roles, passwordHash],
    );
    await audit(q, admin ? actorOf(admin) : { id: null, name: 'system' }, {
      action: 'admin.user_created',
      entity: 'user',
      entityId: id,
      detail: { username: input.username, unitId: input.unitId, roles: input.roles },
    });
    return { id };
  });
}

export async function listUsers(db: Db, admin: SessionUser, f: { q?: string; unitId?: number; cursor?: number; limit: number }) {
  const rows = await db.query<{ id: number; username: string; displayName: string; unitId: number; unitName: string; regionCode: string; roles: Role[]; disabled: boolean; lastLoginAt: Date | null; totpEnabled: boolean }>(
    `select u.id, u.username, u.display_name as "displayName", u.unit_id as "unitId", un.name as "unitName",
            un.region_code as "regionCode", u.roles, u.disabled, u.last_login_at as "lastLoginAt",
            u.totp_enabled_at is not null as "totpEnabled"
     from users u join units un on un.id = u.unit_id
     where un.region_code like $1 || '%'
       and ($2::text is null or u.username ilike '%' || $2 || '%' or u.display_name ilike '%' || $2 || '%')
       and ($3::bigint is null or u.unit_id = $3)
       and ($4::bigint is null or u.id > $4)
     order by u.id limit $5`,
    [admin.unitRegionCode, f.q ?? null, f.unitId ?? null, f.cursor ?? null, f.limit + 1],
  );
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? String(items[items.length - 1].id) : null };
}

async function loadManagedUser(db: Db, admin: SessionUser, id: number) {
  const [u] = await db.query<{ id: number; username: string; region_code: string }>(
    'select u.id, u.username, un.region_code from users u join units un on un.id = u.unit_id where u.id = $1',
    [id],
  );
  if (!u || !inSubtree(u.region_code, admin.unitRegionCode)) throw new AppError('NOT_FOUND');
  return u;
}

/** Disabling a user ends all their sessions at once. */
export async function setUserDisabled(db: Db, admin: SessionUser, id: number, disabled: boolean) {
  const u = await loadManagedUser(db, admin, id);
  if (u.id === admin.id && disabled) throw new AppError('FORBIDDEN', undefined, '不能停用自己的账号');
  await db.tx(async (q) => {
    await q.query('update users set disabled = $2 where id = $1', [id, disabled]);
    if (disabled) await q.query('delete from sessions where user_id = $1', [id]);
    await audit(q, actorOf(admin), { action: disabled ? 'admin.user_disabled' : 'admin.user_enabled', entity: 'user', entityId: id });
  });
  return { id, disabled };
}

export async function resetPassword(db: Db, admin: SessionUser, id: number, password: string) {
  const u = await loadManagedUser(db, admin, id);
  if (!isStrongPassword(password, u.username)) throw new AppError('PASSWORD_WEAK', [{ path: 'password', message: '密码强度不足' }]);
  const passwordHash = await hashPassword(password);
  await db.tx(async (q) => {
    await q.query('update users set password_hash = $2, password_changed_at = now() where id = $1', [id, passwordHash]);
    await q.query('delete from sessions where user_id = $1', [id]);
    await audit(q, actorOf(admin), { action: 'admin.password_reset', entity: 'user', entityId: id });
  });
  return { id };
}

/** Clears a user's second factor (a lost phone) and ends their sessions; they enrol again after login. */
export async function resetTotp(db: Db, admin: SessionUser, id: number) {
  await loadManagedUser(db, admin, id);
  await db.tx(async (q) => {
    await q.query('update users set totp_secret_enc = null, totp_pending_enc = null, totp_enabled_at = null where id = $1', [id]);
    await q.query('delete from sessions where user_id = $1', [id]);
    await audit(q, actorOf(admin), { action: 'admin.totp_reset', entity: 'user', entityId: id });
  });
  return { id };
}

export async function setUserRoles(db: Db, admin: SessionUser, id: number, roles: Role[]) {
  await loadManagedUser(db, admin, id);
  await db.tx(async (q) => {
    await q.query('update users set roles = $2 where id = $1', [id, roles]);
    await audit(q, actorOf(admin), { action: 'admin.roles_changed', entity: 'user', entityId: id, detail: { roles } });
  });
  return { id, roles };
}
