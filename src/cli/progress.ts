import cliProgress from 'cli-progress';

/**
 * Where the build reports what it is doing: a bar on a terminal (clients done / total, time left,
 * the stage a client has just reached), plain lines in CI or a pipe.
 */
export interface Progress {
  start(total: number, what: string): void;
  step(label: string): void;
  advance(label: string): void;
  stop(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY && !process.env.CI) {
    const bar = new cliProgress.SingleBar(
      { stream, format: '{bar} {value}/{total} {what} | {eta_formatted} left | {label}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, what) => bar.start(total, 0, { what, label: '' }),
      step: (label) => bar.update({ label }),
      advance: (label) => bar.increment(1, { label }),
      stop: () => bar.stop(),
    };
  }
  let done = 0;
  let total = 0;
  let what = '';
  return {
    start: (t, w) => {
      total = t;
      done = 0;
      what = w;
    },
    step: (label) => stream.write(`  ${label}\n`),
    advance: (label) => stream.write(`  [${++done}/${total} ${what}] ${label}\n`),
    stop: () => {},
  };
}

/** For tests and `--quiet`: reports nothing. */
export const silentProgress: Progress = { start: () => {}, step: () => {}, advance: () => {}, stop: () => {} };
