// Charts drawn on the server: ECharts renders SVG (no DOM, no canvas); resvg turns it into PNG where a format needs
// pixels (Word's SVG fallback, PDF). Text uses the Noto CJK font, so Chinese renders the same everywhere.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import * as echarts from 'echarts';

export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';
const PALETTE = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a'];

/** Render any ECharts option to an SVG string of the given size (animation off, CJK font). */
export function renderChartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null as never, null as never, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CJK_FONT_FAMILY },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal ranking bars, best first from the top. */
export function renderRankingBars(
  title: string,
  rows: { name: string; value: number }[],
  size = { width: 800, height: Math.max(260, 60 + rows.length * 22) },
): string {
  const ordered = [...rows].reverse();
  return renderChartSvg(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      grid: { left: 140, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { fontSize: 12 } },
      series: [
        {
          type: 'bar',
          data: ordered.map((r) => r.value),
          label: { show: true, position: 'right', fontSize: 11 },
          itemStyle: { color: '#c23531' },
        },
      ],
    },
    size.width,
    size.height,
  );
}

/** Trend lines over periods; null values leave a gap. */
export function renderTrendLines(
  title: string,
  periods: string[],
  series: { name: string; values: (number | null)[] }[],
  size = { width: 800, height: 320 },
): string {
  return renderChartSvg(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
      legend: { bottom: 0, type: 'plain', textStyle: { fontSize: 11 } },
      grid: { left: 50, right: 30, top: 45, bottom: series.length > 4 ? 70 : 50 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', scale: true },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
    },
    size.width,
    size.height,
  );
}

let ready: Promise<Uint8Array> | null = null;
function loadResvg(): Promise<Uint8Array> {
  ready ??= (async () => {
    const wasm = fs.readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'));
    await initWasm(wasm);
    return new Uint8Array(fs.readFileSync(CJK_FONT_PATH));
  })();
  return ready;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(type)) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An opaque RGB PNG of RGBA pixels over white. PDF writers embed such a PNG's data as it is, while an RGBA one
 * must be decoded and split into colour and mask in JavaScript (seconds for a chart).
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    let o = y * (width * 3 + 1) + 1; // filter byte 0 (none) before each row
    for (let x = 0, i = y * width * 4; x < width; x++, i += 4) {
      const a = rgba[i + 3] / 255;
      raw[o++] = Math.round(rgba[i] * a + 255 * (1 - a));
      raw[o++] = Math.round(rgba[i + 1] * a + 255 * (1 - a));
      raw[o++] = Math.round(rgba[i + 2] * a + 255 * (1 - a));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Opaque PNG bytes of an SVG, at `scale` times its own size, with the CJK font for text. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const font = await loadResvg();
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: CJK_FONT_FAMILY, loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
  });
  const image = resvg.render();
  try {
    return encodeOpaquePng(image.pixels, image.width, image.height);
  } finally {
    image.free();
    resvg.free();
  }
}

/** Width and height of an SVG from its root attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const w = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)/.exec(svg);
  const h = /<svg[^>]*\sheight="(\d+(?:\.\d+)?)/.exec(svg);
  return { width: Number(w?.[1] ?? 800), height: Number(h?.[1] ?? 400) };
}
