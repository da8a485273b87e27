// The resident forms' own checks: Chinese messages before sending, and a phone is only
// ever sent together with the consent flag.
import { checkEdit } from '../../src/account/parts/editRules';
import type { MyHousehold } from '../../src/account/parts/visitItems';
import { checkApply } from '../../src/register/parts/applyRules';
import { checkBind } from '../../src/scan/bindRules';

const draft = { building: '1栋1单元', room: '302', people: 3, phone: '', consent: false };

describe('bind form', () => {
  test('sends building, room and people; no phone unless given with consent', () => {
    expect(checkBind('u1', ['1栋1单元'], draft)).toEqual({ ok: true, input: { unitId: 'u1', building: '1栋1单元', room: '302', people: 3 } });
    // Ticking consent without a phone sends no phone and no consent.
    expect(checkBind('u1', ['1栋1单元'], { ...draft, consent: true })).toEqual({ ok: true, input: { unitId: 'u1', building: '1栋1单元', room: '302', people: 3 } });
    expect(checkBind('u1', ['1栋1单元'], { ...draft, phone: '137 0000 1111', consent: true })).toMatchObject({
      ok: true,
      input: { phone: '13700001111', phoneConsent: true },
    });
  });

  test.each([
    [{ building: '' }, '请选择您家所在的楼栋单元'],
    [{ building: '9栋' }, '请选择您家所在的楼栋单元'],
    [{ room: ' ' }, '请填写门牌号'],
    [{ room: '3楼02' }, '门牌号只能是数字、字母或短横线'],
    [{ people: 0 }, '家庭人数应在1到20人之间'],
    [{ people: 21 }, '家庭人数应在1到20人之间'],
    [{ phone: '1370000' }, '手机号应为11位数字'],
    [{ phone: '13700001111' }, '同意邻长查看我的手机号'],
  ])('%o is refused with a Chinese message', (patch, message) => {
    const r = checkBind('u1', ['1栋1单元'], { ...draft, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('household edit', () => {
  const h = { people: 3, phone: '13900009999' } as MyHousehold;
  const same = { people: 3, phone: '13900009999', consent: false };
  test('nothing changed sends nothing; an emptied phone deletes it', () => {
    expect(checkEdit(h, same)).toEqual({ ok: true, input: null });
    expect(checkEdit(h, { ...same, phone: '' })).toEqual({ ok: true, input: { clearPhone: true } });
    expect(checkEdit(h, { ...same, people: 4 })).toEqual({ ok: true, input: { people: 4 } });
  });
  test('a new phone needs consent', () => {
    expect(checkEdit(h, { ...same, phone: '13800001234' })).toMatchObject({ ok: false });
    expect(checkEdit(h, { ...same, phone: '13800001234', consent: true })).toEqual({ ok: true, input: { phone: '13800001234', phoneConsent: true } });
  });
});

describe('apply form', () => {
  test('自荐 needs a phone, 推荐 does not', () => {
    expect(checkApply('u1', 'self', { name: '赵热心', phone: '', story: '热心' })).toMatchObject({ ok: false, message: '请填写您的手机号，方便社区联系您' });
    expect(checkApply('u1', 'recommend', { name: '钱大姐', phone: '', story: '热心' })).toEqual({
      ok: true,
      call: { action: 'recommend', input: { unitId: 'u1', name: '钱大姐', story: '热心' } },
    });
    expect(checkApply('u1', 'self', { name: '赵热心', phone: '13711112222', story: 'x'.repeat(501) })).toMatchObject({ ok: false, message: '自我介绍最多500个字' });
  });
});
