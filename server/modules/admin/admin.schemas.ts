import { z } from 'zod';
import { ROLE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { nextCursor, oneOf, timestamp } from '../../schemas.ts';

export const AdminUnit = z.object({
  id: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.number().meta({ description: '地区层级：1 省 … 4 乡镇' }),
  kind: oneOf(UNIT_KIND_CODES),
  name: z.string(),
});
export type AdminUnit = z.output<typeof AdminUnit>;
/** Units by region code, a keyset page ("regionCode:id"). */
export const AdminUnitPage = z.object({ items: z.array(AdminUnit), nextCursor });

export const AdminUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  regionCode: z.string(),
  roles: z.array(oneOf(ROLE_CODES)),
  disabled: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  totpEnabled: z.boolean(),
});
export type AdminUser = z.output<typeof AdminUser>;
export const AdminUserPage = z.object({ items: z.array(AdminUser), nextCursor });

export const UserDisabled = z.object({ id: z.number(), disabled: z.boolean() });
export const UserRoles = z.object({ id: z.number(), roles: z.array(oneOf(ROLE_CODES)) });
