import type { BookingConfig } from '../../api.js';
import type { Draft } from '../../state.js';

/** What every step renders from: the salon's configuration, the draft, and a way to change the draft. */
export interface StepView {
  readonly config: BookingConfig;
  readonly draft: Draft;
  /** The Intl locale tag for dates, times, prices and durations. */
  readonly lang: string;
  change(draft: Draft): void;
}
