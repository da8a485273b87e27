// The photos of a problem and its timeline, for someone the problem's access rule lets see it
// (the reporter, the handling chain, the overseers above it; accessOf decides before this is
// called). Uploads are readable by their uploader only, so each one goes out as a short-lived
// address (domain/uploads readableUrls). A file that is gone is left out, not the whole page.
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { readableUrls } from '../../domain/uploads';

export async function shownPhotos(ctx: Ctx, groups: string[][]): Promise<string[][]> {
  const all = groups.flat();
  if (!all.length) return groups;
  let urls: (string | null)[];
  try {
    urls = await readableUrls(ctx, all);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    urls = await Promise.all(all.map((id) => readableUrls(ctx, [id]).then(([u]) => u, () => null)));
  }
  let i = 0;
  return groups.map((g) => g.map(() => urls[i++]).filter((u): u is string => !!u));
}
