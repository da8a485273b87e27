// 通知公告: the notices list, a notice, the publish form and the publisher's list with read counts.
export const noticeSubpackage = { root: 'notice', pages: ['index', 'detail', 'publish', 'published'] };

/** Page URLs of this subpackage, for the entries other packages show (首页, 工作台). */
export const noticeUrls = {
  /** 我发布的 (管理员: every notice of the subtree), with read counts. */
  published: () => '/notice/published',
};
