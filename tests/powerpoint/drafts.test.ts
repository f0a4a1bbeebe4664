/**
 * The copy-on-write drafts behind `produce`: they must edit like the deep copy they replaced, never touch the
 * presentation they start from, and share what an operation did not change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OfficeEnv, type OfficeApp } from '../../envs/office/index.ts';
import { copyData, draftChecks, produceDraft } from '../../envs/powerpoint/model/draft.ts';
import { powerPointApp, type PowerPointState } from '../../envs/powerpoint/index.ts';
import { randomValidAction } from '../../scripts/bench/env.ts';

interface Doc {
  title: string;
  slides: { id: number; shapes: { id: number; name: string; tags?: string[] }[]; note?: string }[];
  meta: { size: { w: number; h: number }; saves: string[] };
}

function doc(): Doc {
  return {
    title: 'Deck',
    slides: [
      { id: 1, shapes: [{ id: 2, name: 'Title' }] },
      {
        id: 2,
        shapes: [
          { id: 2, name: 'Title', tags: ['a'] },
          { id: 3, name: 'Body' },
        ],
        note: 'n',
      },
      { id: 3, shapes: [] },
    ],
    meta: { size: { w: 10, h: 5 }, saves: [] },
  };
}

describe('produceDraft', () => {
  it('changes only the copy, and shares what the edit did not touch', () => {
    const base = doc();
    const before = JSON.stringify(base);
    const next = produceDraft(base, (d) => {
      d.slides[1]!.shapes[1]!.name = 'Subtitle';
    });
    expect(JSON.stringify(base)).toBe(before);
    expect(next.slides[1]!.shapes[1]!.name).toBe('Subtitle');
    expect(next).not.toBe(base);
    expect(next.slides).not.toBe(base.slides);
    expect(next.slides[1]).not.toBe(base.slides[1]);
    expect(next.slides[0]).toBe(base.slides[0]);
    expect(next.slides[1]!.shapes[0]).toBe(base.slides[1]!.shapes[0]);
    expect(next.meta).toBe(base.meta);
  });

  it('returns the base itself when nothing was written (or only the same values)', () => {
    const base = doc();
    const next = produceDraft(base, (d) => {
      d.slides.find((s) => s.id === 2)!.note = 'n';
      void d.slides.map((s) => s.shapes.length);
    });
    expect(next).toBe(base);
  });

  it('supports array methods, identity of drafts read twice, moves and removals', () => {
    const base = doc();
    const before = JSON.stringify(base);
    const next = produceDraft(base, (d) => {
      expect(Array.isArray(d.slides)).toBe(true);
      expect(d.slides[0]).toBe(d.slides[0]);
      const [moved] = d.slides.splice(0, 1);
      d.slides.push(moved!);
      expect(d.slides.indexOf(moved!)).toBe(2);
      d.slides[0]!.shapes.sort((a, b) => b.id - a.id);
      d.slides[0]!.shapes = d.slides[0]!.shapes.filter((s) => s.name !== 'Body');
      delete d.slides[0]!.note;
      expect('note' in d.slides[0]!).toBe(false);
      d.meta.saves.push('x');
    });
    expect(JSON.stringify(base)).toBe(before);
    expect(next).toEqual({
      title: 'Deck',
      slides: [
        { id: 2, shapes: [{ id: 2, name: 'Title', tags: ['a'] }] },
        { id: 3, shapes: [] },
        { id: 1, shapes: [{ id: 2, name: 'Title' }] },
      ],
      meta: { size: { w: 10, h: 5 }, saves: ['x'] },
    });
    expect(next.slides[2]).toBe(base.slides[0]);
    expect(next.meta.size).toBe(base.meta.size);
  });

  it('resolves drafts placed inside new objects, and edits to new objects made in the edit', () => {
    const base = doc();
    const before = JSON.stringify(base);
    const edit = (d: Doc): void => {
      // A shallow copy: its shapes are the original slide's (on a deep copy too), so the edit shows in both.
      const fresh = { ...d.slides[1]!, id: 9 };
      d.slides.push(fresh);
      d.slides[3]!.shapes[0]!.name = 'Copy';
      d.meta = { size: d.meta.size, saves: ['a'] };
      d.meta.saves.push('b');
    };
    const next = produceDraft(base, edit);
    const reference = structuredClone(base);
    edit(reference);
    expect(JSON.stringify(base)).toBe(before);
    expect(next).toEqual(reference);
    expect(next.slides[3]!.shapes).toBe(next.slides[1]!.shapes);
    expect(next.slides[1]!.shapes[0]!.name).toBe('Copy');
    expect(next.meta).toEqual({ size: { w: 10, h: 5 }, saves: ['a', 'b'] });
    expect(next.meta.size).toBe(base.meta.size);
    // Nothing in the result is a draft: structuredClone refuses proxies.
    expect(() => structuredClone(next)).not.toThrow();
  });

  it('copyData deep-copies drafts (which structuredClone cannot)', () => {
    const base = doc();
    const next = produceDraft(base, (d) => {
      expect(() => structuredClone(d.slides[1])).toThrow();
      const copy = copyData(d.slides[1]!);
      copy.id = 7;
      copy.shapes[0]!.tags!.push('b');
      d.slides.push(copy);
    });
    expect(base.slides[1]!.shapes[0]!.tags).toEqual(['a']);
    expect(next.slides[3]!.shapes[0]!.tags).toEqual(['a', 'b']);
    expect(next.slides[3]!.id).toBe(7);
  });

  it('leaves the base as it was when the edit throws', () => {
    const base = doc();
    const before = JSON.stringify(base);
    expect(() =>
      produceDraft(base, (d) => {
        d.slides[0]!.shapes[0]!.name = 'half done';
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(JSON.stringify(base)).toBe(before);
  });
});

/** Observations and errors of random valid steps (the bench's policy), as JSON lines. */
function trace(app: OfficeApp<PowerPointState>, template: unknown, steps: number, seed: number): string[] {
  const env = new OfficeEnv(app, { template, maxSteps: 40 });
  let rand = seed;
  const next = (): number => {
    rand = (rand * 1103515245 + 12345) % 2147483648;
    return rand / 2147483648;
  };
  const out: string[] = [JSON.stringify(env.reset({ seed })[0])];
  for (let i = 0; i < steps; i++) {
    const action = randomValidAction(env, app, next);
    const [obs, reward, terminated, truncated, info] = env.step(action);
    out.push(JSON.stringify([action, obs, reward, info.error ?? null, terminated, truncated]));
    if (terminated || truncated) out.push(JSON.stringify(env.reset({ seed: seed + i })[0]));
  }
  return out;
}

describe('PowerPoint on drafts', () => {
  afterEach(() => {
    draftChecks.mode = 'cow';
  });

  it.each([
    ['blank', undefined],
    ['pitch', 'pitch'],
  ])(
    'random valid episodes (%s) run as they did on deep copies, and never edit a presentation in place',
    (_name, template) => {
      // The reference: every operation on a structuredClone, undo snapshots by the kernel's deep copy.
      draftChecks.mode = 'copy';
      const { snapshot: _shallow, ...deepSnapshots } = powerPointApp;
      const expected = trace(deepSnapshots, template, 1200, 11);
      // Drafts, with every presentation frozen: an in-place edit would fail a step and change the trace.
      draftChecks.mode = 'freeze';
      const actual = trace(powerPointApp, template, 1200, 11);
      expect(actual.length).toBe(expected.length);
      for (let i = 0; i < expected.length; i++) expect(actual[i], `line ${i}`).toBe(expected[i]);
    },
  );
});
