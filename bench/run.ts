// `npm run bench`: measures the built app and prints and writes figures. A benchmark, not a test.
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
import { measureAccounts } from './accounts.ts';
import { measureSeverity } from './severity.ts';
import { measureDesk } from './desk.ts';
import { measureHistory } from './history.ts';
import { describeProgrammeSync, measureProgrammeSync } from './programmeSync.ts';

const outDir = path.join(import.meta.dirname, 'results');
const app = await startBuiltApp();
try {
  const fieldApp = await measureFieldApp(app.url);
  const lighthouse = await runLighthouse(`${app.url}/`);
  const sync = await measureSync();
  const records = measureRecords();
  const harden = await measureHarden();
  const search = await measureSearch(app.url);
  const longText = await measureLongText(app.url);
  const bundle = await measureBundle();
  const exports = measureExport();
  const accounts = await measureAccounts(app.url);
  const severity = measureSeverity();
  const desk = await measureDesk(app.url);
  const history = measureHistory();
  const programmeSync = await measureProgrammeSync();
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
    programmeSync,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bench.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.info(JSON.stringify(figures, null, 2));
  const kb = (fieldApp.firstScreenJsGzipBytes / 1024).toFixed(1);
  console.info(
    `first-screen JS ${kb} KB gzip (target ≤ 100; ${(fieldApp.jsAfterIdleGzipBytes / 1024).toFixed(1)} KB once idle) · open mission ${fieldApp.openMissionMs.median.toFixed(0)} ms ` +
      `(target ≤ 300) · keystroke→disk p50 ${fieldApp.keystrokeToDiskMs.p50.toFixed(1)} ms, ` +
      `p95 ${fieldApp.keystrokeToDiskMs.p95.toFixed(1)} ms (target ≤ 50)`,
  );
  console.info(
    `Lighthouse mobile, medians of ${lighthouse.coldScores.length} runs: cold score ${lighthouse.coldScore} ` +
      `(${lighthouse.coldScores.join(', ')}), LCP ${lighthouse.coldLcpMs} ms · warm score ${lighthouse.warmScore} ` +
      `(${lighthouse.warmScores.join(', ')}), LCP ${lighthouse.warmLcpMs} ms (targets: score ≥ 95, warm LCP ≤ 1000 ms)`,
  );
  const week = sync.weekOfWork;
  console.info(
    `sync: a week offline (${week.notes} notes, ${week.assessments} assessments, ${week.photos.count} photos of ` +
      `${(week.photos.bytes / 1024 / 1024).toFixed(1)} MB) on the server in ${week.ms.toFixed(0)} ms ` +
      `(document ${week.documentMs.toFixed(0)} ms, photos ${week.photos.ms.toFixed(0)} ms) · document ` +
      `${(week.bytesSent / 1024).toFixed(0)} KB sent = ${week.ratio.toFixed(2)}× Yjs's own diff (target ≤ 1.2) · ` +
      `live edit p50 ${sync.liveEditMs.p50.toFixed(1)} ms, p95 ${sync.liveEditMs.p95.toFixed(1)} ms (target p95 ≤ 100)`,
  );
  console.info(
    `records: a mission of ${records.notes} notes and ${records.assessments} assessments is ` +
      `${(records.documentBytes / 1024).toFixed(0)} KB; one assessment save sends ${records.assessmentSaveBytes} B; ` +
      `reading every record through the schema p50 ${records.readAllMs.p50.toFixed(1)} ms, ` +
      `p95 ${records.readAllMs.p95.toFixed(1)} ms`,
  );
  console.info(
    `refusals: ${harden.flood.frames} frames of ${harden.flood.frameBytes} B depending on withheld changes: /healthz answered in ${harden.flood.healthzMs.toFixed(0)} ms, socket closed after ${harden.flood.closedAfterMs.toFixed(0)} ms · integrability check of a ${harden.check.items}-item update (${(harden.check.updateBytes / 1024).toFixed(0)} KB) ${harden.check.medianMs.toFixed(1)} ms`,
  );
  console.info(
    `search: ${search.missions} missions, ${search.notes} notes · first query ${search.firstQueryMs.toFixed(0)} ms · ` +
      `rare word p50 ${search.rareWordMs.p50.toFixed(0)} ms, p95 ${search.rareWordMs.p95.toFixed(0)} ms · common word ` +
      `p50 ${search.commonWordMs.p50.toFixed(0)} ms, p95 ${search.commonWordMs.p95.toFixed(0)} ms (target ≤ 100) · ` +
      `long note of ${(longText.noteChars / 1e6).toFixed(1)} M chars: keystroke→disk p50 ` +
      `${longText.keystrokeToDiskMs.p50.toFixed(1)} ms, p95 ${longText.keystrokeToDiskMs.p95.toFixed(1)} ms (target ≤ 50), ` +
      `longest task ${longText.longestTaskMs.toFixed(0)} ms (target ≤ 100)`,
  );
  console.info(
    `bundle: a mission of ${bundle.notes} notes, ${bundle.assessments} assessments and ${bundle.photos} photos is a ` +
      `${(bundle.bundleBytes / 1024 / 1024).toFixed(1)} MB file (${((bundle.bundleBytes - bundle.photoBytes) / 1024).toFixed(0)} KB besides photos), ` +
      `exported in ${bundle.exportMs.toFixed(0)} ms, imported in ${bundle.importMs.toFixed(0)} ms · after ` +
      `${bundle.newNotes} new notes the next bundle for that peer is ${bundle.deltaBytes} B`,
  );
  console.info(
    `export: ${exports.missions} missions, ${exports.notes} notes, ${exports.assessments} assessments read through ` +
      `the schema in ${exports.readMs.toFixed(0)} ms; full CSV export (six files, zipped, ` +
      `${(exports.zipBytes / 1024).toFixed(0)} KB) p50 ${exports.csvMs.p50.toFixed(0)} ms, max ` +
      `${exports.csvMs.max.toFixed(0)} ms, processor time ${exports.csvCpuMs.toFixed(0)} ms (target ≤ 2000)`,
  );
  console.info(
    `year's accounts over ${accounts.missions} missions: screen opened in ${accounts.openMs.first.toFixed(0)} ms the ` +
      `first time, then p50 ${accounts.openMs.p50.toFixed(0)} ms, p95 ${accounts.openMs.p95.toFixed(0)} ms · another ` +
      `year p50 ${accounts.yearChangeMs.p50.toFixed(0)} ms, p95 ${accounts.yearChangeMs.p95.toFixed(0)} ms (target ≤ 500)`,
  );
  console.info(
    `severity: ${severity.missions} missions, ${severity.assessments} assessments, ${severity.notes} notes in ` +
      `${(severity.rowsBytes / 1024 / 1024).toFixed(1)} MB of projection rows · matrix and map points ` +
      `p50 ${severity.matrixAndPointsMs.p50.toFixed(1)} ms, p95 ${severity.matrixAndPointsMs.p95.toFixed(1)} ms`,
  );
  console.info(
    `desk: ${desk.missions} missions, ${desk.notes} notes, ${desk.assessments} assessments · list drawn in ` +
      `${desk.openMs.first.toFixed(0)} ms the first time, then p50 ${desk.openMs.p50.toFixed(0)} ms, p95 ` +
      `${desk.openMs.p95.toFixed(0)} ms (target ≤ 200) · sorted by a column p50 ${desk.sortMs.p50.toFixed(0)} ms, ` +
      `p95 ${desk.sortMs.p95.toFixed(0)} ms`,
  );
  console.info(
    `history: ${history.versions} versions of a mission of ${history.notes} notes kept in ` +
      `${(history.keptBytes / 1024).toFixed(0)} KB (full states ${(history.fullStateBytes / 1024).toFixed(0)} KB, ` +
      `diffs alone ${(history.diffBytes / 1024).toFixed(0)} KB) · describing a version ` +
      `${history.describeMs.toFixed(0)} ms · restoring a wiped mission ${history.restoreMs.toFixed(0)} ms, ` +
      `${(history.restoreUpdateBytes / 1024).toFixed(0)} KB sent`,
  );
  console.info(describeProgrammeSync(programmeSync));
} finally {
  await app.close();
}
