// Half-open time intervals [start, end) in epoch milliseconds. Lists are "normalised" when sorted by
// start, non-empty and neither overlapping nor touching, which keeps subtraction and lookups linear.

export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping or touching intervals merged and empty ones dropped. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `from` minus `remove`; both normalised, and so is the result. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let r = 0;
  for (const piece of from) {
    let start = piece.start;
    // Skip removals that end before this piece; they cannot touch later pieces either.
    while (r < remove.length && remove[r]!.end <= start) r++;
    let k = r;
    while (k < remove.length && remove[k]!.start < piece.end) {
      const cut = remove[k]!;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      k++;
    }
    if (start < piece.end) out.push({ start, end: piece.end });
  }
  return out;
}

/** Whether [start, end) lies inside one interval of a normalised list (binary search). */
export function covers(list: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid]!;
    if (i.end <= start) lo = mid + 1;
    else if (i.start > start) hi = mid - 1;
    else return end <= i.end;
  }
  return false;
}
