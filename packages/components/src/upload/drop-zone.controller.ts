// Choosing or dropping files on a drop zone: the card's files section and the import share it. The controller renders
// the zone around the host's file input and label (styles: drop-zone.styles.ts); the host binds `onChoose` to the
// input's `change` and decides what the files become.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

export interface DropZoneOptions {
  /** True while the zone takes no files (an upload runs, the user may not upload): a drag is not offered a drop. */
  disabled(): boolean;
  /** The files chosen or dropped, in their order; never empty. */
  files(files: File[]): void;
}

export class DropZoneController implements ReactiveController {
  /** Files are dragged over the zone. */
  dragOver = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DropZoneOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.setDragOver(false);
  }

  /** The zone (`part="dropzone"`) around `content`, the file input and its label; `.over` while files are dragged. */
  render(content: unknown) {
    return html`<div
      class="drop ${this.dragOver ? 'over' : ''}"
      part="dropzone"
      @dragenter=${this.onDragOver}
      @dragover=${this.onDragOver}
      @dragleave=${this.onDragLeave}
      @drop=${this.onDrop}
    >
      ${content}
    </div>`;
  }

  /** For the file input's `change`: it is emptied, so choosing the same file again is a change again. */
  readonly onChoose = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.take(files);
  };

  /** For `dragenter` and `dragover`: only a drag that carries files is offered a drop. */
  private readonly onDragOver = (event: DragEvent): void => {
    if (this.options.disabled() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.setDragOver(true);
  };

  /** Moving onto a child of the zone is still over the zone. */
  private readonly onDragLeave = (event: DragEvent): void => {
    const related = event.relatedTarget as Node | null;
    if (related && (event.currentTarget as HTMLElement).contains(related)) return;
    this.setDragOver(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragOver(false);
    this.take([...(event.dataTransfer?.files ?? [])]);
  };

  private take(files: File[]): void {
    if (files.length && !this.options.disabled()) this.options.files(files);
  }

  private setDragOver(value: boolean): void {
    if (this.dragOver === value) return;
    this.dragOver = value;
    this.host.requestUpdate();
  }
}
