/**
 * China keeps one time zone, UTC+8, with no daylight saving (since 1991), so Beijing time is the instant
 * plus eight hours read as UTC: no time zone database needed, and the answer never depends on the zone the
 * browser, the phone or the server process is set to.
 */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Today's date in China ('YYYY-MM-DD'): one time zone, UTC+8, no daylight saving. Dates users pick are Beijing dates. */
export const chinaToday = (now = Date.now()) => new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Beijing wall-clock time as ISO text ('YYYY-MM-DDTHH:mm:ss.sss'), or null for what is no instant (or past the Date range). */
const beijingIso = (at: string | number | Date): string | null => {
  const wall = new Date((typeof at === 'string' ? Date.parse(at) : typeof at === 'number' ? at : at.getTime()) + BEIJING_OFFSET_MS);
  return Number.isNaN(wall.getTime()) ? null : wall.toISOString();
};

/**
 * An instant as Beijing reads it, 'YYYY-MM-DD HH:mm' — the one way the web and the exports show a date and
 * time (a staff laptop or an elder's phone left on UTC would otherwise show it eight hours off). Takes the
 * API's ISO text (it carries its zone, 'Z'), epoch milliseconds or a Date. A plain date ('YYYY-MM-DD') has no time of day and stays as
 * it is; text that is no instant comes back unchanged rather than as "Invalid Date".
 */
export function chinaDateTime(at: string | number | Date): string {
  if (typeof at === 'string' && PLAIN_DATE.test(at)) return at;
  return beijingIso(at)?.slice(0, 16).replace('T', ' ') ?? String(at);
}

/** The Beijing date ('YYYY-MM-DD') of an instant, for lists that show only the day something happened. */
export const chinaDate = (at: string | number | Date): string => {
  if (typeof at === 'string' && PLAIN_DATE.test(at)) return at;
  return beijingIso(at)?.slice(0, 10) ?? String(at);
};
