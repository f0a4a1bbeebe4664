/** The slide pane's keyboard moves (Ctrl+Up/Down, Ctrl+Shift+Up/Down) and Home > New Slide > Duplicate. */
import { describe, expect, it } from 'vitest';
import { driver } from './app-driver.ts';

const titles = (d: ReturnType<typeof driver>) => d.canvas().slides.map((s) => s.title);

describe('moving slides from the thumbnail pane with the keyboard', () => {
  it('Ctrl+Up and Ctrl+Down move the selected slide one place and keep it current', () => {
    const d = driver('pitch');
    d.act('Slide 3', 'click_input', undefined, 'ListItem');
    d.keys('^{UP}');
    expect(titles(d)).toEqual(['Project Falcon', 'Results', 'Agenda', 'Thank you']);
    expect(d.canvas().current_slide).toBe(2);
    d.keys('^{DOWN}^{DOWN}');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Thank you', 'Results']);
    // At the end there is nowhere to go.
    d.keys('^{DOWN}');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Thank you', 'Results']);
  });

  it('Ctrl+Shift+Up and Ctrl+Shift+Down move it to the start and the end', () => {
    const d = driver('pitch');
    d.act('Slide 3', 'click_input', undefined, 'ListItem');
    d.keys('^+{UP}');
    expect(titles(d)).toEqual(['Results', 'Project Falcon', 'Agenda', 'Thank you']);
    d.keys('^+{DOWN}');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Thank you', 'Results']);
    d.keys('^z');
    expect(titles(d)).toEqual(['Results', 'Project Falcon', 'Agenda', 'Thank you']);
  });

  it('with a placeholder selected Ctrl+arrows nudge the shape, not the slide', () => {
    const d = driver('pitch');
    d.act('Title 1');
    const y = d.canvas().slides[0]!.shapes[0]!.rect[1];
    d.keys('^{DOWN}');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Results', 'Thank you']);
    expect(d.canvas().slides[0]!.shapes[0]!.rect[1]).toBeGreaterThan(y);
  });
});

describe('Home > New Slide > Duplicate Selected Slides', () => {
  it('puts a copy of the selected slide right after it', () => {
    const d = driver('pitch');
    d.act('Slide 2', 'click_input', undefined, 'ListItem');
    const arrow = d.obs.controls.filter((c) => c.control_text === 'New Slide')[1]!;
    d.env.step({
      thought: '',
      control_label: arrow.label,
      control_text: 'New Slide',
      function: 'click_input',
      args: { button: 'left', double: false },
      status: 'CONTINUE',
      plan: [],
    });
    d.call('summary', { text: 'menu open' });
    d.act('Duplicate Selected Slides', 'click_input', undefined, 'MenuItem');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Agenda', 'Results', 'Thank you']);
    expect(d.canvas().slides[2]!.shapes.map((s) => s.text)).toEqual(
      d.canvas().slides[1]!.shapes.map((s) => s.text),
    );
    expect(d.canvas().current_slide).toBe(3);
  });
});
