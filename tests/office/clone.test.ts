/**
 * The JSON copies the apps' undo snapshots are made of: `shareJson` must give what `cloneJson` gives while reusing
 * the parts of the earlier copy that did not change, and never hand out a part of the live value.
 */
import { describe, expect, it } from 'vitest';
import { cloneJson, countJsonObjects, sameJson, shareJson } from '../../envs/office/index.ts';
import { mulberry32 } from '../support/seeded-actions.ts';

/** A random JSON document: nested objects and arrays of strings, numbers (with -0), booleans and null. */
function randomValue(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth <= 0 || r < 0.35) {
    const leaves = [0, -0, 1, 2.5, 'a', 'b', '', true, false, null];
    return leaves[Math.floor(rand() * leaves.length)];
  }
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth - 1));
  const out: Record<string, unknown> = {};
  for (const key of ['x', 'y', 'z', 'w']) if (rand() < 0.6) out[key] = randomValue(rand, depth - 1);
  return out;
}

/** `value` with one random change somewhere (a leaf replaced, a member added or dropped, an array grown or cut). */
function mutate(value: unknown, rand: () => number): unknown {
  if (typeof value !== 'object' || value === null || rand() < 0.2) return randomValue(rand, 2);
  if (Array.isArray(value)) {
    const copy = value.slice();
    const r = rand();
    if (r < 0.3 || copy.length === 0)
      copy.splice(Math.floor(rand() * (copy.length + 1)), 0, randomValue(rand, 1));
    else if (r < 0.5) copy.splice(Math.floor(rand() * copy.length), 1);
    else {
      const i = Math.floor(rand() * copy.length);
      copy[i] = mutate(copy[i], rand);
    }
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const r = rand();
  if (r < 0.2 || keys.length === 0) copy[`k${Math.floor(rand() * 3)}`] = randomValue(rand, 1);
  else if (r < 0.35) delete copy[keys[Math.floor(rand() * keys.length)]!];
  else if (r < 0.45) copy[keys[Math.floor(rand() * keys.length)]!] = undefined;
  else {
    const k = keys[Math.floor(rand() * keys.length)]!;
    copy[k] = mutate(copy[k], rand);
  }
  return copy;
}

/** Every object and array reachable from `value`. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    into.add(value);
    for (const v of Object.values(value)) objectsOf(v, into);
  }
  return into;
}

describe('shareJson', () => {
  it('gives what cloneJson gives, shares only the unchanged parts of the earlier copy, and leaves it as it was', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 300; trial++) {
      let live = randomValue(rand, 4);
      let copy = cloneJson(live);
      for (let step = 0; step < 8; step++) {
        live = mutate(live, rand);
        const before = JSON.stringify(copy);
        const next = shareJson(live, copy);
        expect(JSON.stringify(next)).toBe(JSON.stringify(cloneJson(live)));
        expect(sameJson(live, next)).toBe(true);
        // Object.is: -0 must stay -0 (JSON text cannot tell).
        if (typeof live === 'number') expect(Object.is(next, live)).toBe(true);
        expect(JSON.stringify(copy)).toBe(before);
        // Nothing of the live value is handed out: editing it later must not reach a stored copy.
        const liveObjects = objectsOf(live);
        for (const o of objectsOf(next)) expect(liveObjects.has(o)).toBe(false);
        copy = next;
      }
    }
  });

  it('returns the earlier copy itself when nothing changed, and keeps untouched branches', () => {
    const live = { a: { b: [1, 2, { c: 'x' }] }, d: { e: -0 } };
    const copy = cloneJson(live);
    expect(shareJson(live, copy)).toBe(copy);
    live.a.b.push(3);
    const next = shareJson(live, copy);
    expect(next).not.toBe(copy);
    expect(next.d).toBe(copy.d);
    expect(next.a.b[2]).toBe(copy.a.b[2]);
    expect(Object.is(next.d.e, -0)).toBe(true);
  });
});

describe('sameJson and countJsonObjects', () => {
  it('compare as copies see it and count objects and arrays', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson(-0, 0)).toBe(false);
    expect(sameJson([1, [2]], [1, [2]])).toBe(true);
    expect(countJsonObjects({ a: [1, { b: null }], c: 'x', d: undefined })).toBe(3);
    expect(countJsonObjects(5)).toBe(0);
  });
});
