import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runAssess } from './assess-command.ts';
import { runBuild } from './build-command.ts';
import { runCache } from './cache-command.ts';
import { runFrameworks } from './frameworks-command.ts';
import { runInspect } from './inspect-command.ts';
import { runOverview } from './overview-command.ts';
import { UserError } from './user-error.ts';
import { runVerify } from './verify-command.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolVersion: string = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version;

const mainHelp = `proofbook ${toolVersion} — evidence portal and signed compliance packet per client and quarter

Usage:
  proofbook build [options]      ingest the data drop, build portals, packets and seals
  proofbook overview [--out DIR] the MSP overview of every client in a merged output folder
  proofbook cache [--prune DAYS] the build cache per stage; prune entries no build used lately
  proofbook verify PATH          check manifests, hashes and signatures of built output
  proofbook inspect FILE...      read exports without building: format, rows, diagnostics
  proofbook frameworks [--json]  list the control catalogs (HIPAA, PCI DSS, NYDFS 500, FTC)
  proofbook assess --client ID --period YYYY-Qn [--json]
                                 status of every in-scope control, with its rule and evidence
  proofbook <command> --help     options of a command

Exit codes: 0 ok, 1 data or verification failure, 2 usage error.
`;

export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals: boolean;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = { build: runBuild, overview: runOverview, cache: runCache, verify: runVerify, frameworks: runFrameworks, inspect: runInspect, assess: runAssess };

/** Parses the command line, runs the command, and turns user mistakes into messages and exit codes. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${toolVersion}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) return usageError(io, `unknown command "${name}"`, mainHelp);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: command.allowPositionals, strict: true });
  } catch (error) {
    return usageError(io, (error as Error).message, command.help);
  }
  if (parsed.values.help) {
    io.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`proofbook ${name}: ${error.message}\n  hint: ${error.hint}\n`);
      if (error.exitCode === 2) io.stderr.write(`\n${command.help}`);
      return error.exitCode;
    }
    // A bug, not a user mistake: say so, and keep the stack for the report.
    io.stderr.write(`proofbook ${name}: internal error — please report it with the lines below\n${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function usageError(io: CliIo, message: string, help: string): number {
  io.stderr.write(`proofbook: ${message}\n\n${help}`);
  return 2;
}
