/**
 * The Design tab's catalogue: themes (with their four variants), colour schemes (Variants > Colors) and font
 * schemes (Variants > Fonts). Theme, scheme and font names are PowerPoint's; the colour values are modelled on
 * PowerPoint's built-in schemes (the Office schemes exactly as far as we know them, the rest close), not copied
 * from Office's theme files.
 */
import { copyData } from './draft.ts';
import { fail } from './errors.ts';
import type { ColorScheme, Fill, FontScheme, Theme } from './types.ts';

type Slots = Omit<ColorScheme, 'name'>;

function scheme(name: string, s: string): ColorScheme {
  const v = s.split(' ').map((h) => `#${h}`);
  if (v.length !== 12) throw new Error(`colour scheme ${name} needs 12 colours`);
  const keys: (keyof Slots)[] = [
    'dk1',
    'lt1',
    'dk2',
    'lt2',
    'accent1',
    'accent2',
    'accent3',
    'accent4',
    'accent5',
    'accent6',
    'hlink',
    'folHlink',
  ];
  const out = { name } as ColorScheme;
  keys.forEach((k, i) => (out[k] = v[i]!));
  return out;
}

/** Design > Variants > Colors. */
export const COLOR_SCHEMES: readonly ColorScheme[] = [
  scheme('Office', '000000 FFFFFF 44546A E7E6E6 4472C4 ED7D31 A5A5A5 FFC000 5B9BD5 70AD47 0563C1 954F72'),
  scheme(
    'Office 2007 - 2010',
    '000000 FFFFFF 1F497D EEECE1 4F81BD C0504D 9BBB59 8064A2 4BACC6 F79646 0000FF 800080',
  ),
  scheme('Grayscale', '000000 FFFFFF 000000 F8F8F8 DDDDDD B2B2B2 969696 808080 5F5F5F 4D4D4D 5F5F5F 919191'),
  scheme('Blue Warm', '000000 FFFFFF 242852 ACCBF9 4A66AC 629DD1 297FD5 7F8FA9 5AA2AE 9D90A0 9454C3 3EBBF0'),
  scheme('Blue', '000000 FFFFFF 17406D DBEFF9 0F6FC6 009DD9 0BD0D9 10CF9B 7CCA62 A5C249 F49100 85DFD0'),
  scheme('Blue II', '000000 FFFFFF 335B74 DFE3E5 1CADE4 2683C6 27CED7 42BA97 3E8853 62A39F 6B9F25 B26B02'),
  scheme('Blue Green', '000000 FFFFFF 373545 CEDBE6 3494BA 58B6C0 75BDA7 7A8C8E 84ACB6 2683C6 6B9F25 9F6715'),
  scheme('Green', '000000 FFFFFF 455F51 E3DED1 549E39 8AB833 C0CF3A 029676 4AB5C4 0989B1 6B9F25 BA6906'),
  scheme(
    'Green Yellow',
    '000000 FFFFFF 455F51 E3DED1 99CB38 63A537 37A76F 44C1A3 4EB3CF 51C3F9 EE7B08 977B2D',
  ),
  scheme('Yellow', '000000 FFFFFF 39302A E5DEDB FFCA08 F8931D CE8D3E EC7016 E64823 9C6A6A 2998E3 7F723D'),
  scheme('Orange', '000000 FFFFFF 637052 CCDDEA E48312 BD582C 865640 9B8357 C2BC80 94A088 2998E3 8C8C8C'),
  scheme('Red', '000000 FFFFFF 323232 E5C243 A5300F D55816 E19825 B19C7D 7F5F52 B27D49 6B9F25 B26B02'),
  scheme('Violet', '000000 FFFFFF 373545 DCD8DC AD84C6 8784C7 5D739A 6997AF 84ACB6 6F8183 69A020 8C8C8C'),
  scheme('Median', '000000 FFFFFF 775F55 EBDDC3 94B6D2 DD8047 A5AB81 D8B25C 7BA79D 968C8C F7B615 704404'),
  scheme('Paper', '000000 FFFFFF 444D26 FEFAC9 A5B592 F3A447 E7BC29 D092A7 9C85C0 809EC2 8E58B6 7F6F6F'),
  scheme('Marquee', '000000 FFFFFF 5E5E5E DDDDDD 418AB3 A6B727 F69200 838383 FEC306 DF5327 F59E00 B2B2B2'),
];

/** Design > Variants > Fonts: [name, headings, body]. */
export const FONT_SCHEMES: readonly FontScheme[] = (
  [
    ['Office', 'Calibri Light', 'Calibri'],
    ['Office 2007 - 2010', 'Cambria', 'Calibri'],
    ['Calibri', 'Calibri', 'Calibri'],
    ['Arial', 'Arial', 'Arial'],
    ['Corbel', 'Corbel', 'Corbel'],
    ['Candara', 'Candara', 'Candara'],
    ['Franklin Gothic', 'Franklin Gothic Medium', 'Franklin Gothic Book'],
    ['Century Gothic', 'Century Gothic', 'Century Gothic'],
    ['Tw Cen MT', 'Tw Cen MT', 'Tw Cen MT'],
    ['Tw Cen MT Condensed', 'Tw Cen MT Condensed', 'Tw Cen MT'],
    ['Garamond', 'Garamond', 'Garamond'],
    ['Georgia', 'Georgia', 'Georgia'],
    ['Trebuchet MS', 'Trebuchet MS', 'Trebuchet MS'],
    ['Gill Sans MT', 'Gill Sans MT', 'Gill Sans MT'],
    ['Times New Roman', 'Times New Roman', 'Times New Roman'],
    ['Cambria', 'Cambria', 'Cambria'],
    ['Rockwell', 'Rockwell Condensed', 'Rockwell'],
    ['Impact', 'Impact', 'Gill Sans MT'],
    ['Century Schoolbook', 'Century Schoolbook', 'Century Schoolbook'],
    ['Aptos', 'Aptos Display', 'Aptos'],
  ] as const
).map(([name, major, minor]) => ({ name, major, minor }));

/** `light` maps Text 1 → dk1 and Background 1 → lt1; `dark` themes swap them (OOXML clrMap). */
export type ColorMap = 'light' | 'dark';

export interface ThemeVariant {
  colors: ColorScheme;
  background: Fill;
  colorMap: ColorMap;
}

export interface ThemeDefinition {
  name: string;
  fonts: FontScheme;
  variants: readonly ThemeVariant[];
}

const BG1: Fill = { type: 'solid', color: 'bg1' };
const BG2: Fill = { type: 'solid', color: 'bg2' };

function named(name: string): ColorScheme {
  const s = COLOR_SCHEMES.find((c) => c.name === name);
  if (!s) throw new Error(`no colour scheme ${name}`);
  return s;
}

function fonts(name: string): FontScheme {
  const f = FONT_SCHEMES.find((c) => c.name === name);
  if (!f) throw new Error(`no font scheme ${name}`);
  return f;
}

/** A theme whose variants 2–4 recolour it with built-in schemes, keeping its background style. */
function theme(
  name: string,
  fontScheme: string,
  own: ColorScheme,
  background: Fill,
  colorMap: ColorMap,
  others: [string, string, string],
): ThemeDefinition {
  return {
    name,
    fonts: fonts(fontScheme),
    variants: [own, ...others.map(named)].map((colors) => ({ colors, background, colorMap })),
  };
}

/** Themes of the Design tab's gallery, Office Theme first as in PowerPoint. */
export const THEMES: readonly ThemeDefinition[] = [
  {
    name: 'Office Theme',
    fonts: fonts('Office'),
    variants: [
      { colors: named('Office'), background: BG1, colorMap: 'light' },
      { colors: named('Office 2007 - 2010'), background: BG1, colorMap: 'light' },
      { colors: named('Grayscale'), background: BG1, colorMap: 'light' },
      { colors: named('Office'), background: { type: 'solid', color: 'bg1' }, colorMap: 'dark' },
    ],
  },
  theme(
    'Facet',
    'Trebuchet MS',
    scheme('Facet', '000000 FFFFFF 2C3C43 EBEBEB 90C226 54A021 E6B91E E76618 C42F1A 918655 99CA3C B9D181'),
    BG1,
    'light',
    ['Blue', 'Red', 'Violet'],
  ),
  theme(
    'Integral',
    'Tw Cen MT Condensed',
    scheme('Integral', '000000 FFFFFF 335B74 DFE3E5 1CADE4 2683C6 27CED7 42BA97 3E8853 62A39F 6B9F25 B26B02'),
    BG1,
    'light',
    ['Green', 'Orange', 'Violet'],
  ),
  theme(
    'Ion',
    'Century Gothic',
    scheme('Ion', '000000 FFFFFF 1E5155 EBEBEB B01513 EA6312 E6B729 6AAC90 5F9C9D 9E5E9B 58C1BA 9DFFCB'),
    BG2,
    'dark',
    ['Blue', 'Violet', 'Green'],
  ),
  theme(
    'Ion Boardroom',
    'Century Gothic',
    scheme(
      'Ion Boardroom',
      '000000 FFFFFF 1B3D5E DBEFF9 0F6FC6 009DD9 0BD0D9 10CF9B 7CCA62 A5C249 F49100 85DFD0',
    ),
    BG2,
    'dark',
    ['Green', 'Red', 'Violet'],
  ),
  theme(
    'Organic',
    'Garamond',
    scheme('Organic', '000000 FFFFFF 212121 F2F2F2 83992A 3C9770 44709D A23C33 D97828 DEB340 A8BF4D B4CA80'),
    BG2,
    'light',
    ['Median', 'Paper', 'Blue II'],
  ),
  theme(
    'Retrospect',
    'Office',
    scheme(
      'Retrospect',
      '000000 FFFFFF 637052 CCDDEA E48312 BD582C 865640 9B8357 C2BC80 94A088 2998E3 8C8C8C',
    ),
    BG1,
    'light',
    ['Blue', 'Green', 'Red'],
  ),
  theme(
    'Slice',
    'Century Gothic',
    scheme('Slice', '000000 FFFFFF 146194 C7D8E6 052F61 A50E82 14967C 6A9E1F E87D37 C62324 0D2E46 356A95'),
    BG2,
    'dark',
    ['Green', 'Red', 'Violet'],
  ),
  theme(
    'Wisp',
    'Century Gothic',
    scheme('Wisp', '000000 FFFFFF 4E3B30 FBEEC9 A53010 DE7E18 9F8351 728653 92AA4C 6AAC91 FB4A18 FB9318'),
    BG2,
    'light',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'Berlin',
    'Trebuchet MS',
    scheme('Berlin', '000000 FFFFFF 9D360E E7E6E6 F09415 C1B56B 4BAF73 5AA6C0 D17DF9 FA7E5C FFAE3E FCC77E'),
    BG2,
    'dark',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'Celestial',
    'Office',
    scheme(
      'Celestial',
      '000000 FFFFFF 1D1A3B D9DFEF AC3EC1 477BD1 46B298 90BA4C DD9D31 E25247 8D86F9 B0A2E8',
    ),
    BG2,
    'dark',
    ['Blue', 'Green', 'Red'],
  ),
  theme(
    'Circuit',
    'Tw Cen MT',
    scheme('Circuit', '000000 FFFFFF 03485B C0E4F5 03A5D3 3DC1F0 0C76B3 00B0A3 4BCEB4 4C9BE0 5EC5FB 91D8FF'),
    BG2,
    'dark',
    ['Green', 'Violet', 'Red'],
  ),
  theme(
    'Dividend',
    'Gill Sans MT',
    scheme('Dividend', '000000 FFFFFF 3A3A3A E8E8E8 4D1434 903163 B2324B 969FA7 66B1CE 40619D 67AFBD C2A874'),
    BG1,
    'light',
    ['Blue', 'Green', 'Orange'],
  ),
  theme(
    'Droplet',
    'Tw Cen MT',
    scheme('Droplet', '000000 FFFFFF 2B3B52 DEEAF6 2FA3EE 4BCAAD 86C157 D99C3F CE6633 A35DD1 31B6FD 4BA4E6'),
    BG2,
    'light',
    ['Green', 'Red', 'Violet'],
  ),
  theme(
    'Frame',
    'Corbel',
    scheme('Frame', '000000 FFFFFF 3D3D3D E6E6E6 40A7C2 C8602F 93A299 CF9F60 9C9563 7E7A69 6B9F25 B26B02'),
    BG1,
    'light',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'Gallery',
    'Gill Sans MT',
    scheme('Gallery', '000000 FFFFFF 454545 F2F2F2 9C1D16 C64B1A A68336 7A7E3E 5B6B82 685B8D 6B9F25 B26B02'),
    BG1,
    'light',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'Main Event',
    'Impact',
    scheme(
      'Main Event',
      '000000 FFFFFF 1A1A1A D6D6D6 B80E0F A6987D 7F9A71 64969F 9B75B2 80737A EE7B08 977B2D',
    ),
    BG2,
    'dark',
    ['Blue', 'Green', 'Orange'],
  ),
  theme(
    'Mesh',
    'Century Gothic',
    scheme('Mesh', '000000 FFFFFF 1F2123 D4D4D4 6F6F74 A5B592 F3A447 E7BC29 D092A7 9C85C0 8E58B6 7F6F6F'),
    BG2,
    'dark',
    ['Blue', 'Red', 'Violet'],
  ),
  theme(
    'Parallax',
    'Corbel',
    scheme('Parallax', '000000 FFFFFF 454551 E2D7C5 30ACEC 80C34F E29D3E D64A3B D64787 A666E1 30ACEC A666E1'),
    BG1,
    'light',
    ['Blue', 'Green', 'Red'],
  ),
  theme(
    'Quotable',
    'Century Gothic',
    scheme('Quotable', '000000 FFFFFF 212121 E6E6E6 00C6BB 6FEBA0 B6DF5E EFB251 EF755F ED515C 58C1BA 9DFFCB'),
    BG1,
    'light',
    ['Blue', 'Violet', 'Red'],
  ),
  theme(
    'Savon',
    'Garamond',
    scheme('Savon', '000000 FFFFFF 3F3F3F E6E6E6 1CADE4 2683C6 27CED7 42BA97 3E8853 62A39F 6B9F25 B26B02'),
    BG1,
    'light',
    ['Green', 'Red', 'Violet'],
  ),
  theme(
    'Vapor Trail',
    'Century Gothic',
    scheme(
      'Vapor Trail',
      '000000 FFFFFF 0F1B2B D8E5F2 DF2E28 FE801A E9BF35 81BB42 32C7A9 4A9BDC F59E00 B2B2B2',
    ),
    BG2,
    'dark',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'View',
    'Century Schoolbook',
    scheme('View', '000000 FFFFFF 3C3C3C E6E6E6 6F6F74 92A9B9 A7B789 B9A489 8D6374 9B7362 6B9F25 B26B02'),
    BG1,
    'light',
    ['Blue', 'Green', 'Red'],
  ),
  theme(
    'Wood Type',
    'Rockwell',
    scheme(
      'Wood Type',
      '000000 FFFFFF 3B3022 EFE6D7 D34817 9B2D1F A28E6A 956251 918485 855D5D CC9900 96A9A9',
    ),
    BG2,
    'light',
    ['Blue', 'Green', 'Violet'],
  ),
  theme(
    'Basis',
    'Corbel',
    scheme('Basis', '000000 FFFFFF 3A3A3A E6E6E6 A6B727 DF5327 418AB3 D7D447 7A7A7A F69200 6B9F25 B26B02'),
    BG1,
    'light',
    ['Blue', 'Red', 'Violet'],
  ),
  theme(
    'Badge',
    'Impact',
    scheme('Badge', '000000 FFFFFF 1F2B3C E6E6E6 F8B323 656A59 46B2B5 8CAA7E D36F68 826276 58C1BA 9DFFCB'),
    BG1,
    'light',
    ['Blue', 'Green', 'Red'],
  ),
];

export function findThemeDefinition(name: string): ThemeDefinition {
  const key = name.trim().toLowerCase();
  const found =
    THEMES.find((t) => t.name.toLowerCase() === key) ?? (key === 'office' ? THEMES[0] : undefined);
  if (!found) {
    return fail(
      'UNKNOWN_THEME',
      `unknown theme ${JSON.stringify(name)}; the Design gallery has: ${THEMES.map((t) => t.name).join(', ')}`,
    );
  }
  return found;
}

export function findColorScheme(name: string): ColorScheme {
  const key = name.trim().toLowerCase();
  const found = COLOR_SCHEMES.find((c) => c.name.toLowerCase() === key);
  if (!found) {
    return fail(
      'UNKNOWN_THEME',
      `unknown colour scheme ${JSON.stringify(name)}; choose one of: ${COLOR_SCHEMES.map((c) => c.name).join(', ')}`,
    );
  }
  return found;
}

export function findFontScheme(name: string): FontScheme {
  const key = name.trim().toLowerCase();
  const found = FONT_SCHEMES.find((c) => c.name.toLowerCase() === key);
  if (!found) {
    return fail(
      'UNKNOWN_THEME',
      `unknown font scheme ${JSON.stringify(name)}; choose one of: ${FONT_SCHEMES.map((c) => c.name).join(', ')}`,
    );
  }
  return found;
}

export function themeVariant(def: ThemeDefinition, variant: number): ThemeVariant {
  const v = Number.isInteger(variant) ? def.variants[variant - 1] : undefined;
  if (!v) {
    return fail(
      'INVALID_ARGUMENT',
      `theme ${def.name} has variants 1-${def.variants.length}; got ${JSON.stringify(variant)}`,
    );
  }
  return v;
}

/** The Theme record a presentation stores for a catalogue theme and variant. */
export function buildTheme(name: string, variant = 1): { theme: Theme; background: Fill } {
  const def = findThemeDefinition(name);
  const v = themeVariant(def, variant);
  return {
    theme: {
      name: def.name,
      variant,
      colors: copyData(v.colors),
      fonts: copyData(def.fonts),
      colorMap: v.colorMap,
    },
    background: copyData(v.background),
  };
}
