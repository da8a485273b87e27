// The 社区's roster: 组织体系图, import, printable cards, 动态调整, reviews.
export const rosterSubpackage = { root: 'roster', pages: ['tree', 'admin', 'unit'] };
