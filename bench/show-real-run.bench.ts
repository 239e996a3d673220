/**
 * A show on the real clock in the real host (issue 23): the built browser host in a child process,
 * a run-sheet rehearsed at x1 on its built-in sandbox for SHOW_MINUTES minutes (10 by default). The
 * sandbox runs at most 10 tasks per app, so 8 tasks, launched 5 s apart; then a cue every 15 s
 * (volume, tempo, switches, pause/resume) and Stop everything at the end. The host's RSS and CPU are
 * read from /proc every 30 s. Prints the figures (RSS growth from the first to the last sample, CPU
 * per minute, cue lateness); asserts only that the show ran.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { rpc } from '../e2e/support/rpc';
import type { ShowRun } from '../src/shared/shows/run-state';
import type { Cue, StoredShow } from '../src/shared/shows/show-schema';
import { sampleDraft } from '../src/shared/test-support/samples';
import { type Figure, report, summarise } from './report';
import { clearKeychainNamespace } from './support/app-host';
import { cpuTimeOf, memoryOf, spawnUntilReady, stopProcess } from './support/processes';

const minutes = Number(process.env.SHOW_MINUTES ?? 10);
const tasks = 8;
const figures: Figure[] = [];

/** A cue every 15 s: the tasks launch first, then each gets a volume, a tempo, a pause and resume, a source switch, and a stop near the end. */
function sheet(): { tasks: { name: string; presetId: string; roomId: string }[]; cues: Omit<Cue, 'id'>[] } {
  const names = Array.from({ length: tasks }, (_, index) => `Room ${40_001 + index}`);
  const cues: Omit<Cue, 'id'>[] = [];
  const at = (seconds: number) => ({ kind: 'offset' as const, seconds });
  for (const [index, task] of names.entries()) cues.push({ trigger: at(5 + index * 5), action: { kind: 'launch', task } });
  const total = minutes * 60;
  const actions = (task: string, round: number): Cue['action'][] => [
    { kind: 'volume', task, volume: 40 + ((round * 17) % 120) },
    { kind: 'tempo', task, tempo: round % 2 === 0 ? 1.25 : 1 },
    { kind: 'pause', task },
    { kind: 'resume', task },
    { kind: 'switchSource', task, source: { kind: 'url', url: `https://media.example.com/clip-${round}.mp4` } },
  ];
  let seconds = 5 + tasks * 5 + 10;
  for (let round = 0; seconds < total - 30; round++) {
    for (const action of actions(names[round % tasks] as string, round)) {
      if (seconds >= total - 30) break;
      cues.push({ trigger: at(seconds), action });
      seconds += 15;
    }
  }
  cues.push({ trigger: at(total - 15), action: { kind: 'stopShow' } });
  return { tasks: names.map((name) => ({ name, presetId: '', roomId: name.slice(5) })), cues };
}

test(`a ${minutes}-minute show rehearsed at x1 on the real clock: host RSS and CPU`, { timeout: (minutes + 3) * 60_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-show-'));
  const keychainService = `ingest-desk-bench-show-${process.pid}`;
  const { child, line } = await spawnUntilReady(
    ['out/main/serve.js', '--data-dir', dataDir, '--keychain-service', keychainService, '--no-samples'],
    /^serving /,
  );
  try {
    const url = new URL(line.slice('serving '.length));
    const host = { origin: url.origin, token: url.searchParams.get('token') ?? '' };
    const pid = child.pid as number;
    const preset = await rpc<{ id: string }>(host, 'presets.create', {
      draft: sampleDraft({ name: 'Real-clock loop', repeatNum: -1, media: { kind: 'url', url: 'https://media.example.com/loop.mp4' } }),
    });
    const plan = sheet();
    const show = await rpc<StoredShow>(host, 'shows.save', {
      draft: {
        name: 'Real-clock bench',
        preflightLeadMinutes: 0,
        notes: '',
        tasks: plan.tasks.map((task) => ({ ...task, presetId: preset.id })),
        cues: plan.cues.map((cue, index) => ({ ...cue, id: `c${index + 1}` })),
      },
    });
    await rpc(host, 'shows.arm', { id: show.id, mode: 'rehearsal', speed: 1, override: true });
    await rpc(host, 'shows.go', { id: show.id });

    const rss: number[] = [];
    const cpuPerMinute: number[] = [];
    let cpuBefore = await cpuTimeOf(pid);
    for (let sample = 0; sample < minutes * 2; sample++) {
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      rss.push((await memoryOf(pid)).rss);
      const cpu = await cpuTimeOf(pid);
      cpuPerMinute.push((cpu - cpuBefore) * 2);
      cpuBefore = cpu;
    }
    const run = await rpc<ShowRun>(host, 'shows.run');
    const fired = run.cues.filter((cue) => cue.state === 'done');
    const lateness = fired.map((cue) => cue.lateMs ?? 0);
    figures.push(
      summarise('host RSS, every 30 s', 'MiB', rss),
      summarise('host RSS growth, first to last sample', 'MiB', [(rss.at(-1) ?? 0) - (rss[0] ?? 0)], '≤ 20 MiB'),
      summarise('host CPU per minute of show', 'ms', cpuPerMinute),
      summarise('cue lateness (fired cues)', 'ms', lateness),
      summarise('cues fired / planned', 'cues', [fired.length], `${run.cues.length} planned`),
    );
    report('show-real-run', figures);
    expect(fired.length).toBeGreaterThan(tasks);
  } finally {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
    await clearKeychainNamespace(keychainService);
  }
});
