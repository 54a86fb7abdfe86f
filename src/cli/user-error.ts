/**
 * A mistake the user can fix (bad path, bad option, bad key): printed as message and hint,
 * without a stack trace, exit code 1 (or 2 for usage).
 */
export class UserError extends Error {
  readonly hint: string;
  readonly exitCode: 1 | 2;
  constructor(message: string, hint: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'UserError';
    this.hint = hint;
    this.exitCode = exitCode;
  }
}
