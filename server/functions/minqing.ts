// Cloud function `minqing`: deployed as cloudfunctions/minqing/index.js.
import { minqingFunction } from '../features/minqing/handlers';
import { cloudMain } from '../runtime/cloud';

export const main = cloudMain(minqingFunction);
