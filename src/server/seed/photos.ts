// Small real JPEGs for the demo programme: a drawn street scene (sky, damaged buildings, rubble), encoded by
// jpeg-js, hashed and described as the app describes a photo it took (PhotoRef).
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import type { Random } from './random.ts';

export interface SeedPhoto {
  sha256: string;
  mime: 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

type Rgb = readonly [number, number, number];

const WALLS: readonly Rgb[] = [
  [196, 190, 178],
  [228, 206, 160],
  [170, 200, 196],
  [224, 170, 150],
  [240, 236, 222],
];

class Canvas {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 4);
  }

  set(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (Math.floor(y) * this.width + Math.floor(x)) * 4;
    this.data[i] = r;
    this.data[i + 1] = g;
    this.data[i + 2] = b;
    this.data[i + 3] = 255;
  }

  rect(x: number, y: number, w: number, h: number, colour: Rgb): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++)
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.set(i, j, colour);
  }
}

const shade = ([r, g, b]: Rgb, k: number): Rgb => [
  Math.max(0, Math.min(255, Math.round(r * k))),
  Math.max(0, Math.min(255, Math.round(g * k))),
  Math.max(0, Math.min(255, Math.round(b * k))),
];

function building(canvas: Canvas, random: Random, x: number, w: number, horizon: number): void {
  const h = random.int(Math.round(canvas.height * 0.25), Math.round(canvas.height * 0.55));
  const top = horizon - h;
  const wall = random.pick(WALLS);
  canvas.rect(x, top, w, h, wall);
  canvas.rect(x, top - 4, w, 4, shade(wall, 0.7));
  for (let wy = top + 10; wy + 14 < horizon - 8; wy += 26)
    for (let wx = x + 8; wx + 12 < x + w - 4; wx += 22) canvas.rect(wx, wy, 12, 14, shade(wall, 0.45));
  if (random.chance(0.7)) {
    // A crack running down the wall: what a technician photographs.
    let cx = x + random.int(Math.round(w * 0.2), Math.round(w * 0.8));
    for (let cy = top; cy < horizon; cy++) {
      cx += random.int(-1, 1);
      canvas.rect(cx, cy, 2, 1, [40, 36, 32]);
    }
  }
}

function scene(random: Random, width: number, height: number): Canvas {
  const canvas = new Canvas(width, height);
  const horizon = Math.round(height * random.int(62, 75) * 0.01);
  const sky: Rgb = random.pick([
    [120, 170, 220],
    [170, 190, 205],
    [200, 205, 210],
  ]);
  for (let y = 0; y < horizon; y++) canvas.rect(0, y, width, 1, shade(sky, 0.85 + (0.3 * y) / horizon));
  const ground: Rgb = random.pick([
    [150, 135, 110],
    [120, 118, 112],
    [170, 150, 115],
  ]);
  canvas.rect(0, horizon, width, height - horizon, ground);
  let x = random.int(-20, 10);
  while (x < width) {
    const w = random.int(60, 120);
    building(canvas, random, x, w, horizon);
    x += w + random.int(4, 24);
  }
  for (let i = random.int(10, 40); i > 0; i--) {
    canvas.rect(
      random.int(0, width),
      random.int(horizon - 6, height),
      random.int(3, 14),
      random.int(2, 8),
      shade(random.pick(WALLS), random.next() * 0.5 + 0.5),
    );
  }
  // Sensor grain, so the image compresses like a photo rather than a drawing.
  for (let i = 0; i < canvas.data.length; i += 4) {
    const grain = random.int(-6, 6);
    for (let c = 0; c < 3; c++)
      canvas.data[i + c] = Math.max(0, Math.min(255, (canvas.data[i + c] ?? 0) + grain));
  }
  return canvas;
}

/** One photo, landscape or portrait, a few kilobytes. */
export function seedPhoto(random: Random): SeedPhoto {
  const [width, height] = random.chance(0.75) ? [320, 240] : [240, 320];
  const canvas = scene(random, width, height);
  const bytes = new Uint8Array(jpeg.encode({ width, height, data: canvas.data }, 80).data);
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mime: 'image/jpeg',
    bytes,
    width,
    height,
  };
}
