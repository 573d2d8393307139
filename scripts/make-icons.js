#!/usr/bin/env node
// @ts-check
/**
 * Draws the two Teams app icons and writes them as PNG files with nothing but Node's zlib:
 *
 *   manifest/color.png    192×192, full colour: a white document with text lines and a pen on blue
 *   manifest/outline.png  32×32, white on transparent (Teams tints it): the same symbol as lines
 *
 * The shapes are described as signed-distance tests and sampled 4×4 per pixel (anti-aliasing), so
 * the output is byte-for-byte the same on every run. Run: `node scripts/make-icons.js`.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/** Accent colour of the app (also `accentColor` in the manifest). */
const ACCENT = [0x1f, 0x5f, 0x8b];
const WHITE = [0xff, 0xff, 0xff];
const PEN = [0xf2, 0xa9, 0x00];
const PEN_TIP = [0x3a, 0x3a, 0x3a];

// ---------------------------------------------------------------------------------- PNG writer

// CRC-32 as PNG and zip define it: Node's zlib has it (Node ≥ 20.15).
const crc32 = zlib.crc32;

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Encodes 8-bit RGBA pixels (row-major) as a PNG: colour type 6 (RGBA) or 2 (RGB, alpha dropped).
 * @param {number} width @param {number} height @param {Uint8Array} rgba @param {boolean} withAlpha
 */
function encodePng(width, height, rgba, withAlpha) {
  const channels = withAlpha ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      for (let c = 0; c < channels; c++) raw[o++] = /** @type {number} */ (rgba[i + c]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = withAlpha ? 6 : 2; // colour type
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------- shapes
// Coordinates are in a 0..1 unit square; each shape answers "is this point inside?".

/** Rounded rectangle. */
function roundRect(x0, y0, x1, y1, r) {
  return (/** @type {number} */ x, /** @type {number} */ y) => {
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A thick line segment with round ends. */
function segment(ax, ay, bx, by, halfWidth) {
  return (/** @type {number} */ x, /** @type {number} */ y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}

/** Triangle (for the pen's tip and the document's folded corner). */
function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (/** @type {number} */ x, /** @type {number} */ y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

/**
 * Renders layers (painted in order, later on top) into RGBA pixels with 4×4 supersampling.
 * @param {number} size
 * @param {Array<{ inside: (x: number, y: number) => boolean, rgb: number[], clear?: boolean }>} layers
 * @param {number[] | null} background  null = transparent
 */
function render(size, layers, background) {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          /** @type {number[] | null} */
          let colour = background;
          for (const layer of layers) {
            if (layer.inside(x, y)) colour = layer.clear ? null : layer.rgb;
          }
          if (colour) {
            r += /** @type {number} */ (colour[0]);
            g += /** @type {number} */ (colour[1]);
            b += /** @type {number} */ (colour[2]);
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples (no dark fringes), alpha = coverage.
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

/** 192×192: white sheet with a folded corner and text lines on the accent colour, a pen across it. */
function colorIcon() {
  const lines = [0.36, 0.46, 0.56, 0.66].map((y, i) => ({
    inside: segment(0.3, y, i === 3 ? 0.5 : 0.62, y, 0.022),
    rgb: ACCENT,
  }));
  return render(
    192,
    [
      { inside: roundRect(0.2, 0.14, 0.74, 0.86, 0.04), rgb: WHITE },
      { inside: triangle(0.6, 0.14, 0.74, 0.14, 0.74, 0.28), rgb: ACCENT }, // cut corner
      { inside: triangle(0.6, 0.14, 0.6, 0.28, 0.74, 0.28), rgb: [0xc9, 0xd9, 0xe6] }, // fold
      ...lines,
      { inside: segment(0.52, 0.8, 0.82, 0.42, 0.05), rgb: PEN },
      { inside: triangle(0.47, 0.86, 0.49, 0.76, 0.56, 0.83), rgb: PEN_TIP },
    ],
    ACCENT,
  );
}

/** 32×32: the same symbol as white strokes on transparent. */
function outlineIcon() {
  const stroke = 0.045;
  const layers = [
    // sheet outline: outer rounded rect minus inner rounded rect
    { inside: roundRect(0.16, 0.08, 0.74, 0.92, 0.06), rgb: WHITE },
    { inside: roundRect(0.16 + 2 * stroke, 0.08 + 2 * stroke, 0.74 - 2 * stroke, 0.92 - 2 * stroke, 0.02), rgb: WHITE, clear: true },
    { inside: segment(0.36, 0.32, 0.56, 0.32, stroke), rgb: WHITE },
    { inside: segment(0.36, 0.48, 0.56, 0.48, stroke), rgb: WHITE },
    { inside: segment(0.36, 0.64, 0.46, 0.64, stroke), rgb: WHITE },
    // pen, cleared around so it reads separately from the sheet
    { inside: segment(0.56, 0.86, 0.9, 0.42, 0.11), rgb: WHITE, clear: true },
    { inside: segment(0.6, 0.8, 0.88, 0.44, 0.06), rgb: WHITE },
    { inside: triangle(0.52, 0.93, 0.55, 0.79, 0.65, 0.86), rgb: WHITE },
  ];
  return render(32, layers, null);
}

/** Writes both icons into `dir` (default: manifest/) and returns their paths. */
function makeIcons(dir = path.join(__dirname, '..', 'manifest')) {
  const color = path.join(dir, 'color.png');
  const outline = path.join(dir, 'outline.png');
  fs.writeFileSync(color, encodePng(192, 192, colorIcon(), false));
  fs.writeFileSync(outline, encodePng(32, 32, outlineIcon(), true));
  return { color, outline };
}

module.exports = { makeIcons, encodePng, crc32 };

if (require.main === module) {
  const written = makeIcons();
  console.log(`Skrev ${path.relative(process.cwd(), written.color)} och ${path.relative(process.cwd(), written.outline)}`);
}
