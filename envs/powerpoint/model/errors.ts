/** Why an operation on a presentation was refused; the kernel reports `message` as the step's info.error. */
export type PresentationErrorCode =
  | 'INVALID_ARGUMENT'
  | 'SLIDE_NOT_FOUND'
  | 'SHAPE_NOT_FOUND'
  | 'PLACEHOLDER_NOT_FOUND'
  | 'NOT_A_TEXT_SHAPE'
  | 'NO_TEXT_SELECTION'
  | 'NO_SELECTION'
  | 'UNKNOWN_LAYOUT'
  | 'UNKNOWN_THEME'
  | 'UNKNOWN_SHAPE_TYPE'
  | 'UNKNOWN_TRANSITION'
  | 'INVALID_COLOR'
  | 'SECTION_NOT_FOUND'
  | 'UNSUPPORTED_FORMAT'
  | 'INVALID_PPTX';

export class PresentationError extends Error {
  readonly code: PresentationErrorCode;

  constructor(code: PresentationErrorCode, message: string) {
    super(message);
    this.name = 'PresentationError';
    this.code = code;
  }
}

export function fail(code: PresentationErrorCode, message: string): never {
  throw new PresentationError(code, message);
}
