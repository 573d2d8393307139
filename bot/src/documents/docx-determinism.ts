/**
 * Same model, same bytes. docx 9.15 writes two things from the clock:
 *   1. `docProps/core.xml`: `dcterms:created` and `dcterms:modified` are `new Date()` and cannot be
 *      set through the options: we hand the packer our own core.xml (its `overrides` replace a part).
 *   2. the zip: fflate stamps every entry with `Date.now()` (local time, 2-second resolution) in its
 *      local header and its central directory entry: we rewrite those four bytes afterwards.
 * (docx also numbers bookmarks from a process-wide counter, so the document uses no bookmarks.)
 */
import { escapeXml } from './escape';

/** The core properties part, with fixed dates, the document's title and language. */
export function corePropertiesXml(props: { title: string; creator: string; at: string; language: string }): string {
  const at = new Date(props.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(props.title)}</dc:title>` +
    `<dc:creator>${escapeXml(props.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(props.creator)}</cp:lastModifiedBy>` +
    `<dc:language>${escapeXml(props.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** MS-DOS date and time (UTC wall clock; zip has no time zone), 2-second resolution, years 1980–2107. */
function dosDateTime(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid createdAt: ${iso}`);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/**
 * Sets every entry's modification time in a zip (no zip64, as fflate writes for files this size)
 * to `iso`, in both the local headers and the central directory. Returns a new buffer.
 */
export function fixZipTimestamps(zip: Uint8Array, iso: string): Buffer {
  const out = Buffer.from(zip);
  const { date, time } = dosDateTime(iso);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || out.readUInt32LE(eocd) !== END_OF_CENTRAL_DIRECTORY) throw new Error('not a zip file: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip central directory entry ${i} is malformed`);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip local header ${i} is malformed`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
