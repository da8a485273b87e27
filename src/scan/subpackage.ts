// The page a scanned 邻长联系卡 QR code opens, and its bind form. Independent, so a scan
// loads the least code: nothing here may rely on the main package having loaded.

export const scanSubpackage = { root: 'scan', pages: ['index', 'bind'] satisfies ScanPage[], independent: true };

/** Each page of this subpackage and the parameters it reads: `pageUrl('scan/<page>', params)` (src/utils/pageUrl.ts) builds their URLs. */
export interface ScanPages {
  /** A 邻's card, as its QR code opens it (scene: the 邻's id). */
  index: { scene: string };
  bind: { unitId: string };
}
type ScanPage = keyof ScanPages;
