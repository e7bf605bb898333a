// One QR frame drawn on a canvas, black on white with the standard 4-module quiet zone: at 10 frames a second a
// canvas redraw is cheaper than decoding a new image each time, and its pixels are exact.
import { useEffect, useRef } from 'preact/hooks';
import { encode } from 'uqr';

const QUIET_ZONE = 4;
const MODULE_PIXELS = 6;

export function QrCode({ text, label }: { text: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { data, size } = encode(text, { ecc: 'M', border: 0 });
    const side = (size + 2 * QUIET_ZONE) * MODULE_PIXELS;
    if (element.width !== side) element.width = element.height = side;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, side, side);
    context.fillStyle = '#000';
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark)
          context.fillRect(
            (x + QUIET_ZONE) * MODULE_PIXELS,
            (y + QUIET_ZONE) * MODULE_PIXELS,
            MODULE_PIXELS,
            MODULE_PIXELS,
          );
      }),
    );
  }, [text]);
  return <canvas ref={canvas} class="qr__code" role="img" aria-label={label} data-frame={text} />;
}
