// Reading one file for the workspace scan: open, fstat, read, close, then the checks that decide whether the
// parser needs it at all (too large, binary, no tag as a word). Plain Node, no parser.
import { closeSync, fstatSync, openSync, readSync } from 'fs';

/** The stat a file was read at, and how many bytes were read (a large file's size: none were). */
interface FileRead {
  size: number;
  mtimeMs: number;
  racy: boolean;
  length: number;
}

/** What a read found. A `tagged` file carries its bytes; the rest need no parsing. */
export type ReadOutcome =
  | { kind: 'gone' }
  | (FileRead & { kind: 'large' })
  | (FileRead & { kind: 'binary' })
  | (FileRead & { kind: 'plain' })
  | (FileRead & { kind: 'tagged'; bytes: Uint8Array });

/** A file written this close to its read (ms) is read again by the next scan whatever its stat says. */
export const RACY_MS = 5;
const BINARY_SNIFF_BYTES = 8000;

export class FileReader {
  private readonly buffer: Buffer;
  private readonly needles: Buffer[];

  /** One read buffer for all files: a tagged file's bytes are a view of it, valid until the next read. */
  constructor(private readonly maxFileSize: number, tags: readonly string[]) {
    this.buffer = Buffer.allocUnsafe(maxFileSize + 1);
    this.needles = tags.map((tag) => Buffer.from(tag, 'utf8'));
  }

  read(absolute: string): ReadOutcome {
    const buffer = this.buffer;
    let length = 0;
    let fd: number | undefined;
    let size = 0;
    let mtimeMs = 0;
    const readAt = Date.now();
    try {
      fd = openSync(absolute, 'r');
      const stat = fstatSync(fd);
      size = stat.size;
      mtimeMs = stat.mtimeMs;
      if (size > this.maxFileSize) {
        // Too large by its size: not read at all.
        length = size;
      } else {
        // Read up to one byte more than allowed: a file that grew since the fstat is still told large.
        for (;;) {
          const wanted = buffer.length - length;
          const read = readSync(fd, buffer, length, wanted, null);
          if (read === 0) {
            break;
          }
          length += read;
          if (length > this.maxFileSize) {
            break;
          }
          // A regular file's read comes back short only at its end, so most files need one read, not
          // a second one to see 0 (a third of the syscalls of a scan). A short read that stops on a
          // 4 KiB boundary could be a network or FUSE file system's chunk: ask again to be sure.
          if (read < wanted && length % 4096 !== 0) {
            break;
          }
        }
      }
    } catch {
      return { kind: 'gone' }; // vanished or unreadable: nothing to report
    } finally {
      if (fd !== undefined) {
        closeSync(fd);
      }
    }
    // Changed while (or just before) it was read: the next scan reads it again rather than trust the stat.
    const racy = mtimeMs >= readAt - RACY_MS || length !== size;
    if (length > this.maxFileSize) {
      return { kind: 'large', size, mtimeMs, racy, length };
    }
    const bytes = buffer.subarray(0, length);
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) >= 0) {
      return { kind: 'binary', size, mtimeMs, racy, length };
    }
    if (!this.needles.some((needle) => hasTag(bytes, needle))) {
      return { kind: 'plain', size, mtimeMs, racy, length };
    }
    return { kind: 'tagged', size, mtimeMs, racy, length, bytes };
  }
}

/** ASCII letters, digits and `_`: a tag inside a word (`DEBUG`, `XXXL`, `TODOs`) is never a TODO. */
function isWordByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f;
}

/**
 * Whether the bytes hold the tag as a word of its own: the parser only takes a tag at the start of a comment's
 * text with punctuation, a blank or the line's end after it, so a file whose every occurrence sits inside a
 * word (`DEBUG`, `XXX_SIZE`) needs no decoding and no comment scan (on real code that is about 4 in 10 of the
 * files holding the bytes at all). Non-ASCII neighbours count as boundaries, erring towards a scan.
 */
function hasTag(bytes: Buffer, needle: Buffer): boolean {
  const checkBefore = isWordByte(needle[0]);
  const checkAfter = isWordByte(needle[needle.length - 1]);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if ((!checkBefore || at === 0 || !isWordByte(bytes[at - 1])) && (!checkAfter || at + needle.length >= bytes.length || !isWordByte(bytes[at + needle.length]))) {
      return true;
    }
  }
  return false;
}
