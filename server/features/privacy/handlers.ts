// 我的信息: see, export and delete what is held about the caller (个人信息保护法).
import { privacy } from '../../../contracts/privacy';
import { maskPhone } from '../../core/mask';
import { defineFunction } from '../../core/router';
import { collectHeld, eraseBlocked, householdView, roleLabels } from './collect';
import { eraseAccount } from './erase';
import { exportHeld } from './export';

export const privacyFunction = defineFunction('privacy', privacy, {
  async mine(ctx) {
    const held = await collectHeld(ctx);
    const u = held.user;
    const h = held.household ? householdView(held.household, ctx.openid()) : null;
    return {
      account: u
        ? {
            name: u.name,
            ...(u.phone ? { phoneMasked: maskPhone(u.phone) } : {}),
            createdAt: u.createdAt,
            roles: roleLabels(u),
            honours: (u.honours ?? []).map(({ title, at }) => ({ title, at })),
          }
        : null,
      household: h
        ? { address: h.address, unitName: h.unitName, people: h.people, ...(h.phone ? { phoneMasked: maskPhone(h.phone) } : {}), members: h.members, ...(h.boundAt ? { boundAt: h.boundAt } : {}) }
        : null,
      visits: held.visits,
      reports: held.reports.map(({ id, number, categoryLabel, description, statusLabel, createdAt }) => ({ id, number, categoryLabel, description, statusLabel, createdAt })),
      votes: held.votes,
      redemptions: held.redemptions,
      applications: held.applications.map(({ kindLabel, unitName, statusLabel, createdAt }) => ({ kindLabel, unitName, statusLabel, createdAt })),
      messages: held.messages.length,
      truncated: held.truncated,
      eraseBlocked: eraseBlocked(u),
    };
  },

  async export(ctx) {
    return exportHeld(ctx, await collectHeld(ctx));
  },

  async erase(ctx) {
    return { erased: true as const, household: await eraseAccount(ctx) };
  },
});
