import { account } from '../../../contracts/account';
import { defineFunction } from '../../core/router';
import { maskPhone } from '../../core/mask';

export const accountFunction = defineFunction('account', account, {
  async ping() {
    return { pong: true as const };
  },

  async whoami(ctx) {
    if (!ctx.caller.openid) {
      return { signedIn: false, user: null, roles: ['anonymous' as const], grants: [], household: null };
    }
    const user = await ctx.user();
    return {
      signedIn: true,
      user: user
        ? { name: user.name, avatar: user.avatar, phoneMasked: user.phone ? maskPhone(user.phone) : undefined }
        : null,
      roles: await ctx.roles(),
      grants: user?.grants ?? [],
      household: user?.household ?? null,
    };
  },
});
