// Placeholder until the cards PDF lands (being written in parallel); replaced wholesale.
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import type { NodeDoc } from '../../domain/docs';

export async function renderCards(_ctx: Ctx, _node: NodeDoc): Promise<{ url: string; cards: number; pages: number }> {
  throw new AppError('INTERNAL', '联系卡打印暂不可用');
}
