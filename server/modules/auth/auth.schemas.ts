import { z } from 'zod';
import { ROLE_CODES, UNIT_KIND_CODES } from '../../../shared/domain.ts';
import { oneOf, timestamp } from '../../schemas.ts';

/** The signed-in staff member (SessionUser), as the console sees them. */
export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(oneOf(ROLE_CODES)),
  unitId: z.number(),
  unitKind: oneOf(UNIT_KIND_CODES),
  unitName: z.string(),
  unitRegionCode: z.string(),
});
export type Me = z.output<typeof Me>;
export const MeBody = z.object({ user: Me });
export type MeBody = z.output<typeof MeBody>;

export const TotpStatus = z.object({ enabled: z.boolean(), enabledAt: timestamp.nullable() });
export type TotpStatus = z.output<typeof TotpStatus>;
/** The new secret, shown once as text and as an otpauth:// URI for the QR code. */
export const TotpSetup = z.object({ secret: z.string(), uri: z.string() });
export type TotpSetup = z.output<typeof TotpSetup>;
