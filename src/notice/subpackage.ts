// 通知公告: the notices list, a notice, the publish form and the publisher's list with read counts.
export const noticeSubpackage = { root: 'notice', pages: ['index', 'detail', 'publish', 'published'] };
