/** A formula that cannot be parsed; `position` is the 0-based offset in the text after '='. */
export class FormulaSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} (at character ${position + 1})`);
    this.name = 'FormulaSyntaxError';
  }
}
