/**
 * UI Automation vocabulary: control types as UIA names them, rectangles on the simulated 1920×1080 screen, the
 * filtered control list a LAM sees (UFO's CONTROL_LIST) and the control-state tree of UFO's dataflow prompts.
 */

/** UIA control types (UIA_*ControlTypeId names without the suffix), as pywinauto reports `control_type`. */
export const CONTROL_TYPES = [
  'AppBar',
  'Button',
  'Calendar',
  'CheckBox',
  'ComboBox',
  'Custom',
  'DataGrid',
  'DataItem',
  'Document',
  'Edit',
  'Group',
  'Header',
  'HeaderItem',
  'Hyperlink',
  'Image',
  'List',
  'ListItem',
  'Menu',
  'MenuBar',
  'MenuItem',
  'Pane',
  'ProgressBar',
  'RadioButton',
  'ScrollBar',
  'SemanticZoom',
  'Separator',
  'Slider',
  'Spinner',
  'SplitButton',
  'StatusBar',
  'Tab',
  'TabItem',
  'Table',
  'Text',
  'Thumb',
  'TitleBar',
  'ToolBar',
  'ToolTip',
  'Tree',
  'TreeItem',
  'Window',
] as const;

export type ControlType = (typeof CONTROL_TYPES)[number];

const CONTROL_TYPE_SET: ReadonlySet<string> = new Set(CONTROL_TYPES);

export function isControlType(value: unknown): value is ControlType {
  return typeof value === 'string' && CONTROL_TYPE_SET.has(value);
}

/**
 * The control types UFO's AppAgent keeps (v1.2.0 `CONTROL_LIST` in ufo/config/config_dev.yaml); only these get a
 * numeric label and appear in the observation. Containers (Pane, Group, ToolBar…) stay in the full tree.
 */
export const CONTROL_LIST: readonly ControlType[] = [
  'Button',
  'Edit',
  'TabItem',
  'Document',
  'ListItem',
  'MenuItem',
  'ScrollBar',
  'TreeItem',
  'Hyperlink',
  'ComboBox',
  'RadioButton',
  'DataItem',
  'Spinner',
];

export const CONTROL_LIST_SET: ReadonlySet<ControlType> = new Set(CONTROL_LIST);

/** Screen rectangle in pixels, as UFO logs `control_coordinates` / pywinauto's `rectangle()`. */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export const SCREEN_WIDTH = 1920;
export const SCREEN_HEIGHT = 1080;

export function rect(left: number, top: number, right: number, bottom: number): Rect {
  return Object.freeze({
    left: Math.round(left),
    top: Math.round(top),
    right: Math.round(right),
    bottom: Math.round(bottom),
  });
}

export function rectContains(r: Rect, x: number, y: number): boolean {
  return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
}

export function rectCenter(r: Rect): [number, number] {
  return [Math.floor((r.left + r.right) / 2), Math.floor((r.top + r.bottom) / 2)];
}

/** One entry of the observation's control list (UFO's `{label, control_text, control_type}` plus state and rect). */
export interface ObservedControl {
  readonly label: string;
  readonly control_text: string;
  readonly control_type: ControlType;
  /**
   * Selection or toggle state: TabItem/ListItem/RadioButton/MenuItem/DataItem/TreeItem report whether they are
   * selected, CheckBox and toggle buttons their toggle state; controls with neither report null.
   */
  readonly selected: boolean | null;
  readonly rect: Rect;
}

/**
 * A node of UFO's control-state JSON (paper Appendix B.2: `{control_label, control_text, control_type, selected,
 * children}`). Containers outside CONTROL_LIST have an empty `control_label`.
 */
export interface ControlStateNode {
  control_label: string;
  control_text: string;
  control_type: ControlType;
  selected: boolean | null;
  children: ControlStateNode[];
}
