// Placeholder until the roster template lands (being written in parallel); replaced wholesale.
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';

export async function rosterTemplate(_ctx: Ctx): Promise<string> {
  throw new AppError('INTERNAL', '模板暂不可用');
}
