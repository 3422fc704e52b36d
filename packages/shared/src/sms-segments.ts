// How many SMS parts a text costs (3GPP TS 23.038): the server counts with it and the composers count as
// you type, with this one function.

// GSM 03.38 basic character set (without ESC, which only introduces the extension table).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// The extension table: each costs two septets (ESC + the character).
const GSM7_EXTENDED = new Set('\f^{}\\[~]|€');

export interface SmsSegments {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Parts the text is sent as; 0 for an empty text. */
  segments: number;
  /** Units one part holds: 160/70 for a single part, 153/67 once a user-data header joins parts. */
  per_segment: number;
}

export function smsSegments(text: string): SmsSegments {
  const characters = Array.from(text);
  const gsm7 = characters.every((ch) => GSM7_BASIC.has(ch) || GSM7_EXTENDED.has(ch));
  // Per character: an escaped GSM character is 2 septets; an astral character (emoji) is a UTF-16 pair.
  const widths = characters.map((ch) => (gsm7 ? (GSM7_EXTENDED.has(ch) ? 2 : 1) : ch.length));
  const units = widths.reduce((sum, width) => sum + width, 0);
  const [single, joined] = gsm7 ? [160, 153] : [70, 67];
  const encoding = gsm7 ? 'gsm7' : 'ucs2';
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, per_segment: single };
  // Phones never split an escape sequence or a surrogate pair across parts, so a part may end one short.
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > joined) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments, per_segment: joined };
}
