/**
 * A tolerant reader for the JSON that language models write: standard JSON plus Python literals (True, False,
 * None, single-quoted strings, tuples), trailing commas, missing commas between members, unquoted keys and
 * bare-word values, comments, unescaped newlines and inner quotes in strings, and answers cut off mid-way
 * (open strings, arrays and objects are closed). Every repair is recorded in words; what cannot be read is
 * reported with its offset. Also reads Python keyword arguments (`button='left', double=False`).
 */

export class LenientParseError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'LenientParseError';
    this.position = position;
  }
}

export interface LenientResult {
  value: unknown;
  /** Offset just after the value. */
  end: number;
  repairs: string[];
}

const PY_LITERALS: Readonly<Record<string, unknown>> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
  undefined: null,
};

const isIdentStart = (c: string) => /[A-Za-z_$]/.test(c);
const isIdentChar = (c: string) => /[A-Za-z0-9_$.-]/.test(c);

class Reader {
  readonly text: string;
  pos: number;
  readonly repairs: string[] = [];
  private readonly noted = new Set<string>();

  constructor(text: string, pos: number) {
    this.text = text;
    this.pos = pos;
  }

  note(repair: string): void {
    if (!this.noted.has(repair)) {
      this.noted.add(repair);
      this.repairs.push(repair);
    }
  }

  get eof(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  fail(message: string, at = this.pos): never {
    throw new LenientParseError(message, at);
  }

  /** Skips whitespace and comments (`//`, `/* *\/`, and `#` to end of line). */
  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') {
        this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '/') {
        this.note('removed comments');
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && t[this.pos + 1] === '*') {
        this.note('removed comments');
        const close = t.indexOf('*/', this.pos + 2);
        this.pos = close < 0 ? t.length : close + 2;
      } else if (c === '#') {
        this.note('removed comments');
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  value(depth: number): unknown {
    this.skipSpace();
    if (this.eof) this.fail('the answer ends where a value should start');
    if (depth > 64) this.fail('values nested more than 64 levels deep');
    const c = this.peek();
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth, ']');
    if (c === '(') {
      this.note('read a Python tuple as a list');
      return this.array(depth, ')');
    }
    if (c === '"' || c === "'") return this.string();
    if (c === '-' || c === '+' || c === '.' || (c >= '0' && c <= '9')) return this.number();
    if (isIdentStart(c)) return this.word();
    return this.fail(`unexpected character ${JSON.stringify(c)} where a value should start`);
  }

  private word(): unknown {
    const start = this.pos;
    while (!this.eof && isIdentChar(this.peek())) this.pos++;
    const word = this.text.slice(start, this.pos);
    if (Object.prototype.hasOwnProperty.call(PY_LITERALS, word)) {
      if (word !== 'true' && word !== 'false' && word !== 'null') this.note(`read Python/JS literal ${word}`);
      return PY_LITERALS[word];
    }
    this.note(`quoted the bare word ${JSON.stringify(word)}`);
    return word;
  }

  private number(): number {
    const start = this.pos;
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) this.fail('malformed number');
    this.pos += m[0].length;
    const text = m[0];
    if (text.startsWith('+') || text.startsWith('.') || text.endsWith('.')) this.note('normalised a number');
    const value = Number(text);
    if (!Number.isFinite(value)) this.fail('number out of range', start);
    return value;
  }

  /** A quoted string; a quote not followed by a delimiter is taken as an unescaped inner quote. */
  string(): string {
    const quote = this.peek();
    const start = this.pos;
    if (quote === "'") this.note('replaced single quotes with double quotes');
    this.pos++;
    let out = '';
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '\\') {
        const e = t[this.pos + 1];
        this.pos += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '/':
          case '\\':
          case '"':
          case "'":
            out += e;
            break;
          case 'u': {
            const hex = t.slice(this.pos, this.pos + 4);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              this.pos += 4;
            } else {
              out += '\\u';
              this.note('kept an invalid \\u escape as text');
            }
            break;
          }
          case 'x': {
            const hex = t.slice(this.pos, this.pos + 2);
            if (/^[0-9a-fA-F]{2}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              this.pos += 2;
              this.note('read a Python \\x escape');
            } else out += '\\x';
            break;
          }
          case undefined:
            out += '\\';
            break;
          default:
            out += `\\${e}`;
            this.note('kept an unknown escape as text');
        }
        continue;
      }
      if (c === quote) {
        // A closing quote is followed by a delimiter; anything else means the model forgot to escape it.
        let k = this.pos + 1;
        while (t[k] === ' ' || t[k] === '\t') k++;
        const next = t[k];
        if (
          next === undefined ||
          next === ',' ||
          next === '}' ||
          next === ']' ||
          next === ':' ||
          next === ')' ||
          next === '\n' ||
          next === '\r'
        ) {
          this.pos++;
          return out;
        }
        this.note('escaped quotes inside a string');
        out += c;
        this.pos++;
        continue;
      }
      if (c === '\n') this.note('escaped a line break inside a string');
      out += c;
      this.pos++;
    }
    this.note('closed a string cut off at the end of the answer');
    void start;
    return out;
  }

  private key(): string {
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    if (isIdentStart(c)) {
      const start = this.pos;
      while (!this.eof && /[A-Za-z0-9_$-]/.test(this.peek())) this.pos++;
      this.note('quoted unquoted keys');
      return this.text.slice(start, this.pos);
    }
    return this.fail(`expected a key (a quoted name) but found ${JSON.stringify(c)}`);
  }

  private object(depth: number): Record<string, unknown> {
    const open = this.pos;
    this.pos++;
    const out: Record<string, unknown> = {};
    let needComma = false;
    for (;;) {
      this.skipSpace();
      if (this.eof) {
        this.note('closed brackets left open at the end of the answer (it looks cut off)');
        return out;
      }
      const c = this.peek();
      if (c === '}') {
        this.pos++;
        return out;
      }
      if (c === ']' || c === ')') {
        this.note(`replaced a mismatched ${JSON.stringify(c)} with "}"`);
        this.pos++;
        return out;
      }
      if (c === ',') {
        this.pos++;
        this.skipSpace();
        if (this.peek() === '}') this.note('removed trailing commas');
        else if (this.peek() === ',') this.note('removed doubled commas');
        needComma = false;
        continue;
      }
      if (needComma) this.note('inserted missing commas between members');
      const keyAt = this.pos;
      const key = this.key();
      this.skipSpace();
      if (this.eof) {
        this.note('dropped a member cut off at the end of the answer');
        return out;
      }
      if (this.peek() === ':' || this.peek() === '=') {
        if (this.peek() === '=') this.note('read "=" as ":"');
        this.pos++;
      } else {
        this.fail(`expected ":" after the key ${JSON.stringify(key)}`, this.pos);
      }
      this.skipSpace();
      if (this.eof) {
        this.note('dropped a member cut off at the end of the answer');
        return out;
      }
      if (Object.prototype.hasOwnProperty.call(out, key))
        this.note(`kept the last of duplicate keys ${JSON.stringify(key)}`);
      void keyAt;
      out[key] = this.value(depth + 1);
      needComma = true;
    }
    void open;
  }

  private array(depth: number, close: ']' | ')'): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    let needComma = false;
    for (;;) {
      this.skipSpace();
      if (this.eof) {
        this.note('closed brackets left open at the end of the answer (it looks cut off)');
        return out;
      }
      const c = this.peek();
      if (c === close) {
        this.pos++;
        return out;
      }
      if (c === '}' || c === ']' || c === ')') {
        this.note(`replaced a mismatched ${JSON.stringify(c)} with ${JSON.stringify(close)}`);
        this.pos++;
        return out;
      }
      if (c === ',') {
        this.pos++;
        this.skipSpace();
        if (this.peek() === close) this.note('removed trailing commas');
        needComma = false;
        continue;
      }
      if (needComma) this.note('inserted missing commas between list items');
      out.push(this.value(depth + 1));
      needComma = true;
    }
  }
}

/** Reads one value starting at `start` (after optional whitespace). */
export function parseLenient(text: string, start = 0): LenientResult {
  const reader = new Reader(text, start);
  const value = reader.value(0);
  return { value, end: reader.pos, repairs: reader.repairs };
}

/**
 * Reads Python keyword arguments, `button='left', double=False`, into an object (values in the same tolerant
 * syntax); positional values are returned in order under `positional`.
 */
export function parseKwargs(text: string): {
  kwargs: Record<string, unknown>;
  positional: unknown[];
  repairs: string[];
} {
  const reader = new Reader(text, 0);
  const kwargs: Record<string, unknown> = {};
  const positional: unknown[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.eof) break;
    if (reader.peek() === ',') {
      reader.pos++;
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*/.exec(text.slice(reader.pos));
    if (m && !(text[reader.pos + m[0].length - 1] === ':' && m[0].trim().endsWith(':') && false)) {
      reader.pos += m[0].length;
      kwargs[m[1]!] = reader.value(1);
    } else {
      positional.push(reader.value(1));
    }
    reader.skipSpace();
    if (!reader.eof && reader.peek() !== ',')
      reader.fail(`expected "," between arguments, found ${JSON.stringify(reader.peek())}`);
  }
  return { kwargs, positional, repairs: reader.repairs };
}

/** 1-based line and column of an offset, for error messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
