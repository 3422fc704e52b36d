import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { followJob, type Job, stopJob } from '../api/job.js';
import type {
  Category,
  Client,
  ClientSelection,
  CustomFieldDefinition,
  ListAnswer,
  MessageChannel,
  MessagePreview,
} from '../api/types.js';
import { errorCode, fieldErrors, isAbort } from '../client-card/section.js';
import { sectionStyles } from '../client-card/section.styles.js';
import type { CbClientTable } from '../client-table/client-table.component.js';
import { BASE_COLUMNS } from '../client-table/columns.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { type BulkAction, CbBulkDoneEvent } from '../events/bulk-done.js';
import type { CbSelectionChangeEvent } from '../events/selection-change.js';
import { formatNumber, readableTextColor } from '../format.js';
import { errorText, type Locale, message } from '../localize.js';
import { composerStyles, MessageComposer } from '../messaging/composer.js';
import { progressStyles } from '../styles/progress.styles.js';
import { styleProps } from '../styles/style-props.js';
import { bulkActionBarStyles } from './bulk-action-bar.styles.js';

const ESTIMATE_DELAY_MS = 300;
const NEW_CATEGORY = 'new';
const DEFAULT_COLOR = '#3451b2';
const SKIP_REASONS = ['no_consent', 'channel_off', 'no_address'] as const;

type DialogKind = 'send' | 'add' | 'remove' | 'delete' | 'export';
type SkipCounts = Record<(typeof SKIP_REASONS)[number], number>;

interface Estimate {
  selected: number;
  recipients: number;
  skipped: SkipCounts;
}

interface SendResult {
  sent: number;
  delivered: number;
  failed: number;
  queued: number;
  sending: number;
  /** Not sent because the send was stopped. */
  stopped?: number;
  skipped: SkipCounts;
}

interface CategoryResult {
  action: 'add_category' | 'remove_category';
  category: { id: string; name: string };
  affected: number;
}

interface RunningJob {
  action: BulkAction;
  id: string;
  progress: number;
  channel: MessageChannel;
  /** Stop was asked for; the job ends at its next step. */
  stopping?: boolean;
}

interface Acting {
  selection: ClientSelection;
  count: number;
}

/**
 * @summary Bulk actions over the selection of a `<cb-client-table>`: send a message, add to or remove from a category,
 * export, delete. Hidden while nothing is selected; offers only what the session may do; follows long actions as jobs
 * with a progress bar and sums up the result.
 * @tag cb-bulk-action-bar
 *
 * @event {CbBulkDoneEvent} cb-bulk-done - An action finished: `{ action, result }` (a job's `result` once it is done).
 *
 * @csspart base - The bar: what is selected and the action buttons.
 * @csspart count - "12 selected" / "All 45,210 matching".
 * @csspart button - Every button.
 * @csspart delete-button - The Delete button of the bar (with `button`).
 * @csspart progress - The running job: its label and progress bar.
 * @csspart summary - The result of the last action.
 * @csspart dialog - The dialog of an action.
 * @csspart input - Text inputs, selects and the message text.
 * @csspart estimate - The recipients and skipped counts of a message.
 * @csspart preview - The message filled in for one client.
 * @csspart error - An error in a dialog.
 *
 * @cssproperty --cb-bulk-action-bar-background - Background of the bar. Defaults to a tint of `--cb-color-primary`.
 * @cssproperty --cb-bulk-action-bar-accent - Buttons, focus and the progress bar. Defaults to `--cb-color-primary`.
 * @cssproperty --cb-bulk-action-bar-border-color - Borders. Defaults to `--cb-color-border`.
 * @cssproperty --cb-color-backdrop - Behind an open dialog.
 */
@localized()
export class CbBulkActionBar extends LitElement {
  static override styles = [sectionStyles, composerStyles, progressStyles, bulkActionBarStyles];

  /** The id of the `<cb-client-table>` to act on; without it, the table in the same `<cb-provider>`. */
  @property({ reflect: true }) for: string | null = null;

  @consume({ context: apiClientContext, subscribe: true }) @state() private api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() private locale: Locale = 'en';

  @state() private selection: ClientSelection | null = null;
  @state() private count = 0;
  @state() private dialog: DialogKind | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private errors: Record<string, string> = {};
  @state() private job: RunningJob | null = null;
  @state() private summary: { kind: 'success' | 'danger'; text: string } | null = null;
  // The send dialog
  @state() private ack = false;
  @state() private estimate: Estimate | null = null;
  @state() private estimateError = '';
  // The category dialogs
  @state() private categories: Category[] | null = null;
  @state() private categoryId = '';
  @state() private newName = '';
  @state() private newColor = DEFAULT_COLOR;
  // The delete and export dialogs
  @state() private confirmText = '';
  @state() private columns: { id: string; label: string }[] = [];
  @state() private chosenColumns = new Set<string>();

  @query('dialog') private dialogElement!: HTMLDialogElement | null;

  private readonly composer = new MessageComposer(this, {
    preview: async (draft, signal) => {
      const id = await this.example;
      if (!id || !this.api || signal.aborted) return null;
      const path = `/v1/clients/${encodeURIComponent(id)}/messages/preview`;
      return this.api.request<MessagePreview>('POST', path, draft, { signal });
    },
    errors: () => this.errors,
    setErrors: (errors) => {
      this.errors = errors;
    },
    // Who is reached depends on the channel.
    edited: (what) => {
      if (what === 'channel') this.scheduleEstimate();
    },
  });

  /** What the open dialog (or the running job) acts on: the selection when the dialog opened. */
  private acting: Acting | null = null;
  private opener: HTMLElement | null = null;
  private listeningOn: Node | null = null;
  private jobAbort: AbortController | null = null;
  private estimateTimer: ReturnType<typeof setTimeout> | undefined;
  private estimateAbort: AbortController | null = null;
  private example: Promise<string | null> | null = null;
  private backdropPressed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // The table's event bubbles out of it composed; listening at the root also hears a table rendered after the bar.
    this.listeningOn = this.getRootNode();
    this.listeningOn.addEventListener('cb-selection-change', this.onSelectionChange);
    void customElements.whenDefined('cb-client-table').then(() => this.readTable());
    // Back in the document with a job still running: follow it again.
    if (this.job && !this.jobAbort) void this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeningOn?.removeEventListener('cb-selection-change', this.onSelectionChange);
    this.listeningOn = null;
    this.jobAbort?.abort();
    this.jobAbort = null;
    this.stopComposer();
  }

  /** The table acted on: `for` names it; otherwise the first one in the same provider (or document). */
  get table(): CbClientTable | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (this.for) return (root.getElementById?.(this.for) as CbClientTable | null) ?? null;
    return (this.closest('cb-provider') ?? root).querySelector('cb-client-table');
  }

  private readonly onSelectionChange = (event: Event) => {
    if (event.target !== this.table) return;
    const change = event as CbSelectionChangeEvent;
    this.selection = change.selection;
    this.count = change.count;
  };

  private readTable(): void {
    const table = this.table;
    if (!table || this.count || typeof table.selectionCount !== 'number') return;
    this.selection = table.selection;
    this.count = table.selectionCount;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.readTable();
    this.hidden = !this.count && !this.dialog && !this.job && !this.summary;
  }

  private can(permission: string): boolean {
    return this.session?.permissions.includes(permission) ?? false;
  }

  private number(n: number): string {
    return formatNumber(n, this.locale);
  }

  private describe(acting: Acting): string {
    if (!('ids' in acting.selection)) return message('bulk.allMatching', { count: this.number(acting.count) });
    return acting.count === 1
      ? message('bulk.selectedOne')
      : message('bulk.selected', { count: this.number(acting.count) });
  }

  // --- dialogs -------------------------------------------------------------------------------------------------

  private async open(kind: DialogKind, event: Event): Promise<void> {
    if (!this.selection || !this.count || !this.api) return;
    this.opener = event.currentTarget as HTMLElement;
    this.acting = { selection: this.selection, count: this.count };
    this.error = '';
    this.errors = {};
    this.busy = false;
    this.summary = null;
    this.resetForm(kind);
    this.dialog = kind;
    await this.updateComplete;
    if (!this.dialogElement?.open) this.dialogElement?.showModal();
    this.renderRoot.querySelector<HTMLElement>('dialog [autofocus]')?.focus();
    if (kind === 'send') {
      this.example = this.can('messages_send') ? this.findExample().catch(() => null) : null;
      this.scheduleEstimate(0);
    } else if (kind === 'add' || kind === 'remove') {
      void this.loadCategories();
    } else if (kind === 'export') {
      void this.loadColumns();
    }
  }

  private resetForm(kind: DialogKind): void {
    if (kind === 'send') {
      this.composer.reset('sms');
      this.ack = false;
      this.estimate = null;
      this.estimateError = '';
    } else if (kind === 'add' || kind === 'remove') {
      this.categoryId = '';
      this.newName = '';
      this.newColor = DEFAULT_COLOR;
    } else if (kind === 'delete') {
      this.confirmText = '';
    }
  }

  private close = (): void => {
    this.dialogElement?.close();
  };

  private onDialogClose = (): void => {
    this.dialog = null;
    this.stopComposer();
    const opener = this.opener;
    this.opener = null;
    // A job took over: its progress is where the reader continues; otherwise back to the button that opened it.
    if (this.job) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.job')?.focus());
    else if (opener?.isConnected) opener.focus();
  };

  // Only a press that starts and ends on the backdrop closes the dialog (not a text selection dragged out of it).
  private onDialogPointerDown = (event: PointerEvent): void => {
    this.backdropPressed = event.target === this.dialogElement;
  };

  private onDialogClick = (event: MouseEvent): void => {
    if (event.target === this.dialogElement && this.backdropPressed && !this.busy) this.close();
  };

  private stopComposer(): void {
    clearTimeout(this.estimateTimer);
    this.estimateAbort?.abort();
    this.estimateAbort = null;
    this.composer.stop();
  }

  private showError(error: unknown): void {
    const fields = fieldErrors(error);
    this.errors = fields;
    this.error = Object.keys(fields).length ? '' : errorText(error);
  }

  private async post<T>(body: Record<string, unknown>): Promise<T> {
    const acting = this.acting as Acting;
    return (this.api as ApiClient).request<T>('POST', '/v1/clients/bulk', { ...body, selection: acting.selection });
  }

  /** Runs `work` for a dialog's submit: one at a time, its failure shown in the dialog. */
  private async submit(event: Event, work: () => Promise<void>): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.api || !this.acting) return;
    this.busy = true;
    this.error = '';
    this.errors = {};
    try {
      await work();
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy = false;
    }
  }

  // --- send ----------------------------------------------------------------------------------------------------

  /** One selected client to fill the preview with: the first id, or the first match of a filter selection. */
  private async findExample(): Promise<string | null> {
    const selection = (this.acting as Acting).selection;
    if ('ids' in selection) return selection.ids[0] ?? null;
    const except = new Set(selection.except_ids);
    const body: Record<string, unknown> = { limit: Math.min(except.size + 1, 500), with_total: false };
    if (selection.query) body.query = selection.query;
    if (Object.keys(selection.filter ?? {}).length) body.filter = selection.filter;
    const answer = await (this.api as ApiClient).request<ListAnswer<Client>>('POST', '/v1/clients/search', body);
    return answer.items.find((client) => !except.has(client.id))?.id ?? null;
  }

  private scheduleEstimate(delay = ESTIMATE_DELAY_MS): void {
    clearTimeout(this.estimateTimer);
    this.estimateAbort?.abort();
    this.estimate = null;
    this.estimateError = '';
    this.estimateTimer = setTimeout(() => void this.loadEstimate(), delay);
  }

  private async loadEstimate(): Promise<void> {
    if (!this.api || !this.acting) return;
    const abort = new AbortController();
    this.estimateAbort = abort;
    try {
      // Who is reached depends on the channel and the selection only: a neutral text keeps a half-written message
      // (an unknown placeholder, no subject yet) from failing the count.
      this.estimate = await this.api.request<Estimate>(
        'POST',
        '/v1/clients/bulk',
        {
          action: 'send_message',
          selection: this.acting.selection,
          channel: this.composer.channel,
          subject: '-',
          body: '-',
          dry_run: true,
        },
        { signal: abort.signal },
      );
    } catch (error) {
      if (!isAbort(error)) this.estimateError = errorText(error);
    } finally {
      if (this.estimateAbort === abort) this.estimateAbort = null;
    }
  }

  private onSend = (event: Event) =>
    this.submit(event, async () => {
      if (!this.composer.check() || !this.ack) return;
      const answer = await this.post<{ job: Job }>({ action: 'send_message', ...this.composer.draft, legal_ack: true });
      this.startJob('send_message', answer.job);
    });

  // --- categories ----------------------------------------------------------------------------------------------

  private async loadCategories(): Promise<void> {
    try {
      this.categories = (await (this.api as ApiClient).request<ListAnswer<Category>>('GET', '/v1/categories')).items;
    } catch (error) {
      this.categories = [];
      this.error = errorText(error);
    }
  }

  private onCategorySubmit = (event: Event) =>
    this.submit(event, async () => {
      const action = this.dialog === 'remove' ? 'remove_category' : 'add_category';
      const creating = action === 'add_category' && this.categoryId === NEW_CATEGORY;
      if (!this.categoryId) {
        this.errors = { category_id: message('bulk.category.required') };
        return;
      }
      if (creating && !this.newName.trim()) {
        this.errors = { name: message('bulk.category.nameRequired') };
        return;
      }
      const target = creating
        ? { new_category: { name: this.newName.trim(), color: this.newColor } }
        : { category_id: this.categoryId };
      try {
        // A large selection answers with a job (202) instead of the result.
        const answer = await this.post<CategoryResult | { job: Job }>({ action, ...target });
        if ('job' in answer) this.startJob(action, answer.job);
        else this.finish(action, answer);
      } catch (error) {
        // The name is taken: offer the existing category instead of making a second one.
        const existing = (error as { details?: { category_id?: unknown } }).details?.category_id;
        if (errorCode(error) !== 'category_exists' || typeof existing !== 'string') throw error;
        await this.loadCategories();
        this.categoryId = existing;
        this.error = message('bulk.category.exists', { name: this.newName.trim() });
      }
    });

  // --- delete and export ---------------------------------------------------------------------------------------

  private onDelete = (event: Event) =>
    this.submit(event, async () => {
      if (this.confirmText !== 'DELETE') return;
      const answer = await this.post<{ job: Job }>({ action: 'delete', confirm: 'DELETE' });
      this.startJob('delete', answer.job);
    });

  private async loadColumns(): Promise<void> {
    const base = BASE_COLUMNS.map((column) => ({ id: column.id, label: column.label() }));
    this.columns = base;
    this.chosenColumns = new Set(base.map((column) => column.id));
    try {
      const fields = await (this.api as ApiClient).request<ListAnswer<CustomFieldDefinition>>(
        'GET',
        '/v1/custom-fields',
      );
      // The export names a custom field's column `custom_fields.<key>` (the table: `cf.<key>`).
      this.columns = [...base, ...fields.items.map((f) => ({ id: `custom_fields.${f.key}`, label: f.label }))];
    } catch {
      // The built-in columns are still there to choose from.
    }
  }

  private onExport = (event: Event) =>
    this.submit(event, async () => {
      const columns = this.columns.map((column) => column.id).filter((id) => this.chosenColumns.has(id));
      if (!columns.length) {
        this.errors = { columns: message('bulk.export.noColumns') };
        return;
      }
      const answer = await this.post<{ job: Job }>({ action: 'export', columns });
      this.startJob('export', answer.job);
    });

  // --- results -------------------------------------------------------------------------------------------------

  private startJob(action: BulkAction, job: Job): void {
    this.job = { action, id: job.id, progress: job.progress ?? 0, channel: this.composer.channel };
    this.close();
    void this.follow();
  }

  private async follow(): Promise<void> {
    const running = this.job;
    if (!running || !this.api) return;
    this.jobAbort?.abort();
    const abort = new AbortController();
    this.jobAbort = abort;
    try {
      const done = await followJob(
        this.api,
        running.id,
        (job) => {
          if (this.job?.id === running.id) this.job = { ...this.job, progress: job.progress };
        },
        abort.signal,
      );
      this.job = null;
      if (done.status === 'failed') {
        this.summary = { kind: 'danger', text: message('bulk.failed') };
        // Whatever part of a delete ran is gone already.
        if (running.action === 'delete') this.reloadTable();
        return;
      }
      this.finish(running.action, done.result, running.channel, done.status === 'cancelled');
    } catch (error) {
      if (abort.signal.aborted) return;
      this.job = null;
      this.summary = { kind: 'danger', text: errorText(error) };
    } finally {
      if (this.jobAbort === abort) this.jobAbort = null;
    }
  }

  private finish(action: BulkAction, result: unknown, channel = this.composer.channel, stopped = false): void {
    // Stopped before a worker took it up, nothing was done and there is no result to tell.
    const text = result ? this.resultText(action, result, channel) : message('bulk.stoppedBeforeStart');
    this.summary = { kind: 'success', text: stopped && result ? `${message('bulk.stopped')} ${text}` : text };
    if (action !== 'send_message' && action !== 'export') this.reloadTable();
    if (this.dialog) this.close();
    this.dispatchEvent(new CbBulkDoneEvent(action, result));
  }

  /** The rows changed: the table reads them again, and the old selection no longer means anything. */
  private reloadTable(): void {
    const table = this.table;
    table?.refresh();
    table?.clearSelection();
  }

  private skipped(skipped: SkipCounts, channel: MessageChannel): string {
    return SKIP_REASONS.filter((reason) => skipped[reason] > 0)
      .map((reason) =>
        message(reason === 'no_address' ? `bulk.skip.no_address.${channel}` : `bulk.skip.${reason}`, {
          count: this.number(skipped[reason]),
        }),
      )
      .join(', ');
  }

  private resultText(action: BulkAction, result: unknown, channel: MessageChannel): string {
    switch (action) {
      case 'add_category':
      case 'remove_category': {
        const r = result as CategoryResult;
        return message(`bulk.done.${action}`, { name: r.category.name, count: this.number(r.affected) });
      }
      case 'delete': {
        const r = result as { deleted: number; files: number };
        return message('bulk.done.delete', { count: this.number(r.deleted), files: this.number(r.files) });
      }
      case 'export': {
        const r = result as { rows: number; emailed_to?: string; email_status?: string };
        const count = this.number(r.rows);
        if (!r.emailed_to) return message('bulk.done.exportReady', { count });
        if (r.email_status === 'failed') return message('bulk.done.exportNotEmailed', { count });
        return message('bulk.done.export', { count, email: r.emailed_to });
      }
      case 'send_message': {
        const r = result as SendResult;
        const skipped = SKIP_REASONS.reduce((sum, reason) => sum + (r.skipped?.[reason] ?? 0), 0);
        const parts = [message('bulk.done.sent', { count: this.number(r.sent + r.delivered) })];
        if (skipped)
          parts.push(
            message('bulk.send.skipped', { count: this.number(skipped), reasons: this.skipped(r.skipped, channel) }),
          );
        if (r.failed) parts.push(message('bulk.done.failed', { count: this.number(r.failed) }));
        if (r.queued + r.sending)
          parts.push(message('bulk.done.pending', { count: this.number(r.queued + r.sending) }));
        if (r.stopped) parts.push(message('bulk.done.notSent', { count: this.number(r.stopped) }));
        return parts.join(' · ');
      }
    }
  }

  // --- rendering -----------------------------------------------------------------------------------------------

  protected override render() {
    const acting = this.selection && this.count ? { selection: this.selection, count: this.count } : null;
    const busy = Boolean(this.job);
    const action = (kind: DialogKind, label: string, danger = false) =>
      html`<button
        type="button"
        part=${danger ? 'button delete-button' : 'button'}
        class=${danger ? 'button quiet danger' : 'button quiet'}
        data-action=${kind}
        aria-haspopup="dialog"
        ?disabled=${busy}
        @click=${(event: Event) => this.open(kind, event)}
      >
        ${label}
      </button>`;
    // The summary is always in the page (a live region must exist before its text changes), taking no room while empty.
    return html`${
      acting
        ? html`<div class="bar" part="base" role="group" aria-label=${message('bulk.label')}>
          <span class="count" part="count">${this.describe(acting)}</span>
          <div class="actions row">
            ${this.can('bulk_message') ? action('send', message('bulk.send')) : nothing}
            ${this.can('clients_write') ? action('add', message('bulk.addCategory')) : nothing}
            ${this.can('clients_write') ? action('remove', message('bulk.removeCategory')) : nothing}
            ${this.can('export') ? action('export', message('bulk.export')) : nothing}
            ${this.can('bulk_delete') ? action('delete', message('bulk.delete'), true) : nothing}
          </div>
        </div>`
        : nothing
    }
      ${this.renderJob()}
      <div class="row ${this.summary ? `notice ${this.summary.kind}` : ''}" part="summary" role="status">
        ${
          this.summary
            ? html`<span>${this.summary.text}</span>
              <button type="button" class="button link" part="button" @click=${() => {
                this.summary = null;
              }}>${message('bulk.dismiss')}</button>`
            : nothing
        }
      </div>
      <dialog
        part="dialog"
        aria-labelledby="dialog-title"
        @close=${this.onDialogClose}
        @pointerdown=${this.onDialogPointerDown}
        @click=${this.onDialogClick}
      >
        ${this.dialog ? this.renderDialog(this.dialog) : nothing}
      </dialog>`;
  }

  private renderJob() {
    const job = this.job;
    if (!job) return nothing;
    const label = message(`bulk.progress.${job.action}`);
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent' }).format(job.progress);
    return html`<div class="job" part="progress" tabindex="-1">
      <span id="job-label">${label}</span>
      <progress aria-labelledby="job-label" max="1" value=${job.progress}></progress>
      <span class="percent" aria-hidden="true">${percent}</span>
      ${
        // Sends and deletes stop between steps; an export or a category change is one step.
        job.action !== 'send_message' && job.action !== 'delete'
          ? nothing
          : html`<button type="button" class="button quiet small" part="button" ?disabled=${job.stopping} @click=${this.stop}>
            ${message(job.stopping ? 'bulk.stopping' : 'bulk.stop')}
          </button>`
      }
    </div>`;
  }

  /** What already happened stays (sent messages, deleted clients); the rest is not done. */
  private stop = async () => {
    const job = this.job;
    if (!job || !this.api || job.stopping) return;
    this.job = { ...job, stopping: true };
    try {
      await stopJob(this.api, job.id);
    } catch (error) {
      if (this.job?.id === job.id) this.job = { ...this.job, stopping: false };
      this.summary = { kind: 'danger', text: errorText(error) };
    }
  };

  private renderDialog(kind: DialogKind) {
    const acting = this.acting as Acting;
    const [title, content, onSubmit] =
      kind === 'send'
        ? [message('bulk.send.title'), this.renderSend(), this.onSend]
        : kind === 'delete'
          ? [message('bulk.delete.title'), this.renderDelete(), this.onDelete]
          : kind === 'export'
            ? [message('bulk.export.title'), this.renderExport(), this.onExport]
            : [
                message(kind === 'add' ? 'bulk.category.addTitle' : 'bulk.category.removeTitle'),
                this.renderCategory(kind),
                this.onCategorySubmit,
              ];
    return html`<form novalidate data-dialog=${kind} @submit=${onSubmit}>
      <header>
        <h2 id="dialog-title">${title}</h2>
        <p class="muted small">${message('bulk.actingOn', { what: this.describe(acting) })}</p>
      </header>
      <div class="content">${content}</div>
      <p class="dialog-error" part="error" role="alert">${this.error ? html`<span>${this.error}</span>` : nothing}</p>
      <footer>
        <button type="button" class="button quiet" part="button" @click=${this.close}>${message('bulk.cancel')}</button>
        ${this.renderSubmit(kind, acting)}
      </footer>
    </form>`;
  }

  private renderSubmit(kind: DialogKind, acting: Acting) {
    const disabled =
      this.busy ||
      (kind === 'send' && !this.ack) ||
      (kind === 'delete' && this.confirmText !== 'DELETE') ||
      ((kind === 'add' || kind === 'remove') && this.categories === null);
    const label =
      kind === 'send'
        ? message('bulk.send.submit')
        : kind === 'delete'
          ? message('bulk.delete.submit', { count: this.number(acting.count) })
          : kind === 'export'
            ? message('bulk.export.submit')
            : message(kind === 'add' ? 'bulk.category.add' : 'bulk.category.remove');
    return html`<button
      type="submit"
      class=${kind === 'delete' ? 'button danger' : 'button'}
      part="button"
      data-submit
      ?disabled=${disabled}
    >
      ${label}
    </button>`;
  }

  private fieldError(field: string, id: string) {
    const text = this.errors[field];
    return text ? html`<span class="field-error" id=${id}>${text}</span>` : nothing;
  }

  private renderSend() {
    return html`${this.composer.render(this.locale, { between: this.renderEstimate(), rows: 4, autofocus: true })}
      ${this.example ? this.composer.renderPreview({ note: message('bulk.send.example') }) : nothing}
      <label class="check ack">
        <input type="checkbox" name="legal_ack" .checked=${this.ack} @change=${(e: Event) => {
          this.ack = (e.target as HTMLInputElement).checked;
        }} />
        <span>${message('bulk.send.ack')}</span>
      </label>
      ${this.fieldError('legal_ack', 'ack-error')}`;
  }

  private renderEstimate() {
    const e = this.estimate;
    const skipped = e ? SKIP_REASONS.reduce((sum, reason) => sum + e.skipped[reason], 0) : 0;
    return html`<div class="estimate" part="estimate" aria-live="polite" aria-busy=${e || this.estimateError ? 'false' : 'true'}>
      ${
        this.estimateError
          ? html`<span class="field-error">${this.estimateError}</span>`
          : !e
            ? html`<span class="muted">${message('bulk.send.estimating')}</span>`
            : html`<strong data-recipients=${e.recipients}
                >${message('bulk.send.estimate', { recipients: this.number(e.recipients), selected: this.number(e.selected) })}</strong
              >
              <span class="muted" data-skipped=${skipped}
                >${
                  skipped
                    ? message('bulk.send.skipped', {
                        count: this.number(skipped),
                        reasons: this.skipped(e.skipped, this.composer.channel),
                      })
                    : message('bulk.send.noneSkipped')
                }</span
              >`
      }
    </div>`;
  }

  private renderCategory(kind: 'add' | 'remove') {
    const categories = this.categories;
    if (!categories) return html`<p class="muted" role="status">${message('loading')}</p>`;
    const mayCreate = kind === 'add' && this.can('categories_manage');
    if (!categories.length && !mayCreate) return html`<p class="muted">${message('bulk.category.none')}</p>`;
    const categoryError = this.errors.category_id;
    const chosen = categories.find((c) => c.id === this.categoryId);
    return html`<div class="field">
        <label for="category">${message('bulk.category.label')}</label>
        <div class="row">
          <select
            id="category"
            part="input"
            autofocus
            .value=${this.categoryId}
            aria-invalid=${categoryError ? 'true' : 'false'}
            aria-describedby=${categoryError ? 'category-error' : nothing}
            @change=${(e: Event) => {
              this.categoryId = (e.target as HTMLSelectElement).value;
              this.error = '';
            }}
          >
            <option value="" ?selected=${!this.categoryId}>${message('bulk.category.choose')}</option>
            ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === this.categoryId}>${c.name}</option>`)}
            ${mayCreate ? html`<option value=${NEW_CATEGORY} ?selected=${this.categoryId === NEW_CATEGORY}>${message('bulk.category.new')}</option>` : nothing}
          </select>
          ${
            chosen
              ? html`<span class="chip" ${styleProps({ background: chosen.color, color: readableTextColor(chosen.color) })}>${chosen.name}</span>`
              : nothing
          }
        </div>
        ${this.fieldError('category_id', 'category-error')}
      </div>
      ${
        this.categoryId === NEW_CATEGORY
          ? html`<div class="new-category">
            <div class="field grow">
              <label for="new-name">${message('bulk.category.name')}</label>
              <input
                id="new-name"
                part="input"
                maxlength="60"
                autocomplete="off"
                .value=${this.newName}
                aria-invalid=${this.errors.name || this.errors['new_category.name'] ? 'true' : 'false'}
                @input=${(e: Event) => {
                  this.newName = (e.target as HTMLInputElement).value;
                }}
              />
              ${this.fieldError('name', 'name-error')}${this.fieldError('new_category.name', 'new-name-error')}
            </div>
            <div class="field">
              <label for="new-color">${message('bulk.category.color')}</label>
              <input
                id="new-color"
                type="color"
                part="input"
                .value=${this.newColor}
                @input=${(e: Event) => {
                  this.newColor = (e.target as HTMLInputElement).value;
                }}
              />
            </div>
          </div>`
          : nothing
      }`;
  }

  private renderDelete() {
    const acting = this.acting as Acting;
    return html`<p class="warning">${message('bulk.delete.warning', { count: this.number(acting.count) })}</p>
      <div class="field">
        <label for="confirm">${message('bulk.delete.type')}</label>
        <input
          id="confirm"
          part="input"
          autofocus
          autocomplete="off"
          spellcheck="false"
          autocapitalize="characters"
          .value=${this.confirmText}
          @input=${(e: Event) => {
            this.confirmText = (e.target as HTMLInputElement).value;
          }}
        />
      </div>`;
  }

  private renderExport() {
    return html`<fieldset class="columns" aria-describedby=${this.errors.columns ? 'columns-error' : nothing}>
        <legend class="label">${message('bulk.export.columns')}</legend>
        ${this.columns.map(
          (column, i) => html`<label class="check">
            <input
              type="checkbox"
              value=${column.id}
              ?autofocus=${i === 0}
              .checked=${this.chosenColumns.has(column.id)}
              @change=${(e: Event) => {
                const next = new Set(this.chosenColumns);
                if ((e.target as HTMLInputElement).checked) next.add(column.id);
                else next.delete(column.id);
                this.chosenColumns = next;
              }}
            />
            <span>${column.label}</span>
          </label>`,
        )}
      </fieldset>
      ${this.fieldError('columns', 'columns-error')}
      <p class="muted small">${message('bulk.export.emailed')}</p>`;
  }
}
