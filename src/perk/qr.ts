// The pass's QR as a GIF data URL: pure JS (qrcode-generator), no canvas, so the same code
// draws it in weapp (<Image src="data:…">) and H5. Imported by the pass page only, so the
// encoder stays in the perk subpackage.
import qrcode from 'qrcode-generator';

/** ~480 px square whatever the version, with the 4-module quiet zone scanners need. */
export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount() + 8;
  const cell = Math.max(4, Math.floor(480 / modules));
  return qr.createDataURL(cell, cell * 4);
}
