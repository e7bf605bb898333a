// `npm run bench`: measures the built app and prints and writes figures. A benchmark, not a test.
// `npm run bench -- export desk` measures only the modules named (the keys of the figures printed).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBuiltApp } from '../tests/e2e/support/server.ts';
import { measureFieldApp } from './fieldApp.ts';
import { runLighthouse } from './lighthouse.ts';
import { measureSync } from './sync.ts';
import { measureRecords } from './records.ts';
import { measureHarden } from './harden.ts';
import { measureSearch } from './search.ts';
import { measureLongText } from './longText.ts';
import { measureBundle } from './bundle.ts';
import { measureExport } from './export.ts';
import { measureDeviceExport } from './exportDevice.ts';
import { measureAccounts } from './accounts.ts';
import { measureSeverity } from './severity.ts';
import { measureDesk } from './desk.ts';
import { measureHistory } from './history.ts';
import { measureQr } from './qr.ts';
import { describeGroupCommit, measureGroupCommit } from './groupCommit.ts';
import { describeServerMemory, measureServerMemory } from './serverMemory.ts';
import { formatFlood, measureFlood } from './flood.ts';
import { describeProgrammeSync, measureProgrammeSync } from './programmeSync.ts';

const outDir = path.join(import.meta.dirname, 'results');
const only = new Set(process.argv.slice(2));
/** Runs a module when none is named or it is named (`export` runs both export modules). */
async function want<T>(name: string, measure: () => T | Promise<T>): Promise<T | undefined> {
  return only.size === 0 ||
    only.has(name) ||
    only.has(name.replace(/^device(\w)/, (_, c: string) => c.toLowerCase()))
    ? await measure()
    : undefined;
}
const app = await startBuiltApp();
try {
  const fieldApp = await want('fieldApp', () => measureFieldApp(app.url));
  const lighthouse = await want('lighthouse', () => runLighthouse(`${app.url}/`));
  const sync = await want('sync', () => measureSync());
  const records = await want('records', () => measureRecords());
  const harden = await want('harden', () => measureHarden());
  const search = await want('search', () => measureSearch(app.url));
  const longText = await want('longText', () => measureLongText(app.url));
  const bundle = await want('bundle', () => measureBundle());
  const exports = await want('export', () => measureExport());
  const accounts = await want('accounts', () => measureAccounts(app.url));
  const severity = await want('severity', () => measureSeverity());
  const desk = await want('desk', () => measureDesk(app.url));
  const history = await want('history', () => measureHistory());
  const deviceExport = await want('deviceExport', () => measureDeviceExport(app.url));
  const qr = await want('qr', () => measureQr());
  const groupCommit = await want('groupCommit', () => measureGroupCommit());
  const serverMemory = await want('serverMemory', () => measureServerMemory());
  const flood = await want('flood', () => measureFlood());
  const programmeSync = await want('programmeSync', () => measureProgrammeSync());
  const figures = {
    measuredAt: new Date().toISOString(),
    machine: `${process.platform} ${process.arch}`,
    fieldApp,
    lighthouse,
    sync,
    records,
    harden,
    search,
    longText,
    bundle,
    exports,
    accounts,
    severity,
    desk,
    history,
    deviceExport,
    qr,
    groupCommit,
    serverMemory,
    flood,
    programmeSync,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, only.size ? `bench-${[...only].join('-')}.json` : 'bench.json'),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
  console.info(JSON.stringify(figures, null, 2));
  if (fieldApp) {
    const kb = (fieldApp.firstScreenJsGzipBytes / 1024).toFixed(1);
    console.info(
      `first-screen JS ${kb} KB gzip (target ≤ 100; ${(fieldApp.jsAfterIdleGzipBytes / 1024).toFixed(1)} KB once idle) · open mission ${fieldApp.openMissionMs.median.toFixed(0)} ms ` +
        `(target ≤ 300) · keystroke→disk p50 ${fieldApp.keystrokeToDiskMs.p50.toFixed(1)} ms, ` +
        `p95 ${fieldApp.keystrokeToDiskMs.p95.toFixed(1)} ms (target ≤ 50)`,
    );
  }
  if (lighthouse) {
    console.info(
      `Lighthouse mobile, medians of ${lighthouse.coldScores.length} runs: cold score ${lighthouse.coldScore} ` +
        `(${lighthouse.coldScores.join(', ')}), LCP ${lighthouse.coldLcpMs} ms · warm score ${lighthouse.warmScore} ` +
        `(${lighthouse.warmScores.join(', ')}), LCP ${lighthouse.warmLcpMs} ms (targets: score ≥ 95, warm LCP ≤ 1000 ms)`,
    );
  }
  if (sync) {
    const week = sync.weekOfWork;
    console.info(
      `sync: a week offline (${week.notes} notes, ${week.assessments} assessments, ${week.photos.count} photos of ` +
        `${(week.photos.bytes / 1024 / 1024).toFixed(1)} MB) on the server in ${week.ms.toFixed(0)} ms ` +
        `(document ${week.documentMs.toFixed(0)} ms, photos ${week.photos.ms.toFixed(0)} ms) · document ` +
        `${(week.bytesSent / 1024).toFixed(0)} KB sent = ${week.ratio.toFixed(2)}× Yjs's own diff (target ≤ 1.2) · ` +
        `live edit p50 ${sync.liveEditMs.p50.toFixed(1)} ms, p95 ${sync.liveEditMs.p95.toFixed(1)} ms (target p95 ≤ 100)`,
    );
  }
  if (records) {
    console.info(
      `records: a mission of ${records.notes} notes and ${records.assessments} assessments is ` +
        `${(records.documentBytes / 1024).toFixed(0)} KB; one assessment save sends ${records.assessmentSaveBytes} B; ` +
        `reading every record through the schema p50 ${records.readAllMs.p50.toFixed(1)} ms, ` +
        `p95 ${records.readAllMs.p95.toFixed(1)} ms`,
    );
  }
  if (harden) {
    console.info(
      `refusals: ${harden.flood.frames} frames of ${harden.flood.frameBytes} B depending on withheld changes: /healthz answered in ${harden.flood.healthzMs.toFixed(0)} ms, socket closed after ${harden.flood.closedAfterMs.toFixed(0)} ms · integrability check of a ${harden.check.items}-item update (${(harden.check.updateBytes / 1024).toFixed(0)} KB) ${harden.check.medianMs.toFixed(1)} ms`,
    );
  }
  if (search && longText) {
    console.info(
      `search: ${search.missions} missions, ${search.notes} notes · first query ${search.firstQueryMs.toFixed(0)} ms · ` +
        `rare word p50 ${search.rareWordMs.p50.toFixed(0)} ms, p95 ${search.rareWordMs.p95.toFixed(0)} ms · common word ` +
        `p50 ${search.commonWordMs.p50.toFixed(0)} ms, p95 ${search.commonWordMs.p95.toFixed(0)} ms (target ≤ 100) · ` +
        `long note of ${(longText.noteChars / 1e6).toFixed(1)} M chars: keystroke→disk p50 ` +
        `${longText.keystrokeToDiskMs.p50.toFixed(1)} ms, p95 ${longText.keystrokeToDiskMs.p95.toFixed(1)} ms (target ≤ 50), ` +
        `longest task ${longText.longestTaskMs.toFixed(0)} ms (target ≤ 100)`,
    );
  }
  if (bundle) {
    console.info(
      `bundle: a mission of ${bundle.notes} notes, ${bundle.assessments} assessments and ${bundle.photos} photos is a ` +
        `${(bundle.bundleBytes / 1024 / 1024).toFixed(1)} MB file (${((bundle.bundleBytes - bundle.photoBytes) / 1024).toFixed(0)} KB besides photos), ` +
        `exported in ${bundle.exportMs.toFixed(0)} ms, imported in ${bundle.importMs.toFixed(0)} ms · after ` +
        `${bundle.newNotes} new notes the next bundle for that peer is ${bundle.deltaBytes} B`,
    );
  }
  if (exports) {
    console.info(
      `export: ${exports.missions} missions, ${exports.notes} notes, ${exports.assessments} assessments read through ` +
        `the schema in ${exports.readMs.toFixed(0)} ms; full CSV export (six files, zipped, ` +
        `${(exports.zipBytes / 1024).toFixed(0)} KB) p50 ${exports.csvMs.p50.toFixed(0)} ms, max ` +
        `${exports.csvMs.max.toFixed(0)} ms, processor time ${exports.csvCpuMs.toFixed(0)} ms (target ≤ 2000)`,
    );
  }
  if (accounts) {
    console.info(
      `year's accounts over ${accounts.missions} missions: screen opened in ${accounts.openMs.first.toFixed(0)} ms the ` +
        `first time, then p50 ${accounts.openMs.p50.toFixed(0)} ms, p95 ${accounts.openMs.p95.toFixed(0)} ms · another ` +
        `year p50 ${accounts.yearChangeMs.p50.toFixed(0)} ms, p95 ${accounts.yearChangeMs.p95.toFixed(0)} ms (target ≤ 500)`,
    );
  }
  if (severity) {
    console.info(
      `severity: ${severity.missions} missions, ${severity.assessments} assessments, ${severity.notes} notes in ` +
        `${(severity.rowsBytes / 1024 / 1024).toFixed(1)} MB of projection rows · matrix and map points ` +
        `p50 ${severity.matrixAndPointsMs.p50.toFixed(1)} ms, p95 ${severity.matrixAndPointsMs.p95.toFixed(1)} ms`,
    );
  }
  if (desk) {
    console.info(
      `desk: ${desk.missions} missions, ${desk.notes} notes, ${desk.assessments} assessments · list drawn in ` +
        `${desk.openMs.first.toFixed(0)} ms the first time, then p50 ${desk.openMs.p50.toFixed(0)} ms, p95 ` +
        `${desk.openMs.p95.toFixed(0)} ms (target ≤ 200) · sorted by a column p50 ${desk.sortMs.p50.toFixed(0)} ms, ` +
        `p95 ${desk.sortMs.p95.toFixed(0)} ms`,
    );
  }
  if (history) {
    console.info(
      `history: ${history.versions} versions of a mission of ${history.notes} notes kept in ` +
        `${(history.keptBytes / 1024).toFixed(0)} KB (full states ${(history.fullStateBytes / 1024).toFixed(0)} KB, ` +
        `diffs alone ${(history.diffBytes / 1024).toFixed(0)} KB) · describing a version ` +
        `${history.describeMs.toFixed(0)} ms · restoring a wiped mission ${history.restoreMs.toFixed(0)} ms, ` +
        `${(history.restoreUpdateBytes / 1024).toFixed(0)} KB sent`,
    );
  }
  if (deviceExport) {
    console.info(
      `export in the app: ${deviceExport.missions} mission documents, ${deviceExport.notes} notes, ` +
        `${deviceExport.assessments} assessments · tap on Export to the file ready: first ` +
        `${deviceExport.exportMs.first.toFixed(0)} ms, then p50 ${deviceExport.exportMs.p50.toFixed(0)} ms, max ` +
        `${deviceExport.exportMs.max.toFixed(0)} ms (target ≤ 2000)`,
    );
  }
  if (qr) {
    console.info(
      `QR: a ${(qr.payloadBytes / 1024).toFixed(0)} KB delta at 10 frames/s with ${qr.lossRate * 100} % of frames lost ` +
        `takes ${qr.seconds.mean.toFixed(1)} s on average, ${qr.seconds.max.toFixed(1)} s at worst over ${qr.seeds} seeds ` +
        `(target ≤ 30) · ${qr.framesNeeded.mean.toFixed(0)} frames shown of a ${qr.framesPerLoop}-frame loop · frames of ` +
        `${qr.frameChars.mean} characters on average, ${qr.frameChars.max} at most (QR version ${qr.qrVersion}, level M)`,
    );
  }
  if (groupCommit) console.info(describeGroupCommit(groupCommit));
  if (serverMemory) console.info(describeServerMemory(serverMemory));
  if (flood) console.info(formatFlood(flood));
  if (programmeSync) console.info(describeProgrammeSync(programmeSync));
} finally {
  await app.close();
}
