import { createRequire } from 'node:module';
import type { Resvg } from '@resvg/resvg-js';

/** The renderer is loaded on the first chart: a server that draws none does not pay for it. */
let resvg: typeof Resvg | undefined;
let chinese: boolean | undefined;

const load = createRequire(import.meta.url);

function renderer(): typeof Resvg {
  resvg ??= (load('@resvg/resvg-js') as { Resvg: typeof Resvg }).Resvg;
  return resvg;
}

/** An SVG rendered to PNG with the machine's fonts (resvg falls back to any font that has a glyph). */
export function svgToPng(svg: string): Buffer {
  const Renderer = renderer();
  return new Renderer(svg, { font: { loadSystemFonts: true }, background: '#fff' }).render().asPng();
}

/**
 * Whether this machine has a font with Chinese glyphs: "中" must not come out as the glyph drawn
 * for a character no font has (U+E000, private use). Without one, Chinese text would be boxes,
 * so charts are labelled in pinyin instead.
 */
export function canDrawChinese(): boolean {
  if (chinese === undefined) {
    const Renderer = renderer();
    const draw = (char: string) =>
      new Renderer(`<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><text x="2" y="26" font-size="26" fill="#000">${char}</text></svg>`, {
        font: { loadSystemFonts: true },
      }).render().pixels;
    chinese = !draw('中').equals(draw('\uE000'));
  }
  return chinese;
}
