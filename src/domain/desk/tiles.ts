// The map's basemap: a raster tile URL template ({z}/{x}/{y}), configurable, and the CSP source that lets the
// app load it. Shared by the app (which tiles to ask for) and the server (what its CSP allows).

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = {
  text: '© OpenStreetMap',
  href: 'https://www.openstreetmap.org/copyright',
};

const TEMPLATE = /^(https?):\/\/((?:\{s\}\.)?[a-z0-9.-]+(?::\d{1,5})?)(\/[^\s"'<>\\]*)$/i;

/** A template the map can use: http(s), a plain host (optionally `{s}.` subdomains), and {z}, {x} and {y}. */
export function isTileTemplate(url: string): boolean {
  const match = TEMPLATE.exec(url.trim());
  return (
    match !== null && url.length <= 500 && ['{z}', '{x}', '{y}'].every((part) => match[3]!.includes(part))
  );
}

/** The template to use: the given one when valid, else the default. */
export function tileTemplateOr(url: string | null | undefined, fallback = DEFAULT_TILE_URL): string {
  return url && isTileTemplate(url) ? url.trim() : fallback;
}

/** The CSP source of a template's host (`https://*.tile.example.org` for `{s}.` subdomains); null if invalid. */
export function tileCspSource(url: string): string | null {
  if (!isTileTemplate(url)) return null;
  const match = TEMPLATE.exec(url.trim())!;
  return `${match[1]!.toLowerCase()}://${match[2]!.toLowerCase().replace('{s}.', '*.')}`;
}
