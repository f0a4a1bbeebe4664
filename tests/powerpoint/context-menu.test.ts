/** The right-click menu of a slide thumbnail, driven as an agent drives it: UFO click_input on controls. */
import { describe, expect, it } from 'vitest';
import { driver, type Driver } from './app-driver.ts';

const RIGHT = { button: 'right', double: false };
const titles = (d: Driver) => d.canvas().slides.map((s) => s.title);
const menuItems = (d: Driver) =>
  d.obs.controls.filter((c) => c.control_type === 'MenuItem').map((c) => c.control_text);

function rightClickThumbnail(d: Driver, name: string): void {
  d.act(name, 'click_input', RIGHT, 'ListItem');
}

describe('right-clicking a slide thumbnail', () => {
  it("opens PowerPoint's thumbnail menu and makes that slide current", () => {
    const d = driver('pitch');
    expect(d.has('Duplicate Slide', 'MenuItem')).toBe(false);
    rightClickThumbnail(d, 'Slide 3');
    expect(menuItems(d)).toEqual([
      'New Slide',
      'Duplicate Slide',
      'Delete Slide',
      'Add Section',
      'Layout',
      'Reset Slide',
      'Format Background...',
      'Hide Slide',
    ]);
    expect(d.canvas().current_slide).toBe(3);
    // Escape closes the menu and changes nothing more.
    const before = JSON.stringify(d.canvas());
    d.keys('{ESC}');
    expect(d.has('Duplicate Slide', 'MenuItem')).toBe(false);
    expect(JSON.stringify(d.canvas())).toBe(before);
  });

  it('Duplicate Slide and Delete Slide act on the right-clicked slide, and undo takes them back', () => {
    const d = driver('pitch');
    rightClickThumbnail(d, 'Slide 2');
    d.act('Duplicate Slide', 'click_input', undefined, 'MenuItem');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Agenda', 'Results', 'Thank you']);
    expect(d.canvas().current_slide).toBe(3);
    expect(d.has('Duplicate Slide', 'MenuItem')).toBe(false);
    rightClickThumbnail(d, 'Slide 4');
    d.act('Delete Slide', 'click_input', undefined, 'MenuItem');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Agenda', 'Thank you']);
    d.keys('^z');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Agenda', 'Results', 'Thank you']);
    d.keys('^z');
    expect(titles(d)).toEqual(['Project Falcon', 'Agenda', 'Results', 'Thank you']);
  });

  it('New Slide, Layout, Reset Slide, Hide Slide and Format Background... run the commands PowerPoint runs', () => {
    const d = driver('pitch');
    rightClickThumbnail(d, 'Slide 1');
    d.act('New Slide', 'click_input', undefined, 'MenuItem');
    expect(d.canvas().slide_count).toBe(5);
    expect(d.canvas().slides[1]!.layout).toBe('Title and Content');

    rightClickThumbnail(d, 'Slide 3');
    d.act('Layout', 'click_input', undefined, 'MenuItem');
    d.act('Title Only', 'click_input', undefined, 'ListItem');
    expect(d.canvas().slides[2]!.layout).toBe('Title Only');
    expect(d.canvas().slides[2]!.title).toBe('Agenda');

    rightClickThumbnail(d, 'Slide 3');
    d.act('Reset Slide', 'click_input', undefined, 'MenuItem');
    expect(d.canvas().slides[2]!.layout).toBe('Title Only');

    rightClickThumbnail(d, 'Slide 4');
    d.act('Hide Slide', 'click_input', undefined, 'MenuItem');
    expect(d.canvas().slides[3]!.hidden).toBe(true);
    expect(d.has('Slide 4 (Hidden)', 'ListItem')).toBe(true);
    rightClickThumbnail(d, 'Slide 4 (Hidden)');
    expect(d.obs.controls.find((c) => c.control_text === 'Hide Slide')!.selected).toBe(true);
    d.act('Hide Slide', 'click_input', undefined, 'MenuItem');
    expect(d.canvas().slides[3]!.hidden).toBeUndefined();

    rightClickThumbnail(d, 'Slide 2');
    d.act('Format Background...', 'click_input', undefined, 'MenuItem');
    expect(d.env.view().activeScope).not.toBe('main');
  });

  it('invalid actions change nothing: menu items while the menu is closed, a bad label, a left click', () => {
    const d = driver('pitch');
    const before = JSON.stringify(d.canvas());
    // The menu is not open: its items are not on screen.
    const info = d.call('click_input', { button: 'left', double: false });
    expect(info.error).toBeDefined();
    expect(() => d.act('Delete Slide', 'click_input', undefined, 'MenuItem')).toThrow(/no visible control/);
    const [, , , , bad] = d.env.step({
      thought: '',
      control_label: '999',
      control_text: 'Delete Slide',
      function: 'click_input',
      args: { button: 'left', double: false },
      status: 'CONTINUE',
      plan: [],
    });
    expect(bad.error).toBeDefined();
    expect(JSON.stringify(d.obs.canvas)).toBe(before);
    // A left click on a thumbnail selects the slide but opens no menu.
    d.act('Slide 2', 'click_input', undefined, 'ListItem');
    expect(d.has('Delete Slide', 'MenuItem')).toBe(false);
    expect(d.canvas().slide_count).toBe(4);
  });

  it('a right-click on a thumbnail leaves the slide canvas menu alone, and a click elsewhere closes it', () => {
    const d = driver('pitch');
    rightClickThumbnail(d, 'Slide 2');
    d.act('Slide 4', 'click_input', undefined, 'ListItem');
    expect(d.has('Delete Slide', 'MenuItem')).toBe(false);
    expect(d.canvas().current_slide).toBe(4);
    expect(d.canvas().slide_count).toBe(4);
  });
});
