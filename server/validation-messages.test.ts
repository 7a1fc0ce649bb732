import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configureValidationMessages } from './validation-messages.ts';

describe('validation messages in plain Chinese', () => {
  it('says what is wrong with a field in words a clerk reads, and a message written on the check still wins', () => {
    configureValidationMessages();
    const s = z.object({
      title: z.string().max(3), list: z.array(z.number()).max(1), n: z.number().max(5), two: z.string().min(2), empty: z.string().min(1),
      missing: z.string(), num: z.number(), own: z.string().max(2, '标题不能超过 2 字'), positive: z.number().positive(),
    });
    const r = s.safeParse({ title: 'abcd', list: [1, 2], n: 9, two: 'a', empty: '', num: 'x', own: 'abc', positive: 0 });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      title: '不能超过 3 个字', list: '最多 1 项', n: '不能大于 5', two: '至少 2 个字', empty: '不能为空',
      missing: '必填', num: '应为数字', own: '标题不能超过 2 字', positive: '须大于 0',
    });
  });
});
