import { describe, expect, it } from 'vitest';
import { driver } from './helpers.ts';

const DOC = { document: { body: ['The budget is final.', 'Send it today.'] } };
const comments = (d: ReturnType<typeof driver>) => d.canvas().comments as { text: string; anchor: string }[];

describe('Review > New Comment opens a comment card', () => {
  it('the typed text becomes the comment when Post comment is selected', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'budget' });
    d.act('Review');
    d.act('New Comment');
    expect(d.has('Start a conversation', 'Edit')).toBe(true);
    d.act('Start a conversation', 'set_edit_text', { text: 'Is this approved?' }, 'Edit');
    d.act('Post comment');
    expect(comments(d)).toEqual([expect.objectContaining({ anchor: 'budget', text: 'Is this approved?' })]);
    expect(d.has('Start a conversation')).toBe(false);
    const texts = (d.canvas().body as { text: string }[]).map((b) => b.text);
    expect(texts.slice(0, 2)).toEqual(['The budget is final.', 'Send it today.']);
  });

  it('an empty card is not posted; Cancel closes it and leaves an empty comment', () => {
    const d = driver(DOC);
    d.call('select_text', { text: 'today' });
    d.act('Insert');
    d.act('Comment');
    d.act('Post comment');
    expect(d.env.view().activeScope).toBe('#message');
    d.keys('{ENTER}');
    expect(comments(d)).toEqual([expect.objectContaining({ anchor: 'today', text: '' })]);
    d.act('Cancel');
    expect(d.has('Post comment')).toBe(false);
    expect(comments(d)).toEqual([expect.objectContaining({ anchor: 'today', text: '' })]);
  });
});
