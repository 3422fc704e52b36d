// Code 128 (subset B) barcodes, so a desk scanner reads the card number: the bars as geometry (the card's
// e-card section draws them) and as inline SVG for the e-card page.
// Each symbol is 3 bars and 3 spaces, 11 modules wide; the widths below are indexed by symbol value.
const PATTERNS = `
212222 222122 222221 121223 121322 131222 122213 122312 132212 221213
221312 231212 112232 122132 122231 113222 123122 123221 223211 221132
221231 213212 223112 312131 311222 321122 321221 312212 322112 322211
212123 212321 232121 111323 131123 131321 112313 132113 132311 211313
231113 231311 112133 112331 132131 113123 113321 133121 313121 211331
231131 213113 213311 213131 311123 311321 331121 312113 312311 332111
314111 221411 431111 111224 111422 121124 121421 141122 141221 112214
112412 122114 122411 142112 142211 241211 221114 413111 241112 134111
111242 121142 121241 114212 124112 124211 411212 421112 421211 212141
214121 412121 111143 111341 131141 114113 114311 411113 411311 113141
114131 311141 411131 211412 211214 211232 2331112
`
  .trim()
  .split(/\s+/);

export const START_B = 104;
export const STOP = 106;
const QUIET_ZONE = 10; // modules each side, as the specification asks

/** Bar/space widths of a symbol value (0–106; 106 is the stop pattern with its final bar). */
export function symbolWidths(value: number): number[] {
  const pattern = PATTERNS[value];
  if (pattern === undefined) throw new RangeError(`No Code 128 symbol ${value}.`);
  return [...pattern].map(Number);
}

/** Subset B values of printable ASCII (space … ~); anything else cannot be encoded. */
export function subsetBValues(text: string): number[] {
  return [...text].map((char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 32 || code > 126) throw new RangeError(`Code 128 B cannot encode ${JSON.stringify(char)}.`);
    return code - 32;
  });
}

/** (start + Σ position·value) mod 103, positions counted from 1. */
export function checksum(start: number, values: readonly number[]): number {
  return values.reduce((sum, value, index) => sum + (index + 1) * value, start) % 103;
}

/** Every symbol value of the barcode: start B, the data, the check symbol, stop. */
export function encodeCode128B(text: string): number[] {
  const values = subsetBValues(text);
  return [START_B, ...values, checksum(START_B, values), STOP];
}

/** Bars drawn as data: `width` and `height` in modules (quiet zones included), `path` an SVG path `d` of the bars. */
export interface BarcodeGeometry {
  width: number;
  height: number;
  path: string;
}

/** Bar height in modules when the caller does not choose one: about a fifth of a card number's length. */
export const BAR_HEIGHT = 32;

/** The barcode's bars, one closed rectangle per bar, starting after the left quiet zone. */
export function code128Bars(text: string, height = BAR_HEIGHT): BarcodeGeometry {
  let x = QUIET_ZONE;
  let path = '';
  for (const value of encodeCode128B(text)) {
    symbolWidths(value).forEach((width, index) => {
      if (index % 2 === 0) path += `M${x} 0h${width}v${height}h-${width}z`;
      x += width;
    });
  }
  return { width: x + QUIET_ZONE, height, path };
}

/** The barcode as one `<path>` of bars in an SVG `moduleWidth` px per module, with the quiet zone. */
export function code128Svg(text: string, options: { moduleWidth?: number; height?: number } = {}): string {
  const moduleWidth = options.moduleWidth ?? 2;
  const { width, height, path } = code128Bars(text, options.height ?? 64);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width * moduleWidth}" ` +
    `height="${height}" preserveAspectRatio="none" role="img" aria-label="Barcode" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${height}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
