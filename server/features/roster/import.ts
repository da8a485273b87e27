// Placeholder until the roster import lands (being written in parallel); replaced wholesale.
import type { RoleGrantT } from '../../../contracts/common';
import type { ImportReportT } from '../../../contracts/roster';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';

export async function importRoster(_ctx: Ctx, _scope: RoleGrantT, _fileId: string, _dryRun: boolean): Promise<ImportReportT> {
  throw new AppError('INTERNAL', '名册导入暂不可用');
}
