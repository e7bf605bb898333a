// Exports of missions as files (CSV, HXL, GeoJSON), the same for the app and the command line.
import { strToU8, zipSync } from 'fflate';
import type { MissionSnapshot } from '../records/snapshot.ts';
import { toCsv } from './csv.ts';
import { featureCollection, GEOJSON_MIME } from './geojson.ts';
import { hxlTable } from './hxl.ts';
import type { LabelOf } from './labels.ts';
import { selectForExport, type ExportScope } from './scope.ts';
import { csvTables } from './tables.ts';

export const EXPORT_FORMATS = ['csv', 'hxl', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

export interface ExportRequest {
  format: ExportFormat;
  scope?: ExportScope;
  /** Labels in the user's language; without them, label columns are left out. */
  labels?: LabelOf | null;
}

const CSV_MIME = 'text/csv;charset=utf-8';

export function buildExport(snapshots: readonly MissionSnapshot[], request: ExportRequest): ExportFile[] {
  const scoped = selectForExport(snapshots, request.scope);
  const labels = request.labels ?? null;
  switch (request.format) {
    case 'csv':
      return csvTables(scoped, labels).map((t) => ({ name: t.name, mime: CSV_MIME, text: toCsv(t) }));
    case 'hxl': {
      const table = hxlTable(scoped, labels);
      return [{ name: table.name, mime: CSV_MIME, text: toCsv(table) }];
    }
    case 'geojson':
      return [
        {
          name: 'minga.geojson',
          mime: GEOJSON_MIME,
          text: `${JSON.stringify(featureCollection(scoped))}\n`,
        },
      ];
  }
}

/** Several files as one zip (CSV: one file per kind of record); a single file is handed over as it is. */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])), { level: 6 });
}

/** minga-<what>-YYYY-MM-DD.<ext>, in the device's local date (the one the user sees). */
export function exportFileName(format: ExportFormat, at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  if (format === 'csv') return `minga-export-${day}.zip`;
  if (format === 'hxl') return `minga-assessments-hxl-${day}.csv`;
  return `minga-${day}.geojson`;
}
