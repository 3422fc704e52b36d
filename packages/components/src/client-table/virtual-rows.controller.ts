import { type Rect, type VirtualItem, Virtualizer } from '@tanstack/virtual-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Chromium caps an element's height near 33.5M px and Firefox near 17.9M px. Above this height the scrollable body
 * stays this tall and scroll position maps to row position by a ratio (as AG Grid does), so any row count works.
 */
export const MAX_PHYSICAL_HEIGHT = 10_000_000;

export interface VirtualRowsOptions {
  getScrollElement: () => HTMLElement | null;
  rowHeight: number;
  /** Height of the sticky header inside the scroll element, which rows never scroll under. */
  headerHeight: number;
  overscan?: number;
}

export interface PlacedRow {
  index: number;
  /** Position inside the body element, in CSS px. */
  top: number;
}

/**
 * TanStack Virtual's Virtualizer as a Lit ReactiveController (the shape of @tanstack/lit-virtual), for fixed-height
 * rows, plus scaling: the Virtualizer works in "virtual" px (count × rowHeight) while the DOM scrolls in "physical"
 * px, capped at {@link MAX_PHYSICAL_HEIGHT}.
 */
export class VirtualRowsController implements ReactiveController {
  readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private readonly options: VirtualRowsOptions;
  private cleanup: (() => void) | undefined;
  private inHostUpdated = false;
  private viewportHeight = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: VirtualRowsOptions,
  ) {
    this.options = options;
    host.addController(this);
    this.virtualizer = new Virtualizer<HTMLElement, HTMLElement>({
      count: 0,
      getScrollElement: options.getScrollElement,
      estimateSize: () => options.rowHeight,
      overscan: options.overscan ?? 8,
      initialRect: { width: 0, height: 0 },
      observeElementRect: (instance, cb) => this.observeRect(instance, cb),
      observeElementOffset: (instance, cb) => this.observeOffset(instance, cb),
      scrollToFn: (offset, { behavior }, instance) => {
        instance.scrollElement?.scrollTo({ top: this.toPhysical(offset), behavior });
      },
      onChange: () => {
        // Measuring inside hostUpdated reports a change at once; asking for the next render from there
        // would schedule it inside this one (Lit's change-in-update), so it waits for the cycle to end.
        if (this.inHostUpdated) queueMicrotask(() => this.host.requestUpdate());
        else this.host.requestUpdate();
      },
    });
  }

  get count(): number {
    return this.virtualizer.options.count;
  }

  set count(count: number) {
    if (count === this.count) return;
    this.virtualizer.setOptions({ ...this.virtualizer.options, count });
    this.virtualizer.measure();
  }

  /** Height the virtualizer thinks in: every row at its fixed height. */
  get virtualHeight(): number {
    return this.count * this.options.rowHeight;
  }

  /** Height of the body element in the DOM. */
  get physicalHeight(): number {
    return Math.min(this.virtualHeight, MAX_PHYSICAL_HEIGHT);
  }

  /** Virtual px per physical px of scroll (1 unless the list is taller than {@link MAX_PHYSICAL_HEIGHT}). */
  get ratio(): number {
    const viewport = this.viewportHeight;
    const physical = this.physicalHeight;
    if (this.virtualHeight <= physical || physical <= viewport) return 1;
    return (this.virtualHeight - viewport) / (physical - viewport);
  }

  toVirtual(physical: number): number {
    return physical * this.ratio;
  }

  toPhysical(virtual: number): number {
    return virtual / this.ratio;
  }

  /** The rows to render and where to put them inside the body. */
  rows(): PlacedRow[] {
    const scroller = this.options.getScrollElement();
    const scrollTop = scroller?.scrollTop ?? 0;
    const offset = this.virtualizer.scrollOffset ?? 0;
    return this.virtualizer.getVirtualItems().map((item: VirtualItem) => ({
      index: item.index,
      top: this.ratio === 1 ? item.start : scrollTop + (item.start - offset),
    }));
  }

  /** Scrolls the least needed to show row `index` whole. */
  scrollToRow(index: number): void {
    const scroller = this.options.getScrollElement();
    if (!scroller) return;
    const { rowHeight } = this.options;
    const viewport = this.viewportHeight;
    const offset = this.toVirtual(scroller.scrollTop);
    const start = index * rowHeight;
    let target: number | null = null;
    if (start < offset) target = start;
    else if (start + rowHeight > offset + viewport) target = start + rowHeight - viewport;
    if (target === null) return;
    scroller.scrollTop = Math.round(this.toPhysical(Math.max(0, target)));
    // With a ratio, rounding can leave the row a pixel out; the next render places it by the real offset anyway.
    this.virtualizer.measure();
  }

  /** How many whole rows fit in the viewport. */
  get pageRows(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.options.rowHeight));
  }

  private observeRect(instance: Virtualizer<HTMLElement, HTMLElement>, cb: (rect: Rect) => void) {
    const element = instance.scrollElement;
    if (!element) return;
    const report = () => {
      this.viewportHeight = Math.max(0, element.clientHeight - this.options.headerHeight);
      cb({ width: element.clientWidth, height: this.viewportHeight });
    };
    report();
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  }

  private observeOffset(
    instance: Virtualizer<HTMLElement, HTMLElement>,
    cb: (offset: number, isScrolling: boolean) => void,
  ) {
    const element = instance.scrollElement;
    if (!element) return;
    const report = () => cb(this.toVirtual(element.scrollTop), false);
    report();
    element.addEventListener('scroll', report, { passive: true });
    return () => element.removeEventListener('scroll', report);
  }

  hostConnected(): void {
    this.cleanup = this.virtualizer._didMount();
  }

  hostUpdated(): void {
    this.inHostUpdated = true;
    try {
      this.virtualizer._willUpdate();
    } finally {
      this.inHostUpdated = false;
    }
  }

  hostDisconnected(): void {
    this.cleanup?.();
    this.cleanup = undefined;
  }
}
