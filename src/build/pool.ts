import { fork, type ChildProcess } from 'node:child_process';

/**
 * A pool of worker processes, each running one task at a time. Processes rather than threads: a
 * client that exhausts memory or crashes takes down only its own worker, each worker runs its own
 * Astro build (one per process), and a worker's memory is returned to the system when it exits.
 */

/** What a worker sends back while a task runs, when it ends, or to ask the parent for a service. */
export type WorkerMessage =
  | { kind: 'event'; id: number; event: unknown }
  | { kind: 'done'; id: number; result: unknown }
  | { kind: 'failed'; id: number; error: TaskError }
  | { kind: 'request'; id: number; request: unknown };

export type ParentMessage = { kind: 'task'; id: number; task: unknown } | { kind: 'response'; id: number; response: unknown };

/** A failed task as it crosses the process boundary: user mistakes keep their hint, bugs their stack. */
export interface TaskError {
  message: string;
  hint: string | null;
  stack: string | null;
}

/** A task that failed: the worker's error, or the worker dying under it. */
export class TaskFailure extends Error {
  readonly error: TaskError;
  constructor(error: TaskError) {
    super(error.message);
    this.error = error;
  }
}

export interface Pool<Task, Result> {
  run(task: Task, onEvent: (event: unknown) => void): Promise<Result>;
  close(): Promise<void>;
}

export interface PoolOptions {
  size: number;
  module: string;
  env: NodeJS.ProcessEnv;
  /** Answers a worker's request (e.g. the shared browser's endpoint). */
  serve(request: unknown): Promise<unknown>;
}

interface Running {
  id: number;
  onEvent: (event: unknown) => void;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * V8 flags of every build worker (ingest, assessment, portal, packet). Semi-spaces of 16 MB, below
 * V8's default for a machine with this much memory, keep short-lived garbage (rows, cells, page HTML)
 * from growing the process: a 1 GB Nessus CSV ingests in 304–314 MiB instead of 383–391 MiB, and a
 * 1,082-page packet peaks about 60 MB lower, at the same speed (`npm run bench:ingest` and
 * `bench:packet` run with these flags). Smaller is worse: at 8 MB, objects are promoted before they
 * die and the same ingest takes 720 MiB.
 */
export const workerExecArgv: readonly string[] = ['--max-semi-space-size=16'];

export function createPool<Task, Result>(options: PoolOptions): Pool<Task, Result> {
  const idle: ChildProcess[] = [];
  const busy = new Map<ChildProcess, Running>();
  const queue: { task: Task; running: Running }[] = [];
  let started = 0;
  let nextId = 0;

  const spawn = (): ChildProcess => {
    // Not the parent's execArgv: a test runner's or debugger's flags are not for the workers.
    const child = fork(options.module, [], { env: options.env, execArgv: [...workerExecArgv], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    started++;
    child.on('message', (message: WorkerMessage) => {
      const running = busy.get(child);
      if (message.kind === 'request') {
        void options.serve(message.request).then((response) => child.send({ kind: 'response', id: message.id, response } satisfies ParentMessage));
        return;
      }
      if (!running || running.id !== message.id) return;
      if (message.kind === 'event') return running.onEvent(message.event);
      busy.delete(child);
      idle.push(child);
      if (message.kind === 'done') running.resolve(message.result);
      else running.reject(new TaskFailure(message.error));
      dispatch();
    });
    child.on('exit', (code, signal) => {
      started--;
      const at = idle.indexOf(child);
      if (at >= 0) idle.splice(at, 1);
      const running = busy.get(child);
      busy.delete(child);
      running?.reject(new TaskFailure({ message: `the worker process died (${signal ? `signal ${signal}` : `exit code ${code}`})`, hint: null, stack: null }));
      dispatch();
    });
    return child;
  };

  const dispatch = () => {
    while (queue.length > 0) {
      const child = idle.pop() ?? (started < options.size ? spawn() : null);
      if (!child) return;
      const { task, running } = queue.shift()!;
      busy.set(child, running);
      child.send({ kind: 'task', id: running.id, task } satisfies ParentMessage);
    }
  };

  return {
    run(task, onEvent) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ task, running: { id: nextId++, onEvent, resolve: resolve as (r: unknown) => void, reject } });
        dispatch();
      });
    },
    async close() {
      const all = [...idle, ...busy.keys()];
      await Promise.all(all.map((child) => new Promise((done) => (child.exitCode !== null ? done(null) : (child.once('exit', done), child.disconnect())))));
    },
  };
}
