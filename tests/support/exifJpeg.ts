// Test fixture: puts camera-style EXIF (orientation, GPS, make) into a JPEG, and reads a JPEG's segments back.
// Pure byte work on Uint8Array, so it runs both in Node and inside a test page.

export interface ExifFixture {
  /** EXIF orientation 1–8; 6 is a phone held upright (pixels stored rotated 90° counter-clockwise). */
  orientation?: number;
  gps?: { lat: number; lon: number };
  make?: string;
}

export interface JpegSegment {
  marker: number;
  /** Offset of the 0xFF that starts the marker. */
  offset: number;
  /** Bytes after the marker, including the two length bytes; 0 for markers without a payload. */
  length: number;
  /** An APP1 segment starting "Exif\0\0". */
  exif: boolean;
}

interface Field {
  tag: number;
  type: number;
  count: number;
  bytes: Uint8Array;
}

const BYTE = 1;
const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const RATIONAL = 5;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0];

function bigEndian(size: number, write: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  write(new DataView(bytes.buffer));
  return bytes;
}

const short = (tag: number, value: number): Field => ({
  tag,
  type: SHORT,
  count: 1,
  bytes: bigEndian(2, (v) => v.setUint16(0, value)),
});
const long = (tag: number, value: number): Field => ({
  tag,
  type: LONG,
  count: 1,
  bytes: bigEndian(4, (v) => v.setUint32(0, value)),
});
function ascii(tag: number, text: string): Field {
  const bytes = new TextEncoder().encode(`${text}\0`);
  return { tag, type: ASCII, count: bytes.length, bytes };
}
function rationals(tag: number, values: readonly (readonly [number, number])[]): Field {
  const bytes = bigEndian(values.length * 8, (v) =>
    values.forEach(([numerator, denominator], i) => {
      v.setUint32(i * 8, numerator);
      v.setUint32(i * 8 + 4, denominator);
    }),
  );
  return { tag, type: RATIONAL, count: values.length, bytes };
}

/** Degrees, minutes, seconds (to the millisecond) as EXIF rationals. */
function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60_000);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 1000],
  ];
}

function gpsFields(gps: { lat: number; lon: number }): Field[] {
  return [
    { tag: 0x0000, type: BYTE, count: 4, bytes: new Uint8Array([2, 3, 0, 0]) },
    ascii(0x0001, gps.lat < 0 ? 'S' : 'N'),
    rationals(0x0002, dms(gps.lat)),
    ascii(0x0003, gps.lon < 0 ? 'W' : 'E'),
    rationals(0x0004, dms(gps.lon)),
  ];
}

const padded = (n: number): number => n + (n & 1);

/** Bytes an IFD takes: count, 12-byte entries, next-IFD offset, then values too long to sit in an entry. */
function ifdLength(fields: readonly Field[]): number {
  const outOfLine = fields.reduce((sum, f) => sum + (f.bytes.length > 4 ? padded(f.bytes.length) : 0), 0);
  return 2 + fields.length * 12 + 4 + outOfLine;
}

/** Writes an IFD at `offset` (relative to the TIFF header at `tiff`), entries sorted by tag as TIFF requires. */
function writeIfd(out: Uint8Array, tiff: number, offset: number, fields: readonly Field[]): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const sorted = [...fields].sort((a, b) => a.tag - b.tag);
  view.setUint16(tiff + offset, sorted.length);
  let data = offset + 2 + sorted.length * 12 + 4;
  sorted.forEach((field, i) => {
    const at = tiff + offset + 2 + i * 12;
    view.setUint16(at, field.tag);
    view.setUint16(at + 2, field.type);
    view.setUint32(at + 4, field.count);
    if (field.bytes.length <= 4) {
      out.set(field.bytes, at + 8);
    } else {
      view.setUint32(at + 8, data);
      out.set(field.bytes, tiff + data);
      data += padded(field.bytes.length);
    }
  });
  view.setUint32(tiff + offset + 2 + sorted.length * 12, 0);
}

/** A complete APP1 segment (0xFFE1, length, "Exif\0\0", big-endian TIFF with IFD0 and an optional GPS IFD). */
export function exifSegment(exif: ExifFixture): Uint8Array {
  const ifd0: Field[] = [];
  if (exif.make !== undefined) ifd0.push(ascii(0x010f, exif.make));
  if (exif.orientation !== undefined) ifd0.push(short(0x0112, exif.orientation));
  const gps = exif.gps ? gpsFields(exif.gps) : null;
  // The GPS pointer is a LONG stored in its entry, so IFD0's length does not depend on its value.
  if (gps) ifd0.push(long(0x8825, 0));
  const gpsOffset = 8 + ifdLength(ifd0);
  if (gps) ifd0[ifd0.length - 1] = long(0x8825, gpsOffset);
  const tiffLength = gpsOffset + (gps ? ifdLength(gps) : 0);
  const segmentLength = 2 + EXIF_HEADER.length + tiffLength;
  if (segmentLength > 0xffff) throw new RangeError('EXIF segment too long');

  const out = new Uint8Array(2 + segmentLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xffe1);
  view.setUint16(2, segmentLength);
  out.set(EXIF_HEADER, 4);
  const tiff = 4 + EXIF_HEADER.length;
  out.set([0x4d, 0x4d], tiff);
  view.setUint16(tiff + 2, 42);
  view.setUint32(tiff + 4, 8);
  writeIfd(out, tiff, 8, ifd0);
  if (gps) writeIfd(out, tiff, gpsOffset, gps);
  return out;
}

/** The JPEG with an EXIF APP1 segment inserted right after SOI, where cameras put it. */
export function withExif(jpeg: Uint8Array, exif: ExifFixture): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('withExif: not a JPEG (no SOI)');
  const segment = exifSegment(exif);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function startsWithExif(bytes: Uint8Array, at: number): boolean {
  return EXIF_HEADER.every((b, i) => bytes[at + i] === b);
}

/** The segments from SOI up to and including SOS (the entropy-coded data after SOS is not walked). */
export function jpegSegments(bytes: Uint8Array): JpegSegment[] {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('jpegSegments: not a JPEG (no SOI)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`jpegSegments: expected a marker at ${at}`);
    const offset = at;
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++] ?? 0;
    const length = isStandalone(marker) ? 0 : view.getUint16(at);
    segments.push({ marker, offset, length, exif: marker === 0xe1 && startsWithExif(bytes, at + 2) });
    if (marker === 0xda || marker === 0xd9) break;
    at += length;
  }
  return segments;
}

export function hasExif(bytes: Uint8Array): boolean {
  return jpegSegments(bytes).some((s) => s.exif);
}

/** Width and height from the frame header (SOFn), as stored, before any EXIF orientation. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { marker, offset } of jpegSegments(bytes)) {
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (!isFrame) continue;
    // After marker (2) and length (2): precision (1), height (2), width (2).
    return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
  }
  return null;
}
