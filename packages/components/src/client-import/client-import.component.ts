import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { followJob, type Job, stopJob } from '../api/job.js';
import { apiFieldText, errorCode, isAbort } from '../client-card/section.js';
import { sectionStyles } from '../client-card/section.styles.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { CbImportDoneEvent, type ImportResult } from '../events/import-done.js';
import { formatBytes, formatDate, formatNumber } from '../format.js';
import { errorText, type Locale, type MessageKey, message } from '../localize.js';
import { progressStyles } from '../styles/progress.styles.js';
import { DropZoneController } from '../upload/drop-zone.controller.js';
import { dropZoneStyles } from '../upload/drop-zone.styles.js';
import { clientImportStyles } from './client-import.styles.js';
import {
  type Cell,
  columnLetter,
  FIELD_LABELS,
  type ImportField,
  type ImportView,
  isImportField,
  type ValueField,
} from './import-view.js';

/** The API's defaults (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_ROWS = 100_000;
const EXTENSIONS = ['xlsx', 'csv'] as const;
/** A field's name at the start of a skip reason ("phone: …"); which names are fields, the labels know. */
const FIELD_PREFIX = /(^|\s)([a-z_]+): /g;

export type ImportStep = 'file' | 'mapping' | 'preview' | 'importing' | 'done';

const STEPS: { key: MessageKey; steps: ImportStep[] }[] = [
  { key: 'import.step.file', steps: ['file'] },
  { key: 'import.step.mapping', steps: ['mapping'] },
  { key: 'import.step.preview', steps: ['preview'] },
  { key: 'import.step.import', steps: ['importing', 'done'] },
];

interface Upload {
  name: string;
  loaded: number;
  total: number;
}

/** Why a file or a commit was refused: a sentence in the reader's language, then the API's own words. */
interface Refusal {
  text: string;
  detail: string;
}

/**
 * @summary Imports clients from a spreadsheet: choose or drop an .xlsx or CSV file, check which column fills which
 * client field, look at the first rows and their problems, then import and follow the progress to a report of what was
 * created, updated and skipped. Needs the `import` permission.
 * @tag cb-client-import
 *
 * @event {CbImportDoneEvent} cb-import-done - The import finished: `{ result: { created, updated, skipped,
 * skipped_count } }`. Clients changed: a host showing a `<cb-client-table>` calls its `refresh()`.
 *
 * @csspart base - The wrapper.
 * @csspart head - The title and the "Start over" button.
 * @csspart steps - The list of steps; the current one has `aria-current="step"`.
 * @csspart dropzone - The file picker and drop area.
 * @csspart progress - The upload and the import progress.
 * @csspart mapping - The table of fields and their columns.
 * @csspart input - The column selects.
 * @csspart counts - "1,204 rows, 17 with errors will be skipped".
 * @csspart preview - The table of the first rows.
 * @csspart errors - The list of row problems.
 * @csspart report - The final report.
 * @csspart error - A refused file or a failed import.
 * @csspart button - Every button.
 *
 * @cssproperty --cb-client-import-accent - Buttons, focus, the drop area and progress. Defaults to `--cb-color-primary`.
 * @cssproperty --cb-client-import-border-color - Borders. Defaults to `--cb-color-border`.
 * @cssproperty --cb-client-import-surface - Drop area, headers and figures. Defaults to `--cb-color-surface`.
 */
@localized()
export class CbClientImport extends LitElement {
  static override styles = [sectionStyles, progressStyles, dropZoneStyles, clientImportStyles];

  /** The largest file the API takes (its IMPORT_MAX_BYTES); said on the first step, and checked before uploading. */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes = DEFAULT_MAX_BYTES;
  /** The most rows the API takes (its IMPORT_MAX_ROWS); said on the first step. */
  @property({ type: Number, attribute: 'max-rows' }) maxRows = DEFAULT_MAX_ROWS;

  @consume({ context: apiClientContext, subscribe: true }) @state() private api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() private locale: Locale = 'en';

  @state() private current: ImportStep = 'file';
  @state() private upload: Upload | null = null;
  @state() private refusal: Refusal | null = null;
  @state() private view: ImportView | null = null;
  /** What the selects show, for each of the view's fields; null: the field is not imported. */
  @state() private draft: Draft = {};
  /** Problems of the draft, by field (from the preview's `mapping_errors` or a refused PUT). */
  @state() private problems: Partial<Record<ImportField, string>> = {};
  @state() private remapping = false;
  @state() private committing = false;
  @state() private stopping = false;
  @state() private progress = 0;
  @state() private jobId: string | null = null;
  @state() private report: ImportResult | null = null;

  private uploadAbort: AbortController | null = null;
  private remapAbort: AbortController | null = null;
  private remapQueued = false;
  private jobAbort: AbortController | null = null;
  private readonly dropZone = new DropZoneController(this, {
    disabled: () => Boolean(this.upload),
    files: ([file]) => {
      if (file) void this.uploadFile(file);
    },
  });
  /** Set when the step changes, so the new step's heading takes the focus after rendering. */
  private focusHeading = false;

  /** Where the import is: file, mapping, preview, importing or done. */
  get step(): ImportStep {
    return this.current;
  }

  /** The import being prepared (the API's preview), null before a file was read. */
  get preview(): ImportView | null {
    return this.view;
  }

  /** Back to the first step: a running upload or check stops; a running import goes on but is no longer shown. */
  reset(): void {
    this.uploadAbort?.abort();
    this.remapAbort?.abort();
    this.remapAbort = null;
    this.remapQueued = false;
    this.jobAbort?.abort();
    this.upload = null;
    this.refusal = null;
    this.view = null;
    this.draft = {};
    this.problems = {};
    this.remapping = false;
    this.committing = false;
    this.progress = 0;
    this.jobId = null;
    this.report = null;
    this.go('file');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the document while an import runs: follow it again.
    if (this.current === 'importing' && this.jobId && !this.jobAbort) void this.follow(this.jobId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.uploadAbort?.abort();
    this.remapAbort?.abort();
    this.jobAbort?.abort();
    this.jobAbort = null;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusHeading) {
      this.focusHeading = false;
      // The new step starts at the top: the title and steps come into view, the focus goes to the step's heading.
      this.renderRoot.querySelector<HTMLElement>('.head')?.scrollIntoView({ block: 'nearest' });
      this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus({ preventScroll: true });
    }
  }

  private go(step: ImportStep): void {
    if (this.current !== step) this.focusHeading = true;
    this.current = step;
  }

  /** Until `GET /v1/me` answers, what the session may do is unknown. */
  private get permissionsKnown(): boolean {
    const session = this.session;
    return !!session && (session.user !== null || session.permissions.length > 0);
  }

  private get allowed(): boolean {
    return this.session?.permissions.includes('import') ?? false;
  }

  private number(n: number): string {
    return formatNumber(n, this.locale);
  }

  private size(bytes: number): string {
    return formatBytes(bytes, this.locale);
  }

  // --- step 1: the file --------------------------------------------------------------------------------------

  /**
   * Sends `file` to the API, which reads it and answers the preview; a refusal is explained on the first step. Resolves
   * once the outcome is shown.
   */
  async uploadFile(file: File): Promise<void> {
    if (!this.api || this.upload) return;
    this.refusal = this.checkFile(file);
    if (!this.refusal) await this.send(this.api, file);
    await this.updateComplete;
  }

  /** What can be told without asking the API; the API checks the content itself. */
  private checkFile(file: File): Refusal | null {
    const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
    if (!(EXTENSIONS as readonly string[]).includes(extension))
      return { text: message('import.refused.type'), detail: '' };
    if (file.size > this.maxBytes) {
      return { text: message('import.refused.tooLarge', { size: this.size(this.maxBytes) }), detail: '' };
    }
    if (file.size === 0) return { text: message('import.refused.empty'), detail: '' };
    return null;
  }

  private async send(api: ApiClient, file: File): Promise<void> {
    const abort = new AbortController();
    this.uploadAbort = abort;
    this.upload = { name: file.name, loaded: 0, total: file.size };
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const view = await api.upload<ImportView>('/v1/imports', form, {
        signal: abort.signal,
        onProgress: (loaded, total) => {
          if (this.uploadAbort === abort) this.upload = { name: file.name, loaded, total };
        },
      });
      if (abort.signal.aborted) return;
      this.show(view);
      this.go('mapping');
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.refusal = this.refusalOf(error);
    } finally {
      if (this.uploadAbort === abort) {
        this.uploadAbort = null;
        this.upload = null;
      }
    }
  }

  private cancelUpload = () => {
    this.uploadAbort?.abort();
    this.uploadAbort = null;
    this.upload = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#file-input')?.focus());
  };

  private refusalOf(error: unknown): Refusal {
    const details = (error as { details?: unknown }).details as Record<string, unknown> | null;
    const limit = (key: string, fallback: number) => {
      const value = details?.[key];
      return this.number(typeof value === 'number' ? value : fallback);
    };
    const server = (error as { message?: unknown }).message;
    const detail = typeof server === 'string' ? server : '';
    switch (errorCode(error)) {
      case 'unsupported_file_type':
        return { text: message('import.refused.type'), detail };
      case 'file_too_large':
      case 'payload_too_large': {
        const max = typeof details?.max_bytes === 'number' ? details.max_bytes : this.maxBytes;
        return { text: message('import.refused.tooLarge', { size: this.size(max) }), detail };
      }
      case 'invalid_encoding':
        return { text: message('import.refused.encoding'), detail };
      case 'empty_file':
        return { text: message('import.refused.noRows'), detail };
      case 'invalid_file':
        return { text: message('import.refused.invalid'), detail };
      case 'too_many_rows':
        return { text: message('import.refused.tooManyRows', { max: limit('max_rows', this.maxRows) }), detail };
      case 'too_many_columns':
        return { text: message('import.refused.tooManyColumns', { max: limit('max_columns', 200) }), detail };
      case 'file_too_complex':
        return { text: message('import.refused.tooComplex'), detail };
      case 'import_committed':
        return { text: message('import.refused.committed'), detail };
      case 'validation_failed':
        return { text: message('import.refused.invalid'), detail };
      default:
        return { text: errorText(error), detail: '' };
    }
  }

  // --- step 2: the mapping -----------------------------------------------------------------------------------

  /** Takes a preview the API answered: its mapping fills the selects, its problems show next to them. */
  private show(view: ImportView): void {
    this.view = view;
    const draft: Draft = {};
    for (const field of view.fields) draft[field] = view.mapping[field] ?? null;
    this.draft = draft;
    this.problems = this.problemsOf(view.mapping_errors, draft);
  }

  /** The API's mapping problems (English) as sentences in the reader's language, by field. */
  private problemsOf(list: unknown, draft: Draft): Partial<Record<ImportField, string>> {
    const out: Partial<Record<ImportField, string>> = {};
    if (!Array.isArray(list)) return out;
    for (const item of list) {
      const name = String((item as { field?: unknown }).field ?? '').replace(/^mapping\./, '');
      const text = String((item as { message?: unknown }).message ?? '');
      if (!isImportField(name) || out[name]) continue;
      // Of two fields on one column, the one the API lists first keeps it.
      const fields = this.view?.fields ?? [];
      const index = draft[name] ?? null;
      const other = fields.find((f) => f !== name && index !== null && draft[f] === index);
      if (other && fields.indexOf(other) < fields.indexOf(name)) {
        out[name] = message('import.mapping.duplicate', { field: message(FIELD_LABELS[other]) });
      } else if (name === 'first_name' && unmapped(draft, 'first_name') && unmapped(draft, 'name')) {
        out[name] = message('import.mapping.needName');
      } else if (name === 'phone' && unmapped(draft, 'phone') && unmapped(draft, 'email')) {
        out[name] = message('import.mapping.needContact');
      } else {
        out[name] = apiFieldText(text);
      }
    }
    return out;
  }

  private onMappingChange(field: ImportField, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.draft = { ...this.draft, [field]: value === '' ? null : Number(value) };
    void this.remap();
  }

  /**
   * Sends the selects' mapping; the API reads the file again with it, keeps it and answers the new preview. One request
   * at a time: an aborted request may still be kept by the API, so a change made meanwhile is sent once the request in
   * flight has answered, and the mapping the API keeps is always the last one sent.
   */
  private async remap(): Promise<void> {
    const api = this.api;
    const view = this.view;
    if (!api || !view) return;
    if (this.remapAbort) {
      this.remapQueued = true;
      return;
    }
    const abort = new AbortController();
    this.remapAbort = abort;
    this.remapping = true;
    this.refusal = null;
    try {
      do {
        this.remapQueued = false;
        const draft = this.draft;
        try {
          const answer = await api.request<ImportView>(
            'PUT',
            `/v1/imports/${encodeURIComponent(view.id)}/mapping`,
            { mapping: draft },
            { signal: abort.signal },
          );
          // A newer choice is on its way: this answer would put the old one back in the selects.
          if (!abort.signal.aborted && !this.remapQueued) this.show(answer);
        } catch (error) {
          if (isAbort(error) || abort.signal.aborted) return;
          if (this.remapQueued) continue;
          if (errorCode(error) === 'validation_failed') {
            this.problems = this.problemsOf((error as { details?: unknown }).details, draft);
            if (!Object.keys(this.problems).length) this.refusal = this.refusalOf(error);
          } else {
            this.refusal = this.refusalOf(error);
          }
        }
      } while (this.remapQueued && !abort.signal.aborted);
    } finally {
      if (this.remapAbort === abort) {
        this.remapAbort = null;
        this.remapping = false;
      }
    }
  }

  /** The selects match the preview shown and the API found nothing missing. */
  private get mappingReady(): boolean {
    return !this.remapping && !Object.keys(this.problems).length && !!this.view && !this.view.mapping_errors.length;
  }

  // --- step 4: the import ------------------------------------------------------------------------------------

  private commit = async (): Promise<void> => {
    const api = this.api;
    const view = this.view;
    if (!api || !view || this.committing) return;
    this.committing = true;
    this.refusal = null;
    try {
      const answer = await api.request<{ job: Job }>('POST', `/v1/imports/${encodeURIComponent(view.id)}/commit`);
      this.jobId = answer.job.id;
      this.progress = answer.job.progress ?? 0;
      this.go('importing');
      void this.follow(answer.job.id);
    } catch (error) {
      this.refusal = this.refusalOf(error);
    } finally {
      this.committing = false;
    }
  };

  /** Rows already committed stay; importing the file again updates them rather than adding them twice. */
  private stop = async () => {
    const api = this.api;
    if (!api || !this.jobId || this.stopping) return;
    this.stopping = true;
    try {
      await stopJob(api, this.jobId);
    } catch (error) {
      this.stopping = false;
      this.refusal = { text: errorText(error), detail: '' };
    }
  };

  private async follow(id: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.jobAbort?.abort();
    const abort = new AbortController();
    this.jobAbort = abort;
    try {
      const done = await followJob(
        api,
        id,
        (job) => {
          if (this.jobId === id) this.progress = job.progress;
        },
        abort.signal,
      );
      if (abort.signal.aborted || this.jobId !== id) return;
      if (done.status === 'failed') {
        this.refusal = { text: message('import.failed'), detail: done.error ?? '' };
        return;
      }
      if (done.status === 'cancelled') {
        this.stopping = false;
        this.refusal = { text: message('import.stopped'), detail: '' };
        return;
      }
      const result = normalizeResult(done.result);
      this.report = result;
      this.progress = 1;
      this.go('done');
      this.dispatchEvent(new CbImportDoneEvent(result));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.refusal = { text: errorText(error), detail: '' };
    } finally {
      if (this.jobAbort === abort) this.jobAbort = null;
    }
  }

  // --- rendering -----------------------------------------------------------------------------------------------

  protected override render() {
    if (!this.permissionsKnown) {
      return html`<div class="base" part="base"><p class="muted" role="status">${message('loading')}</p></div>`;
    }
    if (!this.allowed) {
      return html`<div class="base" part="base">
        <p class="notice warning" part="error" data-not-allowed>${message('import.notAllowed')}</p>
      </div>`;
    }
    return html`<section class="base" part="base" aria-labelledby="import-title">
      <header class="head row spread" part="head">
        <h2 id="import-title">${message('import.title')}</h2>
        ${
          this.current !== 'file' && this.current !== 'done'
            ? html`<button type="button" class="button quiet" part="button" data-action="start-over" @click=${() => this.reset()}>
              ${message('import.startOver')}
            </button>`
            : nothing
        }
      </header>
      ${this.renderSteps()}
      ${this.renderStep()}
    </section>`;
  }

  private renderSteps() {
    const index = STEPS.findIndex((s) => s.steps.includes(this.current));
    return html`<ol class="steps" part="steps" aria-label=${message('import.steps')}>
      ${STEPS.map(
        (s, i) => html`<li
          class=${i < index ? 'past' : i === index ? 'current' : 'upcoming'}
          aria-current=${i === index ? 'step' : nothing}
        >
          <span class="step-number" aria-hidden="true">${i + 1}</span><span>${message(s.key)}</span>
        </li>`,
      )}
    </ol>`;
  }

  private renderStep() {
    switch (this.current) {
      case 'file':
        return this.renderFile();
      case 'mapping':
        return this.renderMapping();
      case 'preview':
        return this.renderPreview();
      case 'importing':
        return this.renderImporting();
      case 'done':
        return this.renderDone();
    }
  }

  private heading(key: MessageKey) {
    return html`<h3 class="step-heading" id="step-heading" tabindex="-1">${message(key)}</h3>`;
  }

  private renderRefusal() {
    return html`<div class="refusal" role="alert">
      ${
        this.refusal
          ? html`<div class="error" part="error">
            <p>
              <strong>${this.refusal.text}</strong>
              ${this.refusal.detail ? html`<span class="detail">${message('import.serverSaid', { message: this.refusal.detail })}</span>` : nothing}
            </p>
          </div>`
          : nothing
      }
    </div>`;
  }

  private renderFile() {
    const up = this.upload;
    const percent = up?.total ? Math.round((up.loaded / up.total) * 100) : 0;
    const sent = up && up.total > 0 && up.loaded >= up.total;
    return html`<div class="step" data-step="file">
      ${this.heading('import.file.heading')}
      ${this.dropZone.render(html`
        <input
          id="file-input"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby="file-limits"
          ?disabled=${Boolean(up)}
          @change=${this.dropZone.onChoose}
        />
        <label for="file-input" class="drop-label">
          <svg class="drop-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
          </svg>
          <span class="button" part="button">${message('import.file.choose')}</span>
          <span class="drop-or">${message('import.file.drop')}</span>
        </label>
        <p class="small muted" id="file-limits">
          ${message('import.file.limits', { size: this.size(this.maxBytes), rows: this.number(this.maxRows) })}
        </p>
        ${
          up
            ? html`<div class="upload">
              <label class="small" for="upload-progress"
                >${message(sent ? 'import.file.reading' : 'import.file.uploading', { name: up.name })}</label
              >
              ${
                sent
                  ? html`<progress id="upload-progress" part="progress"></progress>`
                  : html`<progress id="upload-progress" part="progress" max="100" .value=${percent}></progress>`
              }
              <div class="row spread small muted">
                <span class="num" aria-hidden="true">${sent ? '' : `${percent}%`}</span>
                <button type="button" class="button link small" part="button" @click=${this.cancelUpload}>
                  ${message('import.cancel')}
                </button>
              </div>
            </div>`
            : nothing
        }
      `)}
      ${this.renderRefusal()}
    </div>`;
  }

  private columnName(index: number): string {
    const header = String(this.view?.columns[index] ?? '').trim();
    const letter = columnLetter(index);
    return header
      ? message('import.mapping.columnLabel', { letter, header })
      : message('import.mapping.columnBlank', { letter });
  }

  private renderMapping() {
    const view = this.view as ImportView;
    const first = view.rows[0];
    const ready = this.mappingReady;
    return html`<div class="step" data-step="mapping">
      ${this.heading('import.mapping.heading')}
      <p class="file-summary">
        <strong class="file-name">${view.file_name}</strong>
        <span class="num muted">${this.rowsText(view.row_count)}</span>
      </p>
      <p class="muted small">${message('import.mapping.intro')}</p>
      <table class="mapping" part="mapping">
        <caption class="visually-hidden">${message('import.mapping.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">${message('import.mapping.field')}</th>
            <th scope="col">${message('import.mapping.column')}</th>
            <th scope="col" class="example-col">${message('import.mapping.example')}</th>
          </tr>
        </thead>
        <tbody>
          ${view.fields.map((field) => {
            const chosen = this.draft[field] ?? null;
            const problem = this.problems[field];
            const example = chosen !== null && first ? cellText(first.cells[chosen]) : '';
            const id = `map-${field}`;
            const hint = field === 'name' ? message('import.mapping.hint.name') : '';
            return html`<tr data-field=${field} class=${problem ? 'invalid' : ''}>
              <th scope="row">
                <label for=${id}>${message(FIELD_LABELS[field])}</label>
                ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
              </th>
              <td>
                <select
                  id=${id}
                  name=${field}
                  part="input"
                  .value=${chosen === null ? '' : String(chosen)}
                  aria-invalid=${problem ? 'true' : 'false'}
                  aria-describedby=${[hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing}
                  @change=${(event: Event) => this.onMappingChange(field, event)}
                >
                  <option value="" ?selected=${chosen === null}>${message('import.mapping.none')}</option>
                  ${view.columns.map(
                    (_, index) =>
                      html`<option value=${String(index)} ?selected=${chosen === index}>${this.columnName(index)}</option>`,
                  )}
                </select>
                ${problem ? html`<span class="field-error" id=${`${id}-error`}>${problem}</span>` : nothing}
              </td>
              <td class="example-col"><span class="example">${example}</span></td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.renderRefusal()}
      <p class="status small muted" role="status">
        ${this.remapping ? message('import.mapping.checking') : !ready ? message('import.mapping.fix') : ''}
      </p>
      <footer class="actions">
        <button
          type="button"
          class="button"
          part="button"
          data-action="next"
          ?disabled=${!ready}
          @click=${() => this.go('preview')}
        >
          ${message('import.next')}
        </button>
      </footer>
    </div>`;
  }

  private rowsText(count: number): string {
    return count === 1 ? message('import.rowsOne') : message('import.rows', { count: this.number(count) });
  }

  private countsText(view: ImportView): string {
    const skipped =
      view.invalid_row_count === 0
        ? message('import.skippedNone')
        : message('import.skippedSome', { count: this.number(view.invalid_row_count) });
    return `${this.rowsText(view.row_count)}, ${skipped}`;
  }

  /** The client fields the preview's rows have values for, in the mapping's order: `name` fills first and last name. */
  private valueFields(view: ImportView): ValueField[] {
    const byName = view.mapping.name !== undefined;
    return view.fields.filter(
      (f): f is ValueField =>
        f !== 'name' && (view.mapping[f] !== undefined || (byName && (f === 'first_name' || f === 'last_name'))),
    );
  }

  private valueText(field: ValueField, value: string | number | undefined): string {
    if (value === undefined || value === null) return '';
    switch (field) {
      case 'gender':
        return value === 'female' || value === 'male' || value === 'unspecified'
          ? message(`filters.${value}`)
          : String(value);
      case 'birth_date':
      case 'created_at':
        return formatDate(String(value), this.locale);
      case 'discount':
        return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(
          Number(value) / 100,
        );
      case 'importance': {
        const level = Number(value);
        return level >= 0 && level <= 3 ? message(`filters.importance.${level as 0 | 1 | 2 | 3}`) : String(value);
      }
      default:
        return String(value);
    }
  }

  /** Why a row was skipped, in the reader's language; a report from before codes existed has only its English. */
  private reasonText(skipped: ImportResult['skipped'][number]): string {
    if (skipped.problems?.length)
      return skipped.problems
        .map(
          (problem) => `${this.fieldLabel(problem.field)}: ${this.rowErrorText({ ...problem, row: 0, message: '' })}`,
        )
        .join(' ');
    if (skipped.code) return message(`import.skip.${skipped.code}`);
    // Fields named by key ("phone: …") become their labels.
    return skipped.reason.replace(
      FIELD_PREFIX,
      (_, space: string, field: string) => `${space}${this.fieldLabel(field)}: `,
    );
  }

  private fieldLabel(field: string): string {
    return isImportField(field) ? message(FIELD_LABELS[field]) : field;
  }

  private renderPreview() {
    const view = this.view as ImportView;
    const fields = this.valueFields(view);
    const problemsByRow = new Map<number, Set<string>>();
    for (const e of view.errors) {
      const set = problemsByRow.get(e.row) ?? new Set<string>();
      set.add(e.field);
      problemsByRow.set(e.row, set);
    }
    const importable = view.row_count - view.invalid_row_count;
    const more = view.error_count - view.errors.length;
    return html`<div class="step" data-step="preview">
      ${this.heading('import.preview.heading')}
      <p class="counts" part="counts" data-counts>${this.countsText(view)}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="preview-caption">
        <table class="preview" part="preview">
          <caption id="preview-caption">${message('import.preview.caption', { count: this.number(view.rows.length) })}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">${message('import.preview.row')}</th>
              ${fields.map((f) => html`<th scope="col">${message(FIELD_LABELS[f])}</th>`)}
              <th scope="col">${message('import.preview.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${view.rows.map((row) => {
              const problems = problemsByRow.get(row.row);
              return html`<tr data-row=${row.row} class=${problems ? 'skipped' : ''}>
                <th scope="row" class="num">${row.row}</th>
                ${fields.map((f) => {
                  const bad = problems?.has(f) || (f === 'first_name' && problems?.has('name'));
                  if (!bad) return html`<td>${this.valueText(f, row.values[f])}</td>`;
                  // The value could not be read: show what the file holds, marked.
                  const source = this.view?.mapping[f] ?? (f === 'first_name' ? this.view?.mapping.name : undefined);
                  const raw = source !== undefined ? cellText(row.cells[source]) : '';
                  return html`<td class="bad"><span class="visually-hidden">${message('import.preview.invalid')} </span>${raw}</td>`;
                })}
                <td>
                  ${
                    problems
                      ? html`<span class="badge danger">${message('import.preview.skipped')}</span>`
                      : html`<span class="badge success">${message('import.preview.ok')}</span>`
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="errors" part="errors">
        <h4 id="errors-heading">${message('import.errors.heading')}</h4>
        ${
          view.errors.length
            ? html`<div class="table-scroll short" tabindex="0" role="region" aria-labelledby="errors-heading">
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="num">${message('import.preview.row')}</th>
                      <th scope="col">${message('import.errors.field')}</th>
                      <th scope="col">${message('import.errors.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${view.errors.map(
                      (e) => html`<tr data-error-row=${e.row} data-field=${e.field}>
                        <td class="num">${e.row}</td>
                        <td>${this.fieldLabel(e.field)}</td>
                        <td>${this.rowErrorText(e)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${more > 0 ? html`<p class="small muted" data-more>${message('import.errors.more', { count: this.number(more) })}</p>` : nothing}`
            : html`<p class="small muted">${message('import.errors.none')}</p>`
        }
      </div>
      ${this.renderRefusal()}
      ${importable === 0 ? html`<p class="notice warning">${message('import.nothingToImport')}</p>` : nothing}
      <footer class="actions">
        <button type="button" class="button quiet" part="button" data-action="back" @click=${() => this.go('mapping')}>
          ${message('import.back')}
        </button>
        <button
          type="button"
          class="button"
          part="button"
          data-action="import"
          ?disabled=${importable === 0 || this.committing}
          @click=${this.commit}
        >
          ${importable === 1 ? message('import.submitOne') : message('import.submit', { count: this.number(importable) })}
        </button>
      </footer>
    </div>`;
  }

  /** The problem in the reader's language; a preview stored before codes existed has only the English text. */
  private rowErrorText(error: ImportView['errors'][number]): string {
    if (!error.code) return error.message;
    const params = Object.fromEntries(
      Object.entries(error.params ?? {}).map(([key, value]) => [
        key,
        typeof value === 'number' ? this.number(value) : value,
      ]),
    );
    return message(`import.rowError.${error.code}`, params);
  }

  private renderImporting() {
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent' }).format(this.progress);
    const failed = Boolean(this.refusal);
    return html`<div class="step" data-step="importing">
      ${this.heading('import.importing')}
      <div class="job" part="progress">
        <progress aria-labelledby="step-heading" max="1" .value=${this.progress}></progress>
        <span class="num percent" aria-hidden="true">${percent}</span>
      </div>
      <p class="small muted">${message('import.importingNote')}</p>
      ${this.renderRefusal()}
      <footer class="actions">
        ${
          failed
            ? html`<button type="button" class="button" part="button" data-action="retry" ?disabled=${this.committing} @click=${this.commit}>
              ${message('import.retry')}
            </button>`
            : html`<button type="button" class="button quiet" part="button" data-action="stop" ?disabled=${this.stopping} @click=${this.stop}>
              ${message(this.stopping ? 'import.stopping' : 'import.stop')}
            </button>`
        }
      </footer>
    </div>`;
  }

  private renderDone() {
    const report = this.report as ImportResult;
    const more = report.skipped_count - report.skipped.length;
    return html`<div class="step" data-step="done">
      ${this.heading('import.done.heading')}
      <div class="report" part="report">
        <dl class="figures">
          <div data-figure="created"><dt>${message('import.done.created')}</dt><dd>${this.number(report.created)}</dd></div>
          <div data-figure="updated"><dt>${message('import.done.updated')}</dt><dd>${this.number(report.updated)}</dd></div>
          <div data-figure="skipped"><dt>${message('import.done.skipped')}</dt><dd>${this.number(report.skipped_count)}</dd></div>
        </dl>
        ${
          report.skipped.length
            ? html`<div class="skipped">
              <h4 id="skipped-heading">${message('import.done.skippedList')}</h4>
              <div class="table-scroll short" tabindex="0" role="region" aria-labelledby="skipped-heading">
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="num">${message('import.preview.row')}</th>
                      <th scope="col">${message('import.done.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${report.skipped.map(
                      (s) =>
                        html`<tr data-skipped-row=${s.row}><td class="num">${s.row}</td><td>${this.reasonText(s)}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${more > 0 ? html`<p class="small muted">${message('import.errors.more', { count: this.number(more) })}</p>` : nothing}
            </div>`
            : nothing
        }
      </div>
      <footer class="actions">
        <button type="button" class="button" part="button" data-action="another" @click=${() => this.reset()}>
          ${message('import.done.another')}
        </button>
      </footer>
    </div>`;
  }
}

type Draft = Partial<Record<ImportField, number | null>>;

function unmapped(draft: Draft, field: ImportField): boolean {
  return (draft[field] ?? null) === null;
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

/** The job's `result`, with numbers where the API promised them (a job result is untyped JSON). */
function normalizeResult(result: unknown): ImportResult {
  const r = (result ?? {}) as Partial<ImportResult>;
  const skipped = Array.isArray(r.skipped) ? r.skipped : [];
  return {
    created: Number(r.created ?? 0),
    updated: Number(r.updated ?? 0),
    skipped,
    skipped_count: Number(r.skipped_count ?? skipped.length),
  };
}
