import { z } from 'zod';

/**
 * Plain Chinese for the checks a schema states without a message of its own. zod's zh-CN locale says
 * "数值过大：期望 string <=200 字符" for a title too long; a clerk should read "不能超过 200 个字" (session 15's walk:
 * the supervision title's API answer). A message written on the check itself ("标题不能超过 60 字") still wins; codes not
 * handled here fall through to the locale.
 */
const KIND: Record<string, string> = { string: '文字', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', array: '列表', object: '一组字段', date: '日期' };

export const plainMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive === false ? `须小于 ${max}` : `不能大于 ${max}`;
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive === false ? `须大于 ${min}` : `不能小于 ${min}`;
      return undefined;
    }
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return KIND[issue.expected] ? `应为${KIND[issue.expected]}` : undefined;
    default:
      return undefined;
  }
};

/** Installs the locale and the plain messages over it: once, when the app module loads. */
export function configureValidationMessages() {
  z.config(z.locales.zhCN());
  z.config({ customError: plainMessage });
}
