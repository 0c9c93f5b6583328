// The boundary: a request arriving from the renderer (over IPC or HTTP) is validated against the
// contract's schema before any handler sees it, and every outcome becomes an envelope.
import type { z } from 'zod';
import { CHANNEL_ACTIONS, CHANNELS, REQUEST_FIELD_NAMES, requestSchemas } from '../../shared/contract';
import type { Channel, Envelope } from '../../shared/contract';
import { AppError } from '../db/app-error';
import type { Handlers } from './handlers';

export function isChannel(name: string): name is Channel {
  return (CHANNELS as string[]).includes(name);
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length ? `“${issue.path.map((key) => REQUEST_FIELD_NAMES[String(key)] ?? String(key)).join('.')}”` : '请求';
      switch (issue.code) {
        case 'too_big':
          return `${where}太长（最多 ${String(issue.maximum)} 字）`;
        case 'too_small':
          return `${where}不能为空`;
        case 'invalid_type':
          return `${where}类型不对（应为 ${issue.expected}）`;
        case 'invalid_value':
          return `${where}取值不在允许范围内`;
        case 'unrecognized_keys':
          return `${where}含有不认识的字段 ${issue.keys.join('、')}`;
        default:
          return `${where}不正确`;
      }
    })
    .join('；');
}

/**
 * An unpaired surrogate cannot be stored as UTF-8 by the database nor written to the annex; say which field
 * holds one before any handler sees it. Other forbidden characters are the command's to refuse, with the cell named.
 */
function findUnpairedSurrogate(value: unknown, path: string[] = []): { field: string; position: number } | null {
  if (typeof value === 'string') {
    const position = [...value].findIndex((ch) => /^[\uD800-\uDFFF]$/u.test(ch)) + 1;
    return position > 0 ? { field: path.map((key) => REQUEST_FIELD_NAMES[key] ?? key).join('.') || '请求', position } : null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnpairedSurrogate(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export async function dispatch(handlers: Handlers, channel: string, request: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('bad_request', `没有名为“${channel}”的接口。`);
    const parsed = requestSchemas[channel].safeParse(request ?? {});
    if (!parsed.success) throw new AppError('bad_request', `请求参数不正确：${describeIssues(parsed.error.issues)}。`);
    const surrogate = findUnpairedSurrogate(parsed.data);
    if (surrogate) {
      throw new AppError(
        'bad_request',
        `“${surrogate.field}”的第 ${surrogate.position} 个字符是残缺的字符（不成对的代理项），无法保存，没有做任何改动。请删去它后再试。`,
      );
    }
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, data: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    // The system's own wording (English, internal names, the request echoed) stays in the log.
    console.error(`[${channel}]`, error);
    const action = isChannel(channel) ? CHANNEL_ACTIONS[channel] : '处理请求';
    return { ok: false, error: { code: 'internal', message: `${action}时程序内部出错，没有做任何改动。请重试；若一再出现，请重新启动清单工作台。` } };
  }
}
