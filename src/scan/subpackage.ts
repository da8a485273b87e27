// The page a scanned 邻长联系卡 QR code opens, and its bind form. Independent, so a scan
// loads the least code: nothing here may rely on the main package having loaded.
export const scanSubpackage = { root: 'scan', pages: ['index', 'bind'], independent: true };
