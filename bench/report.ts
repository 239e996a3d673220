import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  target?: string;
  /** This figure's median over its baseline's median, measured in the same run. */
  ratio?: number;
}

/** The figure with its median set against a baseline's (same run). */
export function against(figure: Figure, baseline: Figure): Figure {
  return { ...figure, ratio: figure.median / baseline.median };
}

/** Summarises samples into median / p95 / min / max. */
export function summarise(name: string, unit: string, samples: number[], target?: string): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    name,
    unit,
    median: at(0.5),
    p95: at(0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    runs: samples.length,
    target,
  };
}

/** Prints a table of figures and writes them, with the machine, to bench-results/<file>.json. */
export function report(file: string, figures: Figure[]): void {
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log(`\n${file} (${machine.cpus} cores, ${machine.cpu}, node ${machine.node})`);
  console.table(
    figures.map((f) => ({
      figure: f.name,
      median: `${f.median.toFixed(2)} ${f.unit}`,
      p95: `${f.p95.toFixed(2)} ${f.unit}`,
      min: f.min.toFixed(2),
      max: f.max.toFixed(2),
      runs: f.runs,
      ratio: f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}x`,
      target: f.target ?? '',
    })),
  );
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', `${file}.json`), `${JSON.stringify({ at: new Date().toISOString(), machine, figures }, null, 2)}\n`);
}
