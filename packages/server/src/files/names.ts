// File names as users send them are untrusted: paths, control and bidi characters, any length. We keep
// a readable name for the card and for downloads, and never use it as a path (storage keys are random).

const MAX_NAME_CHARS = 160;

export interface CleanName {
  /** The name to show and to offer on download: no path, no control characters, bounded length. */
  name: string;
  /** Lower-case extension without the dot ('' when there is none). */
  extension: string;
}

export function sanitizeFileName(raw: string): CleanName {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // Cc: control characters; Cf: format characters such as U+202E, which can make "exe.pdf" read "fdp.exe".
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    // Leading dots would hide the file on download; trailing dots and spaces are dropped by Windows.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).trimEnd() || 'file';
  const room = MAX_NAME_CHARS - (extension ? extension.length + 1 : 0);
  // Cut by code point so a surrogate pair is never split.
  const shortStem = Array.from(stem).slice(0, Math.max(room, 1)).join('').trimEnd();
  return { name: extension ? `${shortStem}.${extension}` : shortStem, extension };
}

/** RFC 6266: an ASCII fallback for old clients, and the exact name as RFC 8187 UTF-8 for the rest. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
