import type { ManifestFile, Package } from '../types.js';
import { LineIndex } from './common/lines.js';
import { makePackage, type ManifestParser } from './common/model.js';
import { VENDORED_LIBRARIES } from './vendored-libraries.js';

/** Banners sit in the first lines of a file, minified or not. */
const HEAD_BYTES = 8 * 1024;

/** The libraries a JavaScript file carries, recognised by banner or version constant. */
export function recogniseVendored(file: ManifestFile): Package[] {
  const head = file.text.slice(0, HEAD_BYTES);
  const lines = new LineIndex(file.text);
  const out: Package[] = [];
  for (const lib of VENDORED_LIBRARIES) {
    let version: string | undefined;
    let offset = 0;
    for (const banner of lib.banners) {
      const m = banner.exec(head);
      if (m?.[1]) {
        version = m[1];
        offset = m.index;
        break;
      }
    }
    if (!version && lib.constant && lib.constant.signature.test(head)) {
      const m = lib.constant.pattern.exec(file.text);
      const v = m?.slice(1).find((g) => g !== undefined);
      if (m && v) {
        version = v;
        offset = m.index;
      }
    }
    if (!version) continue;
    const pkg = makePackage({
      ecosystem: 'npm',
      name: lib.npm,
      version,
      direct: true,
      scope: 'runtime',
      location: { file: file.path, line: lines.lineOf(offset) },
      manifest: file.path,
    });
    pkg.vendored = true;
    out.push(pkg);
  }
  return out;
}

export const vendoredJs: ManifestParser = {
  kind: 'vendored-js',
  ecosystem: 'npm',
  incidental: true,
  parse: (file) => recogniseVendored(file),
};
