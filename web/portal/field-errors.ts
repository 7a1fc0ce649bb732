import { ApiError } from '../api/client.ts';

/**
 * The portal's one way to read the server's field messages ({error:{fields:[{path,message}]}}):
 * each path is looked up in `fieldOf` (exactly, then by its first two segments, so
 * "reporter.onBehalfOf.name" and "attachmentIds.3" find their field); unknown paths are left out.
 */
export function serverFieldErrors<F extends string>(error: unknown, fieldOf: Record<string, F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const field = fieldOf[f.path] ?? fieldOf[f.path.split('.').slice(0, 2).join('.')] ?? fieldOf[f.path.split('.')[0]];
    if (field && !out[field]) out[field] = f.message;
  }
  return out;
}
