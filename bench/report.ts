/**
 * Turns raw figures into the scenarios: each Relais figure divided by its baseline from the same
 * run, compared with its target. Targets are judged at the largest size run (100k in a full run).
 */
import type { BenchApi } from './page/main';
import { median, type UiResult, type UiTiming } from './ui';

type R<K extends keyof BenchApi> = Awaited<ReturnType<BenchApi[K]>>;

export interface SizeResult {
  size: number;
  /** Each run when a size was run several times (the fields above are then medians). */
  repetitions?: SizeResult[];
  dataset?: R<'generate'>;
  bulkPut?: R<'baselineBulkPut'>;
  dexie?: R<'baselineDexie'>;
  pouch?: R<'baselinePouch'>;
  toArray?: R<'baselineToArray'>;
  export?: R<'relaisExport'>;
  mergeSetup?: R<'prepareMerge'>;
  probes?: R<'probes'>;
  heapAfterDrop?: number;
  importEmpty?: R<'relaisImportEmpty'>;
  /** Same import with the bundle opened on the page's thread: its heap peak, garbage included (informative). */
  importEmptyInPage?: R<'relaisImportEmpty'>;
  /** Scenario 6: the same import in a page whose heap is capped at the target (a crash: it needs more). */
  importUnderCap?: ImportUnderCap;
  /** The same, the app's way: opened in a Worker, written by the page, each heap capped. */
  importUnderCapApp?: ImportUnderCap;
  /** The dashboard's place, commune and département filters on scenario 1's database (places have no rows). */
  placeFilters?: R<'probePlaceFilters'>;
  reimportSame?: R<'relaisReimport'>;
  reimportAgain?: R<'relaisReimport'>;
  importMerge?: R<'relaisImportMerge'>;
  /** Scenario 12: the records as 50 bundles and as one, through the folder import. */
  folderSetup?: R<'prepareTeamFolder'>;
  folderOne?: R<'relaisImportFolder'>;
  folderFifty?: R<'relaisImportFolder'>;
}

export interface ImportUnderCap {
  capMB: number;
  completed: boolean;
  /** When completed: the run's figures, its peak within the cap. */
  figure?: R<'relaisImportUnderCap'>;
}

/** Scenario 9: the CRA of N activities as CSV and XLSX beside toArray + JSON.stringify. */
export type FormatsResult = R<'formatsExport'>;

/** Scenario 10: a backup of N records beside toArray + JSON.stringify, its restore beside bulkPut. */
export type BackupResult = R<'backupRestore'>;

export interface ScenarioRow {
  id: string;
  label: string;
  /** `<=` or `>=` the target. */
  direction: 'max' | 'min';
  /** `null`: a figure printed without a target (the issue set none). */
  target: number | null;
  unit: 'x' | 'ms' | 'MB' | '%';
  /** Value per size (or one value for UI and growth rows). */
  values: Record<string, number | null>;
  /** Judged on the largest size. */
  met: boolean | null;
}

const MB = 1024 * 1024;

function ratio(a: number | undefined, b: number | undefined): number | null {
  return a === undefined || b === undefined || b === 0 ? null : a / b;
}

function perSize(sizes: SizeResult[], pick: (s: SizeResult) => number | null | undefined): Record<string, number | null> {
  return Object.fromEntries(sizes.map((s) => [sizeLabel(s.size), pick(s) ?? null]));
}

export function sizeLabel(size: number): string {
  if (size >= 1_000_000 && size % 1_000_000 === 0) return `${size / 1_000_000}M`;
  return size >= 1000 && size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

function judge(row: Omit<ScenarioRow, 'met'>, key?: string): ScenarioRow {
  const keys = Object.keys(row.values);
  const value = row.values[key ?? keys[keys.length - 1]];
  const { target } = row;
  const met = value === null || value === undefined || target === null ? null : row.direction === 'max' ? value <= target : value >= target;
  return { ...row, met };
}

function uiMedian(timings: UiTiming | UiTiming[] | undefined): number | null {
  if (!timings) return null;
  const list = Array.isArray(timings) ? timings : [timings];
  return median(list.map((t) => t.ms).filter((ms): ms is number => ms !== null));
}

function growth(sizes: SizeResult[], pick: (s: SizeResult) => number | undefined): number | null {
  const small = sizes.find((s) => s.size === 10_000);
  const large = sizes.find((s) => s.size === 100_000);
  const a = small && pick(small);
  const b = large && pick(large);
  return a && b ? (b / large.size) / (a / small.size) : null;
}

export function buildSummary(sizes: SizeResult[], ui: UiResult | undefined, formats?: FormatsResult, backup?: BackupResult): ScenarioRow[] {
  const rows: ScenarioRow[] = [
    judge({ id: '1', label: 'Import into empty DB / bulkPut', direction: 'max', target: 1.5, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.importEmpty?.ms, s.bulkPut?.ms)) }),
    judge({ id: '2', label: 'Import, 10% changed + conflicts / bulkPut', direction: 'max', target: 2, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.importMerge?.ms, s.bulkPut?.ms)) }),
    judge({ id: '3', label: 'Re-import same records (new file) / bulkPut', direction: 'max', target: 0.5, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.reimportAgain?.ms, s.bulkPut?.ms)) }),
    judge({ id: '3a', label: 'Re-import the very same file / bulkPut', direction: 'max', target: 0.5, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.reimportSame?.ms, s.bulkPut?.ms)) }),
    judge({ id: '4a', label: 'Import / dexie-export-import importInto', direction: 'max', target: 1, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.importEmpty?.ms, s.dexie?.importFig.ms)) }),
    // Issue #10 restated 4b: PouchDB writes within 1.5x of raw bulkPut here, so 5x was out of reach by construction.
    judge({ id: '4b', label: 'PouchDB bulkDocs / Relais import (speed-up)', direction: 'min', target: 1.5, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.pouch?.ms, s.importEmpty?.ms)) }),
    judge({ id: '12', label: 'Folder of 50 bundles / one bundle (folder import)', direction: 'max', target: 1.2, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.folderFifty?.ms, s.folderOne?.ms)) }),
    judge({ id: '5a', label: 'Export encrypted+signed / toArray+stringify', direction: 'max', target: 2, unit: 'x',
      values: perSize(sizes, (s) => ratio(s.export?.ms, s.toArray?.ms)) }),
    judge({ id: '5b', label: 'Bundle size / raw JSON size', direction: 'max', target: 15, unit: '%',
      values: perSize(sizes, (s) => { const r = ratio(s.export?.bundleBytes, s.dataset?.rawJsonBytes); return r === null ? null : r * 100; }) }),
    // A page capped at the target either completes (the import never needed more) or crashes (over).
    // Judged by that: the peak sampled beside it (usedJSHeapSize) can read above the cap (437 MB seen
    // under a 400 MB cap, the page going on): it counts what V8 holds for a moment past its limit.
    cappedRow('6', 'Peak JS heap during scenario 1, the page\'s heap capped at the target (crash = over; met = completed, sampled peak shown)', sizes, (s) => s.importUnderCap),
    cappedRow('6w', 'Peak JS heap during scenario 1 the app\'s way (opened in a Worker), every heap capped at the target (crash = over; met = completed)', sizes, (s) => s.importUnderCapApp),
    { id: '6ref', label: '(same import, heap uncapped: its peak, garbage not yet collected included)', direction: 'max', target: 400, unit: 'MB',
      values: perSize(sizes, (s) => (s.importEmptyInPage ? s.importEmptyInPage.heapPeak / MB : null)), met: null },
    judge({ id: '6b', label: 'Peak JS heap during export (scenario 5)', direction: 'max', target: 400, unit: 'MB',
      values: perSize(sizes, (s) => (s.export ? s.export.heapPeak / MB : null)) }),
  ];
  if (ui) {
    const uiRow = (id: string, label: string, target: number | null, timings: UiTiming | UiTiming[]) =>
      judge({ id, label: `${label} (${sizeLabel(ui.activities)} activities)`, direction: 'max', target, unit: 'ms', values: { ui: uiMedian(timings) } });
    rows.push(
      uiRow('7a', 'Activities list first screen', 300, ui.listFirstScreen),
      uiRow('7b', 'Search keystroke → list', 150, ui.searchKeystroke),
      uiRow('7c', 'Filter change → list', 150, ui.filterChange),
      uiRow('7d', 'Home screen with counts', 1000, ui.homeCounts),
      uiRow('7e', 'App start to interactive', 1500, ui.appStart),
      // Issue 10's targets at a region's million activities: 1 s and 300 ms (300 ms and 100 ms below).
      uiRow('10a', 'Dashboard first render', ui.activities >= 1_000_000 ? 1000 : 300, ui.dashboardFirst ?? []),
      uiRow('10b', 'Dashboard filter change → figures and charts', ui.activities >= 1_000_000 ? 300 : 100, ui.dashboardFilter ?? []),
      uiRow('10c', 'Drill-down first screen', 300, ui.drillFirst ?? []),
    );
    // Above the list's in-memory ceiling (a region's million): the paged list, figures without a target.
    if (ui.pagedFirst) {
      rows.push(
        uiRow('10d', 'Paged activities list first screen', null, ui.pagedFirst),
        uiRow('10e', 'Paged list: next 200', null, ui.pagedNext ?? []),
        uiRow('10f', 'Paged list: type filter, first page', null, ui.pagedTypeFilter ?? []),
      );
    }
  }
  if (formats) {
    const label = `(${sizeLabel(formats.activities)} activities)`;
    rows.push(
      judge({ id: '9a', label: `CRA export CSV / toArray+stringify ${label}`, direction: 'max', target: 2, unit: 'x',
        values: { formats: ratio(formats.csv.ms, formats.baselineMs) } }),
      judge({ id: '9b', label: `CRA export XLSX / toArray+stringify ${label}`, direction: 'max', target: 4, unit: 'x',
        values: { formats: ratio(formats.xlsx.ms, formats.baselineMs) } }),
      judge({ id: '9c', label: `Peak JS heap during the CRA exports ${label}`, direction: 'max', target: 400, unit: 'MB',
        values: { formats: Math.max(formats.csv.heapPeak, formats.xlsx.heapPeak) / MB } }),
    );
  }
  if (backup) {
    const label = `(${sizeLabel(backup.records)} records)`;
    rows.push(
      judge({ id: '11a', label: `Backup (age, gzip) / toArray+stringify ${label}`, direction: 'max', target: 2, unit: 'x',
        values: { backup: ratio(backup.backupMs, backup.toArrayMs) } }),
      judge({ id: '11b', label: `Restore of that backup / bulkPut ${label}`, direction: 'max', target: 1.5, unit: 'x',
        values: { backup: ratio(backup.restoreMs, backup.bulkPutMs) } }),
    );
  }
  rows.push(
    judge({ id: '8', label: 'Per-record import cost, 100k vs 10k', direction: 'max', target: 1.2, unit: 'x',
      values: { growth: growth(sizes, (s) => s.importEmpty?.ms) } }),
    { id: '8ref', label: '(same growth for raw bulkPut, reference)', direction: 'max', target: 1.2, unit: 'x',
      values: { growth: growth(sizes, (s) => s.bulkPut?.ms) }, met: null },
  );
  return rows;
}

/** A heap figure of a page that crashed at its cap: over the target, whatever it would have been. */
const CRASHED = Number.POSITIVE_INFINITY;

/** Scenario 6's rows: met when the import completed in a page whose heap could not pass the target. */
function cappedRow(id: string, label: string, sizes: SizeResult[], pick: (s: SizeResult) => ImportUnderCap | undefined): ScenarioRow {
  const values = perSize(sizes, (s) => {
    const run = pick(s);
    return run ? (run.completed ? (run.figure?.heapPeak ?? 0) / MB : CRASHED) : null;
  });
  const last = [...sizes].reverse().map(pick).find((run) => run !== undefined);
  return { id, label, direction: 'max', target: 400, unit: 'MB', values, met: last ? last.completed : null };
}

function cell(value: number | null | undefined, unit: ScenarioRow['unit']): string {
  if (value === null || value === undefined) return 'n/a';
  if (value === CRASHED) return 'over (crashed)';
  if (unit === 'x') return `${value.toFixed(2)}×`;
  if (unit === '%') return `${value.toFixed(1)} %`;
  return `${value.toFixed(0)} ${unit}`;
}

/** Plain-text table for the terminal (and, with `markdown`, for the README). */
export function formatTable(rows: ScenarioRow[], markdown = false): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const header = ['#', 'scenario', 'target', ...columns, 'status'];
  const body = rows.map((r) => [
    r.id, r.label, r.target === null ? '—' : `${r.direction === 'max' ? '≤' : '≥'} ${cell(r.target, r.unit)}`,
    ...columns.map((c) => (c in r.values ? cell(r.values[c], r.unit) : '')),
    r.met === null ? (r.id.endsWith('ref') || r.target === null ? '' : 'n/a') : r.met ? 'met' : 'NOT MET',
  ]);
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Absolute figures (ms) per size, with the import split into open (decrypt, check) and write (merge, put). */
export function formatFigures(sizes: SizeResult[], markdown = false): string {
  const rows: Array<[string, (s: SizeResult) => number | undefined]> = [
    ['raw Dexie bulkPut (chunks of 2000)', (s) => s.bulkPut?.ms],
    ['dexie-export-import importInto', (s) => s.dexie?.importFig.ms],
    ['dexie-export-import exportDB', (s) => s.dexie?.exportFig.ms],
    ['PouchDB bulkDocs (chunks of 1000)', (s) => s.pouch?.ms],
    ['Dexie toArray + JSON.stringify', (s) => s.toArray?.ms],
    ['Relais export (full, age + Ed25519)', (s) => s.export?.ms],
    ['Relais import, empty DB', (s) => s.importEmpty?.ms],
    ['  of which open (decrypt, inflate, check)', (s) => s.importEmpty?.openMs],
    ['  of which merge + write', (s) => s.importEmpty?.writeMs],
    ['Relais import, empty DB, opened on the page', (s) => s.importEmptyInPage?.ms],
    ['probe: dashboard, busiest place (index read)', (s) => s.placeFilters?.place.ms],
    ['probe: dashboard, its commune (rows)', (s) => s.placeFilters?.commune.ms],
    ['probe: dashboard, its département (rows)', (s) => s.placeFilters?.departement.ms],
    ['Relais import, 10% changed', (s) => s.importMerge?.ms],
    ['Relais re-import, same records, new file', (s) => s.reimportAgain?.ms],
    ['Relais re-import, same file', (s) => s.reimportSame?.ms],
    ['Folder import, one bundle', (s) => s.folderOne?.ms],
    ['Folder import, 50 bundles', (s) => s.folderFifty?.ms],
    ['  of which open (50 files)', (s) => s.folderFifty?.openMs],
    ['  of which merge + write (50 files)', (s) => s.folderFifty?.writeMs],
    ['probe: fflate gzip level 6 (export before)', (s) => s.probes?.gzip.fflate6Ms],
    ['probe: fflate gzip level 1', (s) => s.probes?.gzip.fflate1Ms],
    ['probe: native CompressionStream gzip (export now)', (s) => s.probes?.gzip.nativeMs],
    ['probe: fflate inflate (import before)', (s) => s.probes?.inflate.fflateMs],
    ['probe: native DecompressionStream (import now)', (s) => s.probes?.inflate.nativeMs],
    ['probe: JSON.parse of every line', (s) => s.probes?.parseMs],
    ['probe: checkRecord (structure + validators)', (s) => s.probes?.checkMs],
    ['probe: mergeRecord, all unchanged', (s) => s.probes?.mergeUnchangedMs],
    ['probe: read by id, bulkGet per 2000 (sparse bundles)', (s) => s.probes?.reads.bulkGetMs],
    ['probe: read by id range per 2000 (large bundles)', (s) => s.probes?.reads.rangeMs],
    ['probe: read whole tables, toArray', (s) => s.probes?.reads.toArrayMs],
  ];
  const header = ['figure (ms)', ...sizes.map((s) => sizeLabel(s.size))];
  const body = rows.map(([label, pick]) => [label, ...sizes.map((s) => { const v = pick(s); return v === undefined ? 'n/a' : v.toFixed(0); })]);
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
