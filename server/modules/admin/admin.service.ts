import { sql, type Db, type Queryable } from '../../db/client.ts';
import { page } from '../../db/page.ts';
import { AppError } from '../../errors.ts';
import type { Role, UnitKind } from '../../../shared/domain.ts';
import { audit } from '../audit/audit.service.ts';
import type { SessionUser } from '../auth/auth.service.ts';
import { hashPassword, isStrongPassword } from '../auth/passwords.ts';
import { inJurisdiction, inSubtree, jurisdictionSql, subtreeSql } from '../access/jurisdiction.ts';
import { findRegion } from '../regions/regions.repository.ts';

const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });

/** Admins manage what lies in their own unit's region subtree. */
function assertInScope(admin: SessionUser, regionCode: string) {
  if (!inJurisdiction(admin, regionCode)) throw new AppError('NOT_FOUND');
}

export async function createUnit(db: Db, admin: SessionUser, input: { regionCode: string; kind: UnitKind; name: string }) {
  if (!(await findRegion(db, input.regionCode))) throw new AppError('UNKNOWN_REGION', [{ path: 'regionCode', message: '地区不存在' }]);
  assertInScope(admin, input.regionCode);
  return db.tx(async (q) => {
    // A duplicate name is the unique constraint's to refuse (409 on `name`, errors.ts), race-free.
    const [{ id }] = await q.query<{ id: number }>(
      sql`insert into units (region_code, kind, name) values (${input.regionCode}, ${input.kind}, ${input.name}) returning id`,
    );
    await audit(q, actorOf(admin), { action: 'admin.unit_created', entity: 'unit', entityId: id, detail: input });
    return { id };
  });
}

export interface UnitPageQuery {
  /** Narrows the list to a region below the user's own (ignored when outside it). */
  regionPrefix?: string;
  /** "regionCode:id" of the last unit of the previous page. */
  cursor?: string;
  limit: number;
  /** Leaves this unit out (a unit never dispatches to itself). */
  exceptUnitId?: number;
}

/** Units in the user's region subtree by region code, a page at a time (keyset on region code and id). */
export async function unitsInJurisdiction(q: Queryable, user: SessionUser, f: UnitPageQuery) {
  const narrow = f.regionPrefix && inSubtree(user.unitRegionCode, f.regionPrefix) ? subtreeSql(f.regionPrefix, 'u.region_code') : sql`true`;
  const [afterRegion, afterId] = f.cursor ? [f.cursor.slice(0, f.cursor.indexOf(':')), Number(f.cursor.slice(f.cursor.indexOf(':') + 1))] : [null, null];
  const rows = await q.query<{ id: number; regionCode: string; regionName: string; level: number; kind: UnitKind; name: string }>(
    sql`select u.id, u.region_code as "regionCode", r.name as "regionName", r.level, u.kind, u.name
        from units u join regions r on r.code = u.region_code
        where ${jurisdictionSql(user, 'u.region_code')} and ${narrow}
          and (${f.exceptUnitId ?? null}::bigint is null or u.id <> ${f.exceptUnitId ?? null})
          and (${afterRegion}::text is null or (u.region_code, u.id) > (${afterRegion}::text, ${afterId}::bigint))
        order by u.region_code, u.id limit ${f.limit + 1}`,
  );
  return page(rows, f.limit, (u) => `${u.regionCode}:${u.id}`);
}

export const listUnits = (db: Db, admin: SessionUser, f: UnitPageQuery) => unitsInJurisdiction(db, admin, f);

export async function findUnit(q: Queryable, id: number) {
  const [u] = await q.query<{ id: number; region_code: string; kind: UnitKind; name: string }>(
    sql`select id, region_code, kind, name from units where id = ${id}`,
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
  if (!unit || (admin && !inJurisdiction(admin, unit.region_code))) {
    throw new AppError('UNIT_INVALID', [{ path: 'unitId', message: '单位不存在或不在您的管理范围内' }]);
  }
  if (!isStrongPassword(input.password, input.username)) throw new AppError('PASSWORD_WEAK', [{ path: 'password', message: '密码强度不足' }]);
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (q) => {
    const dup = await q.query(sql`select 1 from users where lower(username) = lower(${input.username})`);
    if (dup.length) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: '用户名已被使用' }]);
    const [{ id }] = await q.query<{ id: number }>(
      sql`insert into users (username, display_name, unit_id, roles, password_hash)
          values (${input.username}, ${input.displayName}, ${input.unitId}, ${input.roles}, ${passwordHash}) returning id`,
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
  // The search text is matched literally, its own % and _ included.
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
  const rows = await db.query<{ id: number; username: string; displayName: string; unitId: number; unitName: string; regionCode: string; roles: Role[]; disabled: boolean; lastLoginAt: Date | null; totpEnabled: boolean }>(
    sql`select u.id, u.username, u.display_name as "displayName", u.unit_id as "unitId", un.name as "unitName",
               un.region_code as "regionCode", u.roles, u.disabled, u.last_login_at as "lastLoginAt",
               u.totp_enabled_at is not null as "totpEnabled"
        from users u join units un on un.id = u.unit_id
        where ${jurisdictionSql(admin, 'un.region_code')}
          and (${like}::text is null or u.username ilike ${like} or u.display_name ilike ${like})
          and (${f.unitId ?? null}::bigint is null or u.unit_id = ${f.unitId ?? null})
          and (${f.cursor ?? null}::bigint is null or u.id > ${f.cursor ?? null})
        order by u.id limit ${f.limit + 1}`,
  );
  return page(rows, f.limit, (u) => String(u.id));
}

async function loadManagedUser(db: Db, admin: SessionUser, id: number) {
  const [u] = await db.query<{ id: number; username: string; region_code: string }>(
    sql`select u.id, u.username, un.region_code from users u join units un on un.id = u.unit_id where u.id = ${id}`,
  );
  if (!u || !inJurisdiction(admin, u.region_code)) throw new AppError('NOT_FOUND');
  return u;
}

/** Disabling a user ends all their sessions at once. */
export async function setUserDisabled(db: Db, admin: SessionUser, id: number, disabled: boolean) {
  const u = await loadManagedUser(db, admin, id);
  if (u.id === admin.id && disabled) throw new AppError('FORBIDDEN', undefined, '不能停用自己的账号');
  await db.tx(async (q) => {
    await q.query(sql`update users set disabled = ${disabled} where id = ${id}`);
    if (disabled) await q.query(sql`delete from sessions where user_id = ${id}`);
    await audit(q, actorOf(admin), { action: disabled ? 'admin.user_disabled' : 'admin.user_enabled', entity: 'user', entityId: id });
  });
  return { id, disabled };
}

export async function resetPassword(db: Db, admin: SessionUser, id: number, password: string) {
  const u = await loadManagedUser(db, admin, id);
  if (!isStrongPassword(password, u.username)) throw new AppError('PASSWORD_WEAK', [{ path: 'password', message: '密码强度不足' }]);
  const passwordHash = await hashPassword(password);
  await db.tx(async (q) => {
    await q.query(sql`update users set password_hash = ${passwordHash}, password_changed_at = now() where id = ${id}`);
    await q.query(sql`delete from sessions where user_id = ${id}`);
    await audit(q, actorOf(admin), { action: 'admin.password_reset', entity: 'user', entityId: id });
  });
  return { id };
}

/** Clears a user's second factor (a lost phone) and ends their sessions; they enrol again after login. */
export async function resetTotp(db: Db, admin: SessionUser, id: number) {
  await loadManagedUser(db, admin, id);
  await db.tx(async (q) => {
    await q.query(sql`update users set totp_secret_enc = null, totp_pending_enc = null, totp_enabled_at = null where id = ${id}`);
    await q.query(sql`delete from sessions where user_id = ${id}`);
    await audit(q, actorOf(admin), { action: 'admin.totp_reset', entity: 'user', entityId: id });
  });
  return { id };
}

/** Another administrator changes a user's roles: nobody grants themselves more (or other) powers. */
export async function setUserRoles(db: Db, admin: SessionUser, id: number, roles: Role[]) {
  await loadManagedUser(db, admin, id);
  if (id === admin.id) throw new AppError('FORBIDDEN', undefined, '不能修改自己的角色，请由其他管理员办理');
  await db.tx(async (q) => {
    await q.query(sql`update users set roles = ${roles} where id = ${id}`);
    await audit(q, actorOf(admin), { action: 'admin.roles_changed', entity: 'user', entityId: id, detail: { roles } });
  });
  return { id, roles };
}
