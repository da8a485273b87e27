// WeChat's value rules for subscribe-message fields, applied before any send.
import fc from 'fast-check';
import { dataProblems, fieldType, fitField, subscribeData, SubscribeFieldError } from '../../server/core/subscribe';

describe('fitField', () => {
  it('takes a type from the key', () => {
    expect(fieldType('thing12')).toBe('thing');
    expect(fieldType('character_string3')).toBe('character_string');
    expect(fieldType('phrase1')).toBe('phrase');
  });

  it('shortens a thing to 20 characters (ending in …), counting characters not bytes', () => {
    expect(fitField('thing2', '幸福里社区1栋1单元邻长自荐')).toBe('幸福里社区1栋1单元邻长自荐');
    const long = '最美邻长评选：第一片第一组第一邻的邻长候选人';
    const fitted = fitField('thing2', long);
    expect([...fitted]).toHaveLength(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect([...fitField('thing1', '😀'.repeat(30))]).toHaveLength(20);
  });

  it('takes a phrase of up to 5 Chinese characters only', () => {
    expect(fitField('phrase1', '已通过')).toBe('已通过');
    expect(fitField('phrase1', '已入围')).toBe('已入围');
    for (const bad of ['邀请金到账提醒', 'OK', '已通过!', '', '已 通过']) expect(() => fitField('phrase1', bad)).toThrow(SubscribeFieldError);
  });

  it('checks numbers, strings, dates, times, names and amounts', () => {
    expect(fitField('number1', 27)).toBe('27');
    expect(fitField('number1', '3.5')).toBe('3.5');
    expect(() => fitField('number1', '27号')).toThrow(SubscribeFieldError);
    expect(fitField('character_string3', 'MQ-20261207-0001')).toBe('MQ-20261207-0001');
    expect(() => fitField('character_string3', '民情20261207')).toThrow(SubscribeFieldError);
    expect(() => fitField('character_string3', 'x'.repeat(33))).toThrow(SubscribeFieldError);
    expect(fitField('date4', '2026年12月7日')).toBe('2026年12月7日');
    expect(fitField('date4', '2026年12月7日 15:01')).toBe('2026年12月7日 15:01');
    expect(() => fitField('date4', '2026-12-07')).toThrow(SubscribeFieldError);
    expect(fitField('time5', '15:01')).toBe('15:01');
    expect(fitField('time5', '2026年12月7日 15:01~2026年12月7日 17:00')).toBe('2026年12月7日 15:01~2026年12月7日 17:00');
    expect(fitField('name6', '张三')).toBe('张三');
    expect(fitField('name6', '欧阳'.repeat(6))).toHaveLength(10);
    expect(fitField('amount7', '¥12.50')).toBe('¥12.50');
    expect(() => fitField('amount7', '12.50')).toThrow(SubscribeFieldError);
    expect(() => fitField('unknown1', 'x')).toThrow(SubscribeFieldError);
    expect(() => fitField('thing1', '   ')).toThrow(SubscribeFieldError);
  });

  it('whatever the text, a thing comes out non-empty and within 20 characters, or is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (text) => {
        try {
          const v = fitField('thing1', text);
          expect(v.length).toBeGreaterThan(0);
          expect([...v].length).toBeLessThanOrEqual(20);
          expect(dataProblems({ thing1: { value: v } })).toEqual([]);
        } catch (e) {
          expect(e).toBeInstanceOf(SubscribeFieldError);
          expect(text.trim()).toBe('');
        }
      }),
    );
  });
});

describe('subscribeData and dataProblems', () => {
  it('builds a message the rules accept, and names each field that breaks them', () => {
    const data = subscribeData({ phrase1: '已通过', thing2: '幸福里社区1栋1单元邻长自荐', thing3: '感谢您的参与' });
    expect(dataProblems(data)).toEqual([]);
    // Never throws inside an action: what cannot be fitted stays, and is named as a problem.
    const unfit = subscribeData({ phrase1: 'Done', thing2: '' });
    expect(unfit).toEqual({ phrase1: { value: 'Done' }, thing2: { value: '' } });
    expect(dataProblems(unfit)).toEqual(['phrase1: 5个以内汉字', 'thing2: 20个以内字符']);
    expect(dataProblems({ phrase1: { value: 'OK了' }, thing2: { value: '一'.repeat(25) }, thing3: { value: '好' } })).toEqual([
      'phrase1: 5个以内汉字',
      'thing2: 20个以内字符',
    ]);
  });
});
