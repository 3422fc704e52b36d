// QR codes of card numbers: the dark modules as geometry, which the e-card page wraps into inline SVG and
// the card's e-card section draws itself.
import { encode } from 'uqr';

/** `size` modules square (the 4-module quiet zone included); `path` an SVG path `d` of the dark modules. */
export interface QrGeometry {
  size: number;
  path: string;
}

/** One rectangle per horizontal run of dark modules, which keeps the path short. */
export function qrGeometry(text: string): QrGeometry {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  return { size, path };
}
