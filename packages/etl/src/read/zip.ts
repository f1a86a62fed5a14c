import { inflateRawSync } from "node:zlib";

/** Limits on what a zip container (.docx, .xlsx) may unpack to. */
export interface ZipLimits { maxEntries: number; maxEntryBytes: number; maxTotalBytes: number }

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 };

export class ZipError extends Error {
  constructor(message: string, readonly kind: "corrupt" | "bomb" | "unsupported") { super(message); }
}

interface Entry { name: string; method: number; compressedSize: number; size: number; localOffset: number; flags: number }

/**
 * A zip archive read from its central directory, every entry checked before anything is handed to
 * a parser: a truncated or corrupt archive and one that unpacks to more than the limits (a
 * decompression bomb) are refused with the reason. Sizes are not trusted from the headers: each
 * entry is inflated with a hard output cap (`maxOutputLength`), so memory stays bounded whatever
 * the headers claim.
 */
export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private unpacked = 0;

  constructor(private readonly bytes: Uint8Array, private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEndOfCentralDirectory(view);
    if (eocd < 0) throw new ZipError("not a complete zip archive (no end-of-archive record: the file is truncated or corrupt)", "corrupt");
    const count = view.getUint16(eocd + 10, true);
    const dirSize = view.getUint32(eocd + 12, true);
    const dirOffset = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError("ZIP64 archives are not supported", "unsupported");
    if (count > limits.maxEntries) throw new ZipError(`the archive lists ${count} files, more than the limit of ${limits.maxEntries}`, "bomb");
    if (dirOffset + dirSize > bytes.length) throw new ZipError("the zip directory points past the end of the file (truncated or corrupt)", "corrupt");
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError(`zip directory entry ${i + 1} is damaged (corrupt archive)`, "corrupt");
      const nameLength = view.getUint16(p + 28, true);
      const extra = view.getUint16(p + 30, true);
      const comment = view.getUint16(p + 32, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
      this.entries.set(name, {
        name, flags: view.getUint16(p + 8, true), method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true), size: view.getUint32(p + 24, true), localOffset: view.getUint32(p + 42, true),
      });
      p += 46 + nameLength + extra + comment;
    }
  }

  names(): string[] { return [...this.entries.keys()]; }
  has(name: string): boolean { return this.entries.has(name); }

  /** Unpacks one entry, within the per-entry and total limits. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw new ZipError(`the archive has no ${name}`, "corrupt");
    if (e.flags & 0x1) throw new ZipError(`${name} is encrypted (password-protected file)`, "unsupported");
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.localOffset + 30 > this.bytes.length || view.getUint32(e.localOffset, true) !== 0x04034b50) throw new ZipError(`${name}: local header damaged (corrupt archive)`, "corrupt");
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.compressedSize > this.bytes.length) throw new ZipError(`${name} runs past the end of the file (truncated archive)`, "corrupt");
    const data = this.bytes.subarray(start, start + e.compressedSize);
    const room = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.unpacked);
    let out: Uint8Array;
    if (e.method === 0) {
      out = data;
    } else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(room, 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) {
          throw new ZipError(`${name} unpacks to more than ${mb(room)} (limit ${mb(this.limits.maxEntryBytes)} a part, ${mb(this.limits.maxTotalBytes)} in all): a decompression bomb?`, "bomb");
        }
        throw new ZipError(`${name} cannot be unpacked (${(err as Error).message}): corrupt archive`, "corrupt");
      }
    } else {
      throw new ZipError(`${name} uses zip compression method ${e.method}, which is not supported`, "unsupported");
    }
    if (out.length > room) throw new ZipError(`${name} is larger than ${mb(room)}: a decompression bomb?`, "bomb");
    this.unpacked += out.length;
    return out;
  }

  readText(name: string): string {
    return new TextDecoder("utf-8").decode(this.read(name));
  }

  /** Unpacks every entry once, so that a bomb anywhere in the archive is found before a parser sees it. */
  checkAll(): void {
    for (const name of this.entries.keys()) this.read(name);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) if (view.getUint32(p, true) === 0x06054b50) return p;
  return -1;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The first bytes of a zip archive (local file header or empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}
