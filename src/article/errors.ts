/** An input problem the user can fix; the CLI prints its message on one line, no stack. */
export class InputError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
  }
}
