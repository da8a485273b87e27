// Every action × every role: allowed, or refused with UNAUTHENTICATED (no identity) or
// FORBIDDEN (identity without the role). The roles come from the one declaration in contracts/.
import { FUNCTIONS } from '../../contracts';
import { ROLES, type Role } from '../../contracts/roles';
import { ACTION_EXAMPLES } from './examples';
import { demoRuntime, OPENID_BY_ROLE } from './runtime';

const actions = Object.entries(FUNCTIONS).flatMap(([fn, contract]) =>
  Object.entries(contract).map(([action, def]) => ({ fn, action, def, allowed: def.roles as readonly Role[] })),
);

describe('authorization matrix', () => {
  it('has an example input for every action', () => {
    expect(actions.map((a) => `${a.fn}.${a.action}`).filter((k) => !(k in ACTION_EXAMPLES))).toEqual([]);
  });

  const cases = actions.flatMap((a) => ROLES.map((role) => ({ ...a, role })));
  it.each(cases)('$fn.$action as $role', async ({ fn, action, def, allowed, role }) => {
    const runtime = demoRuntime();
    try {
      const reply = await runtime.call(fn, { action, ...ACTION_EXAMPLES[`${fn}.${action}`] }, OPENID_BY_ROLE[role]);
      const permitted = allowed.includes(role) || (role !== 'anonymous' && allowed.includes('resident'));
      if (permitted) {
        if (!reply.ok) expect(['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_INPUT']).not.toContain(reply.error.code);
        // What left through the compiled projection is exactly what zod itself would allow.
        else expect(def.output.parse(reply.data)).toEqual(reply.data);
      } else {
        expect(reply).toEqual({
          ok: false,
          error: { code: role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', message: expect.any(String) },
        });
      }
    } finally {
      runtime.close();
    }
  });
});
