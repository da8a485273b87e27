import { DEFAULT_MESSAGES, type ErrorCode } from '../../contracts/envelope';

/** The only error a handler throws on purpose; the router turns it into the envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const fail = (code: ErrorCode, message?: string): never => {
  throw new AppError(code, message);
};
