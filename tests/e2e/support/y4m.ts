// Writes QR frame texts as a Y4M video, the format Chromium's fake camera plays in a loop
// (--use-file-for-fake-video-capture): each frame a QR code drawn black on white, centred, with its quiet zone.
import { writeFile } from 'node:fs/promises';
import { encode } from 'uqr';

const WIDTH = 640;
const HEIGHT = 480;
/** Video range luma: what a camera delivers for black and white. */
const BLACK = 16;
const WHITE = 235;

function frame(text: string): Buffer {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const luma = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  const module = Math.floor(Math.min(WIDTH, HEIGHT) / size);
  const left = Math.floor((WIDTH - module * size) / 2);
  const top = Math.floor((HEIGHT - module * size) / 2);
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < module; dy++) {
        const start = (top + y * module + dy) * WIDTH + left + x * module;
        luma.fill(BLACK, start, start + module);
      }
    }),
  );
  // 4:2:0 chroma, neutral grey: the picture has no colour.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
}

/** A video of the frames, `fps` a second, that the fake camera repeats from the start when it ends. */
export async function writeQrVideo(file: string, texts: readonly string[], fps: number): Promise<void> {
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, ...texts.map(frame)]));
}
