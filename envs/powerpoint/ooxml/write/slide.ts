/** Slides, their shapes, transition and timing, and notes slides. */
import { layoutPlaceholderFor } from '../../model/format.ts';
import { tableStyleId } from '../../model/shapes.ts';
import type {
  Animation,
  PictureShape,
  Presentation,
  Shape,
  Slide,
  TableShape,
  TextShape,
  Transition,
} from '../../model/types.ts';
import { ENTRANCE_PRESETS } from '../animation-presets.ts';
import { namespaceOf, transitionElement } from '../transitions-map.ts';
import { el, NS, PML_NAMESPACES } from '../xml.ts';
import { fillXml, lineXml, paragraphsXml, txBodyXml, xfrmXml } from './drawing.ts';
import { GROUP_PROPS } from './masters.ts';

function phXml(ref: { type: string; idx: number } | undefined): string {
  if (!ref) return '';
  const isTitle = ref.type === 'title' || ref.type === 'ctrTitle';
  return el('p:ph', { type: ref.type === 'obj' ? undefined : ref.type, idx: isTitle ? undefined : ref.idx });
}

function cNvPr(s: Shape, extra: Record<string, string> = {}): string {
  return el('p:cNvPr', { id: s.id, name: s.name, descr: s.altText || undefined, ...extra });
}

/** Placeholders at the layout's position omit their transform, so they keep following the layout. */
function placeholderXfrm(pres: Presentation, slide: Slide, s: Shape): string {
  const lp = layoutPlaceholderFor(pres, slide, s);
  if (lp && !s.rotation && lp.x === s.x && lp.y === s.y && lp.width === s.width && lp.height === s.height)
    return '';
  return xfrmXml(s);
}

function textShapeXml(pres: Presentation, slide: Slide, s: TextShape): string {
  const isBox = s.kind === 'textbox';
  const nvSpPr = el(
    'p:nvSpPr',
    {},
    cNvPr(s),
    s.kind === 'placeholder'
      ? el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 }))
      : el('p:cNvSpPr', { txBox: isBox ? 1 : undefined }),
    el('p:nvPr', {}, s.kind === 'placeholder' ? phXml(s.placeholder) : ''),
  );
  const geometry = s.kind === 'shape' ? s.geometry : 'rect';
  const spPr = el(
    'p:spPr',
    {},
    s.kind === 'placeholder' ? placeholderXfrm(pres, slide, s) : xfrmXml(s),
    s.kind === 'placeholder' ? '' : el('a:prstGeom', { prst: geometry }, el('a:avLst')),
    s.kind === 'textbox' ? fillXml(s.fill ?? { type: 'none' }) : fillXml(s.fill),
    lineXml(s.line),
  );
  // New shapes take white text from the default shape style (fontRef); fills and outlines are explicit.
  const style =
    s.kind === 'shape'
      ? el(
          'p:style',
          {},
          el('a:lnRef', { idx: 2 }, el('a:schemeClr', { val: 'accent1' }, el('a:shade', { val: 15000 }))),
          el('a:fillRef', { idx: 1 }, el('a:schemeClr', { val: 'accent1' })),
          el('a:effectRef', { idx: 0 }, el('a:schemeClr', { val: 'accent1' })),
          el('a:fontRef', { idx: 'minor' }, el('a:schemeClr', { val: 'bg1' })),
        )
      : '';
  const body = txBodyXml('p:txBody', s.text, {
    wrap: isBox ? true : undefined,
    autofit: isBox ? 'resize' : undefined,
    explicitIndent: s.kind !== 'placeholder',
  });
  return el('p:sp', {}, nvSpPr, spPr, style, body);
}

function tableXml(s: TableShape): string {
  const t = s.table;
  const grid = t.columnWidths.map((w) => el('a:gridCol', { w })).join('');
  const rows = t.cells
    .map((row, r) =>
      el(
        'a:tr',
        { h: t.rowHeights[r] },
        row
          .map((cell) =>
            el(
              'a:tc',
              {
                gridSpan: cell.gridSpan && cell.gridSpan > 1 ? cell.gridSpan : undefined,
                rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
                hMerge: cell.hMerge || undefined,
                vMerge: cell.vMerge || undefined,
              },
              txBodyXml('a:txBody', cell.text),
              el('a:tcPr', {}, fillXml(cell.fill)),
            ),
          )
          .join(''),
      ),
    )
    .join('');
  const tblPr = el(
    'a:tblPr',
    {
      firstRow: t.firstRow || undefined,
      bandRow: t.bandRows || undefined,
      firstCol: t.firstColumn || undefined,
      lastRow: t.lastRow || undefined,
      lastCol: t.lastColumn || undefined,
      bandCol: t.bandColumns || undefined,
    },
    el('a:tableStyleId', {}, tableStyleId(t.style)),
  );
  return el(
    'p:graphicFrame',
    {},
    el(
      'p:nvGraphicFramePr',
      {},
      cNvPr(s),
      el('p:cNvGraphicFramePr', {}, el('a:graphicFrameLocks', { noGrp: 1 })),
      el('p:nvPr', {}, phXml(s.placeholder)),
    ),
    xfrmXml(s, 'p:xfrm'),
    el(
      'a:graphic',
      {},
      el(
        'a:graphicData',
        { uri: 'http://schemas.openxmlformats.org/drawingml/2006/table' },
        el('a:tbl', {}, tblPr, el('a:tblGrid', {}, grid), rows),
      ),
    ),
  );
}

function pictureXml(s: PictureShape, imageRelId: string): string {
  return el(
    'p:pic',
    {},
    el(
      'p:nvPicPr',
      {},
      el('p:cNvPr', { id: s.id, name: s.name, descr: s.image.description || undefined, title: s.image.name }),
      el('p:cNvPicPr', {}, el('a:picLocks', { noGrp: s.placeholder ? 1 : undefined, noChangeAspect: 1 })),
      el('p:nvPr', {}, phXml(s.placeholder)),
    ),
    el('p:blipFill', {}, el('a:blip', { 'r:embed': imageRelId }), el('a:stretch', {}, el('a:fillRect'))),
    el('p:spPr', {}, xfrmXml(s), el('a:prstGeom', { prst: 'rect' }, el('a:avLst')), lineXml(s.line)),
  );
}

function speed(seconds: number): string {
  return seconds <= 0.5 ? 'fast' : seconds <= 0.75 ? 'med' : 'slow';
}

/**
 * p:transition wrapped as PowerPoint writes it: mc:Choice (p14:dur in ms, and p14/p15/p159 effects) with a
 * plain-PresentationML mc:Fallback (spd, and a fade where the effect is an extension).
 */
export function transitionXml(t: Transition | null): string {
  if (!t) return '';
  const timing = {
    advClick: t.advanceOnClick ? undefined : 0,
    advTm: t.advanceAfter === null ? undefined : Math.round(t.advanceAfter * 1000),
  };
  const found = transitionElement(t);
  if (!found) return el('p:transition', timing);
  const ns = namespaceOf(found.element);
  const inner = el(found.element, found.attrs);
  const fallbackInner = ns === 'p' ? inner : el('p:fade');
  const requires = ns === 'p' ? 'p14' : ns;
  const choiceNs =
    ns === 'p' || ns === 'p14'
      ? { 'xmlns:p14': NS.p14 }
      : { 'xmlns:p14': NS.p14, [`xmlns:${ns}`]: NS[ns as 'p15' | 'p159'] };
  return el(
    'mc:AlternateContent',
    { 'xmlns:mc': NS.mc },
    el(
      'mc:Choice',
      { ...choiceNs, Requires: requires },
      el(
        'p:transition',
        { spd: speed(t.duration), 'p14:dur': Math.round(t.duration * 1000), ...timing },
        inner,
      ),
    ),
    el('mc:Fallback', {}, el('p:transition', { spd: speed(t.duration), ...timing }, fallbackInner)),
  );
}

/** p:timing for entrance effects: click groups → after-previous groups → effects, as PowerPoint nests them. */
export function timingXml(slide: Slide): string {
  const anims = slide.animations.filter((a) => slide.shapes.some((s) => s.id === a.shapeId));
  if (anims.length === 0) return '';
  let id = 3;
  const clickGroups: Animation[][] = [];
  for (const a of anims) {
    if (a.trigger === 'On Click' || clickGroups.length === 0) clickGroups.push([a]);
    else clickGroups[clickGroups.length - 1]!.push(a);
  }
  const cond = (delay: string | number): string => el('p:stCondLst', {}, el('p:cond', { delay }));
  const effectXml = (a: Animation): string => {
    const preset = ENTRANCE_PRESETS[a.effect];
    const target = el('p:tgtEl', {}, el('p:spTgt', { spid: a.shapeId }));
    const set = el(
      'p:set',
      {},
      el(
        'p:cBhvr',
        {},
        el('p:cTn', { id: ++id, dur: 1, fill: 'hold' }, cond(0)),
        target,
        el('p:attrNameLst', {}, el('p:attrName', {}, 'style.visibility')),
      ),
      el('p:to', {}, el('p:strVal', { val: 'visible' })),
    );
    const effect = preset.filter
      ? el(
          'p:animEffect',
          { transition: 'in', filter: preset.filter },
          el('p:cBhvr', {}, el('p:cTn', { id: ++id, dur: Math.round(a.duration * 1000) }), target),
        )
      : '';
    return set + effect;
  };
  const groups = clickGroups.map((group, gi) => {
    const outerId = ++id;
    const subgroups: Animation[][] = [];
    for (const a of group) {
      if (subgroups.length === 0 || a.trigger === 'After Previous') subgroups.push([a]);
      else subgroups[subgroups.length - 1]!.push(a);
    }
    let start = 0;
    const subXml = subgroups.map((sub) => {
      const subId = ++id;
      const effects = sub.map((a) => {
        const nodeType =
          a.trigger === 'On Click'
            ? 'clickEffect'
            : a.trigger === 'With Previous'
              ? 'withEffect'
              : 'afterEffect';
        const preset = ENTRANCE_PRESETS[a.effect];
        const effId = ++id;
        const inner = effectXml(a);
        return el(
          'p:par',
          {},
          el(
            'p:cTn',
            {
              id: effId,
              presetID: preset.id,
              presetClass: 'entr',
              presetSubtype: preset.subtype,
              fill: 'hold',
              grpId: 0,
              nodeType,
            },
            cond(Math.round(a.delay * 1000)),
            el('p:childTnLst', {}, inner),
          ),
        );
      });
      const xml = el(
        'p:par',
        {},
        el(
          'p:cTn',
          { id: subId, fill: 'hold' },
          cond(Math.round(start * 1000)),
          el('p:childTnLst', {}, effects.join('')),
        ),
      );
      start += Math.max(...sub.map((a) => a.delay + a.duration));
      return xml;
    });
    const autoStart = gi === 0 && group[0]!.trigger !== 'On Click';
    const stCond = autoStart
      ? el(
          'p:stCondLst',
          {},
          el('p:cond', { delay: 'indefinite' }),
          el('p:cond', { evt: 'onBegin', delay: 0 }, el('p:tn', { val: 2 })),
        )
      : cond('indefinite');
    return el(
      'p:par',
      {},
      el('p:cTn', { id: outerId, fill: 'hold' }, stCond, el('p:childTnLst', {}, subXml.join(''))),
    );
  });
  const seq = el(
    'p:seq',
    { concurrent: 1, nextAc: 'seek' },
    el('p:cTn', { id: 2, dur: 'indefinite', nodeType: 'mainSeq' }, el('p:childTnLst', {}, groups.join(''))),
    el('p:prevCondLst', {}, el('p:cond', { evt: 'onPrev', delay: 0 }, el('p:tgtEl', {}, el('p:sldTgt')))),
    el('p:nextCondLst', {}, el('p:cond', { evt: 'onNext', delay: 0 }, el('p:tgtEl', {}, el('p:sldTgt')))),
  );
  const textShapes = [...new Set(anims.map((a) => a.shapeId))].filter((sid) => {
    const s = slide.shapes.find((x) => x.id === sid);
    return s !== undefined && (s.kind === 'placeholder' || s.kind === 'textbox' || s.kind === 'shape');
  });
  return el(
    'p:timing',
    {},
    el(
      'p:tnLst',
      {},
      el(
        'p:par',
        {},
        el(
          'p:cTn',
          { id: 1, dur: 'indefinite', restart: 'never', nodeType: 'tmRoot' },
          el('p:childTnLst', {}, seq),
        ),
      ),
    ),
    textShapes.length > 0
      ? el('p:bldLst', {}, textShapes.map((sid) => el('p:bldP', { spid: sid, grpId: 0, animBg: 1 })).join(''))
      : '',
  );
}

export function slideXml(pres: Presentation, slide: Slide, imageRelId: string | null): string {
  const shapes = slide.shapes
    .map((s) => {
      switch (s.kind) {
        case 'table':
          return tableXml(s);
        case 'picture':
          return pictureXml(s, imageRelId ?? 'rId2');
        default:
          return textShapeXml(pres, slide, s);
      }
    })
    .join('');
  const bg = slide.background
    ? el('p:bg', {}, el('p:bgPr', {}, fillXml(slide.background), el('a:effectLst')))
    : '';
  return el(
    'p:sld',
    { ...PML_NAMESPACES, show: slide.hidden ? 0 : undefined },
    el('p:cSld', {}, bg, el('p:spTree', {}, GROUP_PROPS, shapes)),
    el('p:clrMapOvr', {}, el('a:masterClrMapping')),
    transitionXml(slide.transition),
    timingXml(slide),
  );
}

export function notesSlideXml(notes: string): string {
  const body = {
    paragraphs: notes.split('\n').map((line) => ({ runs: line ? [{ text: line }] : [], level: 0 })),
  };
  return el(
    'p:notes',
    PML_NAMESPACES,
    el(
      'p:cSld',
      {},
      el(
        'p:spTree',
        {},
        GROUP_PROPS,
        el(
          'p:sp',
          {},
          el(
            'p:nvSpPr',
            {},
            el('p:cNvPr', { id: 2, name: 'Slide Image Placeholder 1' }),
            el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1, noRot: 1, noChangeAspect: 1 })),
            el('p:nvPr', {}, el('p:ph', { type: 'sldImg' })),
          ),
          el('p:spPr'),
        ),
        el(
          'p:sp',
          {},
          el(
            'p:nvSpPr',
            {},
            el('p:cNvPr', { id: 3, name: 'Notes Placeholder 2' }),
            el('p:cNvSpPr', {}, el('a:spLocks', { noGrp: 1 })),
            el('p:nvPr', {}, el('p:ph', { type: 'body', idx: 1 })),
          ),
          el('p:spPr'),
          el('p:txBody', {}, el('a:bodyPr'), el('a:lstStyle'), paragraphsXml(body)),
        ),
      ),
    ),
    el('p:clrMapOvr', {}, el('a:masterClrMapping')),
  );
}
