// A valid input for every action, so the authorization matrix can call each one past its
// schema. Every action in contracts/ must have one here (the matrix test checks). Ids are
// the demo 社区's (server/seed/demo.ts): u1 is in g1, which is in a1, in c1.
export const ACTION_EXAMPLES: Record<string, Record<string, unknown>> = {
  'account.ping': {},
  'account.whoami': {},
  'account.claim': { code: '12345678' },

  'card.get': { unitId: 'u1' },
  'card.contact': { unitId: 'u1', who: 'neighbourLead' },
  'card.bind': { unitId: 'u1', building: '1栋1单元', room: '302', people: 2 },

  'household.mine': {},
  'household.update': { people: 3 },
  'household.remove': {},

  'ledger.households': { unitId: 'u1' },
  'ledger.household': { id: 'h1' },
  'ledger.visit': { householdId: 'h1', met: true, chatted: true, registered: true, noticeGiven: true, problemsCollected: false },
  'ledger.summary': { nodeId: 'u1' },

  'register.apply': { unitId: 'u2', name: '周自荐', phone: '13900005555', story: '我退休在家，时间充裕，愿意为邻居服务。' },
  'register.recommend': { unitId: 'u2', name: '吴热心', story: '吴阿姨常年帮邻居收快递，大家都信任她。' },
  'register.appoint': { unitId: 'u3', name: '郑指定', phone: '13900006666' },
  'register.mine': {},
  'register.pending': {},
  'register.review': { id: 'no-such-application', approve: true },

  'roster.tree': { communityId: 'c1' },
  'roster.template': {},
  'roster.import': { fileId: 'local:uploads/missing.xlsx' },
  'roster.cards': { nodeId: 'g1' },
  'roster.history': { nodeId: 'u1' },
  'roster.markAway': { nodeId: 'u3', status: 'away', reason: '外出务工两个月' },
  'roster.succeed': { nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出务工' },
  'roster.invite': { nodeId: 'u3' },
  'roster.inactive': {},
};
