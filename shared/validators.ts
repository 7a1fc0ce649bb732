/** Check digits and formats of Chinese identifiers, used by the API and the web forms alike. */

import { z } from 'zod';
import { chinaToday } from './time.ts';

export const MOBILE_RE = /^1[3-9]\d{9}$/;
export const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}$/;

export function isPhone(value: string): boolean {
  return MOBILE_RE.test(value) || LANDLINE_RE.test(value);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Resident identity card number (GB 11643-1999): 18 characters, a valid birth date, the ISO 7064 check. */
export function isIdCardNumber(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return ID_CHECK[sum % 11] === v[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Unified social credit code (GB 32100-2015): 18 characters from its alphabet, the mod-31 check. */
export function isUscc(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(v[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === v[17];
}

/** Builds the check character for 17 leading USCC characters (for factories and demo data). */
export function usccCheckChar(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * USCC_CHARS.indexOf(first17[i]), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Builds the check character for 17 leading ID-card digits. */
export function idCheckChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11];
}

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(0, 3) + '****' + digits.slice(-4) : '****';
}

export function maskIdNumber(id: string): string {
  return id.length >= 8 ? id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4) : '****';
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * A calendar date ('YYYY-MM-DD', a Beijing date) within bounds counted from the day it is checked:
 * no earlier than `past` days before today (or a fixed earliest date such as '1990-01-01'), no later
 * than `future` days after. 0001-01-01 and 9999-12-31 are typing slips, not dates to store.
 * Example: `boundedDate({ past: '1990-01-01', future: 0 }, '发生日期')` — not in the future.
 */
export function boundedDate({ past, future }: { past: number | string; future: number }, label = '日期') {
  return z.iso.date('日期格式应为 YYYY-MM-DD').superRefine((d, ctx) => {
    const today = chinaToday();
    const min = typeof past === 'string' ? past : addDays(today, -past);
    const max = addDays(today, future);
    if (d < min) ctx.addIssue({ code: 'custom', message: `${label}不能早于 ${min}` });
    else if (d > max) ctx.addIssue({ code: 'custom', message: future === 0 ? `${label}不能晚于今天` : `${label}不能晚于 ${max}` });
  });
}

/**
 * A moment (ISO date-time with its offset) from `past` days before now to `future` days after;
 * `past: 0` means it must lie ahead. Example: a dispatch deadline, `boundedDateTime({ past: 0, future: 366 }, '办理时限')`.
 */
export function boundedDateTime({ past, future }: { past: number; future: number }, label = '时间') {
  return z.iso.datetime({ offset: true, message: `${label}应为带时区的日期时间` }).superRefine((s, ctx) => {
    const t = Date.parse(s);
    const now = Date.now();
    if (t < now - past * DAY_MS) ctx.addIssue({ code: 'custom', message: past === 0 ? `${label}须晚于现在` : `${label}不能早于 ${past} 天前` });
    else if (t > now + future * DAY_MS) ctx.addIssue({ code: 'custom', message: `${label}不能晚于 ${future} 天后` });
  });
}
