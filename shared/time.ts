/** Today's date in China ('YYYY-MM-DD'): one time zone, UTC+8, no daylight saving. Dates users pick are Beijing dates. */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
