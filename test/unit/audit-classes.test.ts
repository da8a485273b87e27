// Every action of every function is classified for the audit log (contracts/audited.ts): a new
// action that is in neither list fails here, so it cannot be left out of the log by forgetting.
import { FUNCTIONS } from '../../contracts';
import { AUDITED, NOT_AUDITED } from '../../contracts/audited';

const actions = Object.entries(FUNCTIONS).flatMap(([fn, contract]) => Object.keys(contract).map((a) => `${fn}.${a}`));

describe('audit classes', () => {
  it('classifies every action exactly once', () => {
    const audited = new Set(Object.keys(AUDITED));
    const plain = new Set(NOT_AUDITED);
    expect(actions.filter((a) => !audited.has(a) && !plain.has(a))).toEqual([]);
    expect(actions.filter((a) => audited.has(a) && plain.has(a))).toEqual([]);
    expect(NOT_AUDITED.length).toBe(plain.size);
  });

  it('names no action that does not exist', () => {
    const known = new Set(actions);
    expect([...Object.keys(AUDITED), ...NOT_AUDITED].filter((a) => !known.has(a))).toEqual([]);
  });
});
