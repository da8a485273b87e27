// Cloud function `notice`: deployed as cloudfunctions/notice/index.js.
import { noticeFunction } from '../features/notice/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(noticeFunction);
