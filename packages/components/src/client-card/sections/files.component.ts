import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ClientFile } from '../../api/types.js';
import { formatBytes } from '../../format.js';
import { errorText, message } from '../../localize.js';
import { DropZoneController } from '../../upload/drop-zone.controller.js';
import { dropZoneStyles } from '../../upload/drop-zone.styles.js';
import { CardSection, emptyBlock, errorBlock, errorCode, isAbort, moreBlock, PagedList, skeleton } from '../section.js';
import { sectionStyles } from '../section.styles.js';

export const MAX_FILE_BYTES = 12 * 1024 * 1024;
const EXTENSIONS = ['jpeg', 'jpg', 'png', 'gif', 'doc', 'docx', 'pdf', 'xls', 'xlsx', 'txt'];

interface Upload {
  name: string;
  loaded: number;
  total: number;
}

/**
 * @summary The client's documents: upload by choosing or dropping files (with a progress bar), download, delete. The
 * API decides the type by the content; a refused file is explained.
 * @tag cb-client-card-files
 */
@localized()
export class CbClientCardFiles extends CardSection {
  static override styles = [
    sectionStyles,
    dropZoneStyles,
    css`
      .drop input[type='file']:focus-visible + label {
        outline: 2px solid var(--cb-color-focus-ring, var(--_accent));
        outline-offset: 2px;
      }

      .progress {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        width: 100%;
        max-width: 24rem;
      }

      progress {
        width: 100%;
        height: 0.5rem;
        appearance: none;
        border: 0;
        border-radius: 999px;
        background: var(--_border);
        overflow: hidden;
        accent-color: var(--_accent);
      }

      progress::-webkit-progress-bar {
        background: var(--_border);
        border-radius: 999px;
      }

      progress::-webkit-progress-value {
        background: var(--_accent);
        border-radius: 999px;
        transition: width 0.15s linear;
      }

      progress::-moz-progress-bar {
        background: var(--_accent);
      }

      .file {
        display: flex;
        align-items: center;
        gap: var(--cb-space-3, 0.75rem);
      }

      .file .info {
        flex: 1;
        min-width: 0;
      }

      .file .name {
        font-weight: var(--cb-font-weight-semibold, 600);
        overflow-wrap: anywhere;
      }

      .file .type {
        flex: none;
        width: 2.5rem;
        height: 2.5rem;
        border-radius: var(--cb-radius-sm, 4px);
        display: grid;
        place-items: center;
        font-size: 0.625rem;
        font-weight: 700;
        letter-spacing: 0.03em;
        text-transform: uppercase;
        color: var(--_accent);
        background: color-mix(in srgb, var(--_accent) 10%, var(--_bg));
      }

      .file .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: var(--cb-space-1, 0.25rem);
      }
    `,
  ];

  @state() private upload: Upload | null = null;
  @state() private problems: string[] = [];
  @state() private uploadedNote = '';
  @state() private confirmDelete: string | null = null;
  @state() private busyFile: string | null = null;
  @state() private rowError: { id: string; text: string } | null = null;

  private uploadAbort: AbortController | null = null;

  private readonly dropZone = new DropZoneController(this, {
    disabled: () => !this.can('files_write') || Boolean(this.upload),
    files: (files) => void this.uploadAll(files),
  });

  private readonly files = new PagedList<ClientFile>(
    this,
    () => this.api,
    (offset, limit) => `${this.clientPath}/files?offset=${offset}&limit=${limit}`,
    () => (this.client ? [this.client.id] : null),
    20,
  );

  override refresh(): void {
    this.files.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.uploadAbort?.abort();
  }

  protected override render() {
    if (!this.client) return nothing;
    return html`<div class="stack">
      ${this.can('files_write') ? this.renderUpload() : nothing}
      <section aria-labelledby="files-heading">
        <h3 id="files-heading">${message('card.files.title')}</h3>
        ${this.renderList()}
      </section>
    </div>`;
  }

  private renderUpload() {
    const up = this.upload;
    const percent = up?.total ? Math.round((up.loaded / up.total) * 100) : 0;
    return html`${this.dropZone.render(html`
        <input
          id="file-input"
          type="file"
          multiple
          accept=${EXTENSIONS.map((e) => `.${e}`).join(',')}
          aria-describedby="file-hint"
          ?disabled=${Boolean(up)}
          @change=${this.dropZone.onChoose}
        />
        <label for="file-input" class="button" part="button">${message('card.files.choose')}</label>
        <p class="small muted" id="file-hint">${message('card.files.hint', { types: EXTENSIONS.join(', ') })}</p>
        ${
          up
            ? html`<div class="progress">
              <label class="small" for="upload-progress">${message('card.files.uploading', { name: up.name })}</label>
              <progress id="upload-progress" part="progress" max="100" .value=${percent}>${percent}%</progress>
              <div class="row spread small muted">
                <span class="num">${percent}%</span>
                <button type="button" class="button link small" part="button" @click=${() => this.uploadAbort?.abort()}>
                  ${message('card.cancel')}
                </button>
              </div>
            </div>`
            : nothing
        }
      `)}
      <div role="alert" class="stack">
        ${this.problems.map((p) => html`<p class="notice danger" part="status">${p}</p>`)}
      </div>
      <p class="notice success" role="status" part="status">${this.uploadedNote}</p>`;
  }

  private renderList() {
    const list = this.files;
    if (list.state === 'error') return errorBlock(list.error, list.reload);
    if (list.state !== 'ready') return skeleton(3);
    if (!list.items.length) return emptyBlock(message('card.files.empty'));
    return html`<ul class="list" part="table">
        ${list.items.map((f) => this.renderFile(f))}
      </ul>
      ${moreBlock(list, this.locale)}`;
  }

  private renderFile(f: ClientFile) {
    const extension = f.name.includes('.') ? (f.name.split('.').pop() ?? '') : '';
    const confirming = this.confirmDelete === f.id;
    const busy = this.busyFile === f.id;
    return html`<li class="file" data-id=${f.id}>
      <span class="type" aria-hidden="true">${extension.slice(0, 4)}</span>
      <div class="info">
        <p class="name">${f.name}</p>
        <p class="meta"><span class="num">${formatBytes(f.size_bytes, this.locale)}</span><span>${this.dateTime(f.created_at)}</span></p>
        ${this.rowError?.id === f.id ? html`<p class="field-error" role="alert">${this.rowError.text}</p>` : nothing}
      </div>
      <div class="actions">
        ${
          confirming
            ? html`<button
                type="button"
                class="button danger small"
                part="button"
                ?disabled=${busy}
                @click=${() => this.deleteFile(f)}
              >
                ${message('card.files.confirmDelete')}<span class="visually-hidden"> ${f.name}</span>
              </button>
              <button type="button" class="button quiet small" part="button" @click=${() => this.cancelDelete(f)}>
                ${message('card.cancel')}
              </button>`
            : html`<button
                  type="button"
                  class="button quiet small"
                  part="button"
                  data-action="download"
                  ?disabled=${busy}
                  @click=${() => this.download(f)}
                >
                  ${message('card.files.download')}<span class="visually-hidden"> ${f.name}</span>
                </button>
                ${
                  this.can('files_write')
                    ? html`<button
                      type="button"
                      class="button quiet danger small"
                      part="button"
                      data-action="delete"
                      @click=${() => this.askDelete(f)}
                    >
                      ${message('card.files.delete')}<span class="visually-hidden"> ${f.name}</span>
                    </button>`
                    : nothing
                }`
        }
      </div>
    </li>`;
  }

  /** Uploads one file after another; each refusal is listed, the others still go up. */
  async uploadAll(files: File[]): Promise<void> {
    if (!this.api) return;
    this.problems = [];
    this.uploadedNote = '';
    const uploaded: string[] = [];
    for (const file of files) {
      const problem = await this.uploadOne(file);
      if (problem === 'aborted') break;
      if (problem) this.problems = [...this.problems, problem];
      else uploaded.push(file.name);
    }
    this.upload = null;
    if (uploaded.length) {
      this.uploadedNote =
        uploaded.length === 1
          ? message('card.files.uploaded', { name: uploaded[0] ?? '' })
          : message('card.files.uploadedMany', { count: uploaded.length });
      this.files.reload();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#file-input')?.focus();
  }

  private async uploadOne(file: File): Promise<string | null | 'aborted'> {
    const api = this.api;
    if (!api) return null;
    const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
    if (!EXTENSIONS.includes(extension)) {
      return message('card.files.badType', { name: file.name, types: EXTENSIONS.join(', ') });
    }
    if (file.size > MAX_FILE_BYTES) return message('card.files.tooLarge', { name: file.name });
    if (file.size === 0) return message('card.files.emptyFile', { name: file.name });
    this.upload = { name: file.name, loaded: 0, total: file.size };
    const abort = new AbortController();
    this.uploadAbort = abort;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api.upload<ClientFile>(`${this.clientPath}/files`, form, {
        signal: abort.signal,
        onProgress: (loaded, total) => {
          this.upload = { name: file.name, loaded, total };
        },
      });
      this.upload = { name: file.name, loaded: file.size, total: file.size };
      return null;
    } catch (error) {
      if (isAbort(error)) return 'aborted';
      const code = errorCode(error);
      if (code === 'unsupported_file_type')
        return message('card.files.refused', { name: file.name, types: EXTENSIONS.join(', ') });
      if (code === 'file_too_large') return message('card.files.tooLarge', { name: file.name });
      return `${file.name}: ${errorText(error)}`;
    } finally {
      this.uploadAbort = null;
    }
  }

  private async download(f: ClientFile): Promise<void> {
    if (!this.api) return;
    this.busyFile = f.id;
    this.rowError = null;
    try {
      const blob = await this.api.download(`/v1/files/${encodeURIComponent(f.id)}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = f.name;
      link.rel = 'noopener';
      link.hidden = true;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (error) {
      this.rowError = { id: f.id, text: errorText(error) };
    } finally {
      this.busyFile = null;
    }
  }

  private async askDelete(f: ClientFile): Promise<void> {
    this.confirmDelete = f.id;
    this.rowError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${f.id}"] .button.danger`)?.focus();
  }

  private async cancelDelete(f: ClientFile): Promise<void> {
    this.confirmDelete = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${f.id}"] [data-action="delete"]`)?.focus();
  }

  private async deleteFile(f: ClientFile): Promise<void> {
    if (!this.api) return;
    this.busyFile = f.id;
    try {
      await this.api.request('DELETE', `/v1/files/${encodeURIComponent(f.id)}`);
      this.confirmDelete = null;
      this.uploadedNote = message('card.files.deleted', { name: f.name });
      this.files.reload();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#file-input, [data-action="download"]')?.focus();
    } catch (error) {
      this.rowError = { id: f.id, text: errorText(error) };
    } finally {
      this.busyFile = null;
    }
  }
}
