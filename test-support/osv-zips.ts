// OSV's per-ecosystem exports (all.zip) built in the test from the shared JSON records: the real layout, one
// record per entry, deflated, never a copy of the data in the repository. Written here with node:zlib, so the
// engine's reader (fflate) is checked against a zip it did not make.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { sharedDir } from './shared.js';

/** A zip file of named entries (deflate, no zip64: test data stays small). */
export function zipOf(entries: Record<string, Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An all.zip of the shared JSON records of one ecosystem (npm, Go, Maven, Packagist, …). */
export function osvZip(ecosystem: string, filter: (name: string) => boolean = () => true): Buffer {
  const dir = join(sharedDir, 'advisories', 'osv', ecosystem);
  const entries: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && filter(n))) entries[name] = readFileSync(join(dir, name));
  return zipOf(entries);
}
