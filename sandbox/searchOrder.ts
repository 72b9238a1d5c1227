// A sorted search's page without sorting every match: records without the property come last
// either way, ties keep id order. When the keys are all numbers or all strings that order is total,
// so a bounded heap of the first `to` records gives exactly what a full sort would; a mix of
// numbers and text (an unparseable date) may not compare transitively, so it keeps the full sort,
// whose outcome then depends on the algorithm, as it always did.
import { compare, Key } from './searchColumns';

/**
 * Positions (into `keys`/`ids`, in id order) of the sorted records from `from` to `to`.
 * `keys[i]` is record i's sort key (undefined: no value), `ids[i]` its numeric id.
 */
export function sortedPositions(keys: readonly (Key | undefined)[], ids: Float64Array, descending: boolean, from: number, to: number): number[] {
  const n = keys.length;
  if (to <= from) {
    return [];
  }
  let numbers = 0;
  let strings = 0;
  for (const k of keys) {
    if (typeof k === 'number') {
      numbers++;
    } else if (k !== undefined) {
      strings++;
    }
  }
  const dir = descending ? -1 : 1;
  const before = (a: number, b: number): number => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === undefined || kb === undefined) {
      return ka === kb ? ids[a] - ids[b] : ka === undefined ? 1 : -1;
    }
    return dir * compare(ka, kb) || ids[a] - ids[b];
  };
  const order = (numbers > 0 && strings > 0) || to * 4 > n
    ? Array.from({ length: n }, (_, i) => i).sort(before)
    : firstInOrder(n, to, before);
  return order.slice(from, to);
}

/** The first `k` of `0..n-1` under `before` (a strict total order), in order: a max-heap of size k. */
function firstInOrder(n: number, k: number, before: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      let c = heap.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (before(heap[p], heap[c]) >= 0) {
          break;
        }
        swap(p, c);
        c = p;
      }
    } else if (before(i, heap[0]) < 0) {
      heap[0] = i;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let top = c;
        if (l < k && before(heap[l], heap[top]) > 0) {
          top = l;
        }
        if (r < k && before(heap[r], heap[top]) > 0) {
          top = r;
        }
        if (top === c) {
          break;
        }
        swap(top, c);
        c = top;
      }
    }
  }
  return heap.sort(before);
}
