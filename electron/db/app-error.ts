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
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `内部错误：${detail}` };
}
