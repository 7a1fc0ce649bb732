/**
 * One page of a keyset-paginated list: the query fetched `limit + 1` rows, so a row past the page
 * says there is more, and the cursor names the last row shown. Lists never stop silently at a cap.
 */
export function page<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null };
}
