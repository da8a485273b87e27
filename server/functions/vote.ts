// Cloud function `vote`: deployed as cloudfunctions/vote/index.js.
import { voteFunction } from '../features/vote/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(voteFunction);
