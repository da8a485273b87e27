// Cloud function `desk`: the 社区工作台 (see contracts/desk.ts).
import { desk } from '../../../contracts/desk';
import { defineFunction } from '../../core/router';
import { periodOf } from './period';
import { deskNode, summaryOf } from './summary';

export const deskFunction = defineFunction('desk', desk, {
  async summary(ctx, { nodeId, month }) {
    const node = await deskNode(ctx, nodeId);
    return summaryOf(ctx, node, periodOf('month', month, ctx.clock.now()));
  },
});
