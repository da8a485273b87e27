// A valid input for every action, so the authorization matrix can call each one past its
// schema. Every action in contracts/ must have one here (the matrix test checks). Ids are
// the demo 社区's (server/seed/demo.ts): u1 is in g1, which is in a1, in c1.
import { buildDemo } from '../../server/seed/demo';
import { DEMO_CAMPAIGN_ID } from '../../server/seed/campaign';

// The demo campaign (server/seed/campaign.ts) is voting; its candidate No. 1 is u1's 邻长.
const demoVote = buildDemo(0).vote;
const DEMO_CANDIDATE = demoVote.candidates[0]._id;
const FAR = (m: number) => Date.UTC(2099, m, 1);

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

  // 通知公告: u1 is under every demo publisher's node (u1 ⊂ g1 ⊂ a1 ⊂ c1).
  'notice.feed': {},
  'notice.get': { id: 'no-such-notice' },
  'notice.targets': {},
  'notice.publish': { scopeId: 'u1', title: '停水通知', body: '明天上午 9 点至 12 点 1 栋停水检修，请提前储水。' },
  'notice.update': { id: 'no-such-notice', pinned: true },
  'notice.withdraw': { id: 'no-such-notice' },
  'notice.published': {},

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
  'roster.markBack': { nodeId: 'u3' },
  'roster.succeed': { nodeId: 'u3', name: '郑接替', phone: '13900007777', reason: '原邻长外出务工' },
  'roster.setPhoto': { nodeId: 'u3', fileId: 'local:uploads/lead-u3.jpg' },
  'roster.invite': { nodeId: 'u3' },
  'roster.inactive': {},

  // 专属优惠: p1 (湘味小厨, 餐饮) is in c1, maintained by demo-admin, the demo clerk's counter; p1k1 is for all 三长.
  'perk.list': { category: 'dining' },
  'perk.get': { perkId: 'p1k1' },
  'perk.pass': { perkId: 'p1k1' },
  'perk.verify': { shortCode: '12345678' },
  'perk.myRedemptions': {},
  'perk.clerkRedemptions': {},
  'perk.partners': {},
  'perk.partner': { partnerId: 'p1' },
  'perk.savePartner': {
    partnerId: 'p1',
    name: '湘味小厨',
    category: 'dining',
    address: '岳塘区示范路18号',
    location: { lat: 27.8612, lng: 112.9531 },
    hours: '每天 10:00-22:00',
    phone: '0731-58100001',
    scopeId: 'c1',
  },
  'perk.setPartnerStatus': { partnerId: 'p9', status: 'active' },
  'perk.savePerk': {
    partnerId: 'p1',
    title: '新品尝鲜',
    description: '新菜上市，三长尝鲜价',
    eligibility: ['neighbourLead', 'groupLead', 'areaLead'],
    validFrom: Date.UTC(2026, 10, 30, 16),
    validTo: Date.UTC(2027, 0, 31, 16) - 1,
    limit: { count: 1, period: 'week' },
  },
  'perk.importTemplate': {},
  'perk.import': { fileId: 'local:uploads/missing.xlsx' },
  'perk.clerkInvite': { partnerId: 'p1', label: '店员小王' },
  'perk.removeClerk': { partnerId: 'p1', code: '12345678' },
  'perk.stats': {},

  'vote.save': {
    scopeNodeId: 'c1',
    title: '最美邻长评选',
    description: '评选身边的好邻长',
    nominateFrom: FAR(0),
    nominateUntil: FAR(1),
    voteFrom: FAR(1),
    voteUntil: FAR(2),
  },
  'vote.list': {},
  'vote.overview': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.announcements': {},
  'vote.campaign': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.candidate': { candidateId: DEMO_CANDIDATE },
  'vote.leaderboard': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.cast': { campaignId: DEMO_CAMPAIGN_ID, candidateId: DEMO_CANDIDATE, requestId: 'matrix-request-1' },
  'vote.recommend': { campaignId: DEMO_CAMPAIGN_ID, unitId: 'u8', story: '吴阿姨常年帮邻居收快递，大家都信任她。' },
  'vote.apply': { campaignId: DEMO_CAMPAIGN_ID, story: '我愿意继续为邻居们服务。' },
  'vote.nominate': { campaignId: DEMO_CAMPAIGN_ID, unitId: 'u9', story: '社区推荐：服务热情，群众口碑好。' },
  'vote.mine': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.nominations': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.review': { candidateId: 'no-such-candidate', approve: true },
  'vote.alerts': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.votes': { campaignId: DEMO_CAMPAIGN_ID, voter: 'demo-voter-1' },
  'vote.void': { campaignId: DEMO_CAMPAIGN_ID, target: { kind: 'voter', voter: 'demo-voter-1' }, reason: '核实为重复注册的账号' },
  'vote.audit': { campaignId: DEMO_CAMPAIGN_ID },
  'vote.confirm': { campaignId: DEMO_CAMPAIGN_ID },
};
