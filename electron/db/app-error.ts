import type { AppErrorPayload, ErrorCode } from '../../shared/contract';

/** An error whose message is fit to show the user as it is: Chinese, saying what and where. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  toPayload(): AppErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function toErrorPayload(error: unknown): AppErrorPayload {
  if (error instanceof AppError) return error.toPayload();
  // The system's own words are English and internal: the user gets a sentence instead.
  return { code: 'internal', message: '程序内部出错，这次操作没有完成，也没有改动数据。请重试；若一再出现，请重新启动清单工作台。' };
}
