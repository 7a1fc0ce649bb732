/** The one typed way the web talks to the API; errors are parsed here, once. */
import type { ErrorBody, FieldError, Method, ResponseOf, Upload } from './routes.ts';

export type { FieldError };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
  /** The message for one field path, if the server gave one. */
  field(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

type Listener = (err: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();
/** The console listens here to send an expired session back to the login page. */
export const onUnauthorized = (l: Listener) => {
  unauthorizedListeners.add(l);
  return () => unauthorizedListeners.delete(l);
};

/**
 * Calls the API. The answer is typed by the route the path matches (web/api/routes.ts), e.g.
 * `api('GET', `/api/tips/${id}`)` is a TipDetail; a failure throws ApiError.
 */
export async function api<M extends Method, P extends string>(method: M, path: P, body?: unknown, headers: Record<string, string> = {}): Promise<ResponseOf<M, P>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const text = await res.text();
  const data = text ? safeJson(text) : null;
  if (!res.ok) {
    const e = (data as Partial<ErrorBody> | null)?.error;
    const err = new ApiError(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? '服务暂时不可用，请稍后再试', e?.fields ?? []);
    if (res.status === 401 && path !== '/api/auth/login') unauthorizedListeners.forEach((l) => l(err));
    throw err;
  }
  return data as ResponseOf<M, P>;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Uploads one file with progress (fetch has no upload progress; XHR does): the portal's evidence by default, or a staff upload route. */
export function uploadFile<T = Upload>(file: File, onProgress: (fraction: number) => void, url = '/api/public/uploads'): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const data = safeJson(xhr.responseText) as any;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data?.error?.code ?? 'UPLOAD', data?.error?.message ?? '上传失败，请重试'));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请重试'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

