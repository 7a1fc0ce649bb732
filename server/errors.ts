/** Every error the API returns: a stable code, its HTTP status and the message users read. */
export const ERRORS = {
  VALIDATION_FAILED: [400, '提交的内容有误，请按提示修改'],
  INVALID_JSON: [400, '请求内容不是有效的 JSON'],
  UNAUTHENTICATED: [401, '请先登录'],
  SESSION_EXPIRED: [401, '登录已过期，请重新登录'],
  LOGIN_FAILED: [401, '用户名或密码错误；连续失败 5 次将锁定 15 分钟'],
  LOGIN_LOCKED: [429, '登录失败次数过多，已临时锁定，请 15 分钟后再试'],
  TOTP_REQUIRED: [401, '请输入手机验证器中的 6 位动态码'],
  TOTP_INVALID: [401, '动态码错误或已使用过；连续失败 5 次将锁定 15 分钟'],
  FORBIDDEN: [403, '您没有执行此操作的权限'],
  CROSS_SITE_REQUEST: [403, '请求来自其他网站，已被拒绝；请直接在本平台页面中操作'],
  NOT_FOUND: [404, '未找到相关记录'],
  TIP_NOT_FOUND: [404, '未找到该线索，请核对查询码和密钥'],
  ROUTE_NOT_FOUND: [404, '接口不存在'],
  METHOD_NOT_ALLOWED: [405, '不支持该请求方法'],
  TIP_INVALID_TRANSITION: [409, '线索当前状态不允许此操作'],
  HAZARD_INVALID_TRANSITION: [409, '隐患当前状态不允许此操作'],
  ARTICLE_INVALID_TRANSITION: [409, '文章当前状态不允许此操作'],
  CASE_STAGE_ORDER: [409, '案件阶段须依次录入（立案、侦破、移送起诉、提起公诉、审判），每个阶段只录入一次'],
  CASE_ENTRY_CORRECTED: [409, '该条记录已被更正，请更正最新的一条'],
  TYPICAL_CASE_STATE: [409, '典型案例当前状态不允许此操作'],
  SUPERVISION_INVALID_TRANSITION: [409, '督导事项当前状态不允许此操作'],
  REPORT_SIGNED_OFF: [409, '报告已签发，内容已固定，不能再修改或重复签发'],
  CONFLICT: [409, '数据已存在或已被修改'],
  DUPLICATE_SOURCE_REF: [409, '已有相同来源、相同编号的线索：请先查看，确认不是同一件事后再登记'],
  USERNAME_TAKEN: [409, '用户名已被使用'],
  TOTP_ALREADY_ENABLED: [409, '两步验证已开启'],
  TOTP_NOT_STARTED: [409, '请先生成密钥并用手机验证器扫描'],
  TOTP_NOT_ENABLED: [409, '两步验证未开启'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容过大'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型'],
  IDEMPOTENCY_KEY_REUSED: [422, '同一个提交编号已用于不同的内容'],
  UNKNOWN_REGION: [422, '所选地区不存在'],
  IMPORT_INVALID: [422, '无法读取该文件：请使用下载的导入模板（.xlsx），不要改动表头和工作表名称'],
  UPLOAD_INVALID: [422, '附件无效、已被使用或数量超过 10 个'],
  UPLOAD_TYPE_NOT_ALLOWED: [422, '只能上传照片（JPG、PNG、WebP）、PDF 文件、录音（MP3、M4A、AMR）或 MP4 视频'],
  ATTACHMENT_UNREADABLE: [422, '图片文件已损坏，无法生成去除位置信息的副本'],
  DEADLINE_INVALID: [422, '办理时限无效：须晚于现在，且不晚于上级交办的时限'],
  DISPATCH_UNIT_INVALID: [422, '所选单位不在本单位辖区内，或不能承办此线索'],
  DISPATCH_ACCUSED_UNIT: [422, '线索反映的对象涉及该单位，不能交由其办理'],
  MERGE_TARGET_INVALID: [422, '不能并入该线索'],
  UNIT_INVALID: [422, '单位无效'],
  NO_OFFICE_ABOVE: [422, '未找到上一级专项办，无法报送要情'],
  CASE_RECOVERY_EXCEEDS: [422, '追赃挽损金额将超过涉案金额：如确属实，请说明理由'],
  CASE_TIP_NOT_FOUND: [422, '未找到该线索，或您无权查看'],
  TYPICAL_CASE_UNMASKED: [422, '文中仍有身份证号码、手机号码或银行卡号，请处理后再发布'],
  TOTP_CODE_WRONG: [422, '动态码不正确：请核对手机时间是否准确，并输入验证器当前显示的 6 位数字'],
  PASSWORD_WRONG: [422, '当前密码不正确'],
  PASSWORD_WEAK: [422, '密码至少 10 位，且包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名'],
  TOO_MANY_REQUESTS: [429, '操作过于频繁，请稍后再试'],
  UPLOADS_CLIENT_FULL: [429, '您上传的附件已达上限：请先提交举报（已上传的附件会一并保存），再补充更多证据'],
  UPLOADS_FULL: [507, '附件暂存空间已满，暂时无法上传。您可以先提交不带附件的举报，稍后再补充证据'],
  DISK_LOW: [507, '服务器存储空间不足，暂时无法上传附件。您可以先提交不带附件的举报，稍后再补充证据'],
  INTERNAL: [500, '服务器内部错误，请稍后再试'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  path: string;
  message: string;
  /** Where the record the field conflicts with can be opened (a 409 duplicate), a console path. */
  link?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message?: string,
  ) {
    super(message ?? ERRORS[code][1]);
    this.status = ERRORS[code][0];
  }
}

/**
 * A unique constraint refused a write (PostgreSQL 23505): always 409 CONFLICT, never 500. Constraints
 * that guard a form field name it, so the form can show the message beside the field.
 */
export const UNIQUE_FIELDS: Record<string, FieldError> = {
  units_region_code_name_key: { path: 'name', message: '该地区已有同名单位' },
  users_username_key: { path: 'username', message: '用户名已被使用' },
  criminal_cases_case_no_key: { path: 'caseNo', message: '该案件编号已登记' },
  enforcement_records_doc_no_key: { path: 'docNo', message: '本单位已登记该文书编号' },
};

export function uniqueViolation(err: unknown): AppError | null {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  if (!e || e.code !== '23505') return null;
  const field = typeof e.constraint === 'string' ? UNIQUE_FIELDS[e.constraint] : undefined;
  return new AppError('CONFLICT', field ? [field] : undefined, field ? `${field.message}，请修改后再提交` : '数据已存在，请勿重复提交');
}

export const errorBody = (code: ErrorCode, message?: string, fields?: FieldError[]) => ({
  error: { code, message: message ?? ERRORS[code][1], ...(fields ? { fields } : {}) },
});

// Fields of a PostgreSQL error (pg and PGlite alike) that name the schema, never the data.
const DB_ERROR_FIELDS = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType'] as const;

const isDbError = (e: Record<string, unknown>) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e;

/**
 * An error as it may be logged. A database error carries the values it was given: PGlite attaches
 * the query's `params`, `detail` holds "Key (x)=(…)" or the failing row, and data-exception
 * messages (SQLSTATE class 22) quote the bad input. Reporters' data must never reach a log, so a
 * database error keeps only its code and the names of the schema objects involved.
 */
export function loggableError(err: Error): { type: string; message: string; stack: string; [key: string]: unknown } {
  const e = err as Error & Record<string, unknown>;
  const cause = e.cause instanceof Error ? { cause: loggableError(e.cause) } : {};
  if (!isDbError(e)) return { type: e.name, message: e.message, stack: e.stack ?? '', ...(typeof e.code === 'string' ? { code: e.code } : {}), ...cause };
  const names = new Set(DB_ERROR_FIELDS.slice(3).map((f) => e[f]).filter((v) => typeof v === 'string'));
  let message = e.message.replace(/"([^"]*)"/g, (q, inner: string) => (names.has(inner) ? q : '"…"'));
  if ((e.code as string).startsWith('22')) message = message.replace(/:.*$/s, ': …');
  const stack = `${e.name}: ${message}\n${(e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
  const safe: { type: string; message: string; stack: string; [key: string]: unknown } = { type: e.name, message, stack };
  for (const f of DB_ERROR_FIELDS) if (typeof e[f] === 'string') safe[f] = e[f];
  return { ...safe, ...cause };
}
