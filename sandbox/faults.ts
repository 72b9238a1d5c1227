// Seeded fault injection: each API request draws from the PRNG, so a seed and a request sequence
// always give the same faults.
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

export const FAULT_MESSAGES: Record<'500' | '502' | '503', [category: string, message: string]> = {
  '500': ['INTERNAL_ERROR', 'internal error'],
  '502': ['BAD_GATEWAY', 'Bad Gateway: the upstream service did not answer in time'],
  '503': ['SERVICE_UNAVAILABLE', 'Service Unavailable: please retry'],
};
