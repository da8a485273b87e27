// 三长 registration: 个人自荐, 群众推荐, and the applicant's results.
export const registerSubpackage = { root: 'register', pages: ['apply', 'mine'] };
