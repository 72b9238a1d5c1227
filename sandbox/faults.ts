// Seeded fault injection: each API request draws from the PRNG, so a seed and a request sequence
// always give the same faults.
import { gzipSync } from 'node:zlib';
import { Prng } from './prng';
import { ALL_FAULT_KINDS, FaultConfig, FaultKind } from './types';

export class FaultInjector {
  private rng: Prng | undefined;
  private config: FaultConfig | null = null;

  configure(config: FaultConfig | null | undefined): void {
    this.config = config && config.rate > 0 ? config : null;
    this.rng = this.config ? new Prng(this.config.seed) : undefined;
  }

  current(): FaultConfig | null {
    return this.config;
  }

  /** The fault for the next request, if any. */
  draw(): FaultKind | undefined {
    if (!this.config || !this.rng) {
      return undefined;
    }
    const hit = this.rng.next() < this.config.rate;
    const kinds = this.config.kinds && this.config.kinds.length > 0 ? this.config.kinds : ALL_FAULT_KINDS;
    const kind = this.rng.pick(kinds); // always drawn so the sequence does not depend on hits
    return hit ? kind : undefined;
  }
}

/** Faults answered before the request is handled (nothing is applied). */
export function isBeforeFault(kind: FaultKind): boolean {
  return kind === '500' || kind === '502' || kind === '503' || kind === '429';
}

const MIB = 1024 * 1024;
/** 64 MiB of spaces as one gzip member (~65 KB), built on first use and kept: compressing takes ~0.2 s. */
let spacesMember: Buffer | undefined;

/**
 * A gzip body whose first member is the real answer and whose further members are whitespace (still
 * valid JSON once inflated): `inflatedMiB` of it for about 1/1000 of that on the wire.
 */
export function gzipBomb(text: string, inflatedMiB = 1024): Buffer[] {
  spacesMember ??= gzipSync(Buffer.alloc(64 * MIB, 0x20), { level: 9 });
  return [gzipSync(text), ...Array.from({ length: Math.ceil(inflatedMiB / 64) }, () => spacesMember!)];
}

/** The answer padded with whitespace to `totalMiB`, uncompressed. */
export function oversizedBody(text: string, totalMiB = 16): Buffer {
  const body = Buffer.alloc(Math.max(totalMiB * MIB, Buffer.byteLength(text)), 0x20);
  body.write(text, 0, 'utf8');
  return body;
}

export const FAULT_MESSAGES: Record<'500' | '502' | '503', [category: string, message: string]> = {
  '500': ['INTERNAL_ERROR', 'internal error'],
  '502': ['BAD_GATEWAY', 'Bad Gateway: the upstream service did not answer in time'],
  '503': ['SERVICE_UNAVAILABLE', 'Service Unavailable: please retry'],
};
