import type { Browser } from 'puppeteer-core';
import { UserError } from '../cli/user-error.ts';
import { assessClient, type AssessedClient } from './assess-client.ts';
import type { BuildContext, StageName } from './context.ts';
import type { ParentMessage, TaskError, WorkerMessage } from './pool.ts';
import { renderClient } from './render-client.ts';

/**
 * A build worker process: runs one client's phase at a time for the parent (build.ts), reporting
 * the stage it is in, and prints its packets with the parent's Chromium.
 */

export type WorkerTask = { phase: 'assess'; context: BuildContext; clientId: string } | { phase: 'render'; context: BuildContext; assessed: AssessedClient };

/** Sent while a task runs: the client and the stage it has reached. */
export interface StageEvent {
  clientId: string;
  stage: StageName;
  detail: string;
}

/** The one request a worker makes: the DevTools endpoints of the browsers its packets print on. */
export const browserRequest = 'browser-endpoint';

const send = (message: WorkerMessage) => process.send!(message);
const pending = new Map<number, (response: unknown) => void>();
let requests = 0;
let browsers: Promise<Browser[]> | undefined;

function ask(request: unknown): Promise<unknown> {
  const id = requests++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ kind: 'request', id, request });
  });
}

/** One connection per browser, though a packet may print in several tabs of the same one. */
async function connectBrowsers(): Promise<Browser[]> {
  const { default: puppeteer } = await import('puppeteer-core');
  const endpoints = (await ask(browserRequest)) as string[];
  const connections = new Map<string, Promise<Browser>>();
  for (const endpoint of endpoints) if (!connections.has(endpoint)) connections.set(endpoint, puppeteer.connect({ browserWSEndpoint: endpoint }));
  return Promise.all(endpoints.map((endpoint) => connections.get(endpoint)!));
}

async function run(id: number, task: WorkerTask): Promise<unknown> {
  if (task.phase === 'assess') {
    send({ kind: 'event', id, event: { clientId: task.clientId, stage: 'assess', detail: 'ingest and assess' } satisfies StageEvent });
    return assessClient(task.context, task.clientId);
  }
  const { clientId } = task.assessed;
  return renderClient(task.context, task.assessed, {
    browsers: () => (browsers ??= connectBrowsers()),
    stage: (stage, detail) => send({ kind: 'event', id, event: { clientId, stage, detail } satisfies StageEvent }),
  });
}

function taskError(error: unknown): TaskError {
  if (error instanceof UserError) return { message: error.message, hint: error.hint, stack: null };
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, hint: null, stack: e.stack ?? null };
}

process.on('message', (message: ParentMessage) => {
  if (message.kind === 'response') {
    pending.get(message.id)?.(message.response);
    pending.delete(message.id);
    return;
  }
  run(message.id, message.task as WorkerTask).then(
    (result) => send({ kind: 'done', id: message.id, result }),
    (error: unknown) => send({ kind: 'failed', id: message.id, error: taskError(error) }),
  );
});

// The parent closes the channel when the build is over: let go of the browsers (the parent owns them) and end.
process.on('disconnect', () => {
  void (browsers ? browsers.then((all) => Promise.all([...new Set(all)].map((b) => b.disconnect()))) : Promise.resolve()).finally(() => process.exit(0));
});
