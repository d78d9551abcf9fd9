// Small generated photos for the demo (PNG, 240×180, a few kilobytes): a street scene drawn from a seed, "before"
// with litter, stains or a broken sign, "after" the same scene cleaned up. Deterministic, so a seed gives the same
// bytes (and the same SHA-256) every time; no image library needed.
import zlib from 'node:zlib';

const W = 240;
const H = 180;

type Rgb = [number, number, number];

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGB pixels as a PNG file. */
export function encodePng(width: number, height: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** mulberry32 over a string seed. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Canvas {
  readonly px = new Uint8Array(W * H * 3);
  set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const i = (Math.floor(y) * W + Math.floor(x)) * 3;
    this.px[i] = c[0];
    this.px[i + 1] = c[1];
    this.px[i + 2] = c[2];
  }
  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    for (let j = Math.max(0, y); j < Math.min(H, y + h); j++)
      for (let i = Math.max(0, x); i < Math.min(W, x + w); i++) this.set(i, j, c);
  }
  blob(cx: number, cy: number, r: number, c: Rgb) {
    for (let j = -r; j <= r; j++)
      for (let i = -r; i <= r; i++) if (i * i + j * j * 2 <= r * r) this.set(cx + i, cy + j, c);
  }
}

export type DemoPhotoKind = 'litter' | 'ads' | 'parking' | 'clutter' | 'stall' | 'facility';

const kinds: DemoPhotoKind[] = ['litter', 'ads', 'parking', 'clutter', 'stall', 'facility'];

/** The kind of scene that fits a finding's text (垃圾 → litter, 广告 → ads …). */
export function photoKindOf(text: string): DemoPhotoKind {
  if (/广告|宣传|标语|画面/.test(text)) return 'ads';
  if (/停放|车辆|盲道|停车/.test(text)) return 'parking';
  if (/杂物|楼道|堆放/.test(text)) return 'clutter';
  if (/摊|经营|占道/.test(text)) return 'stall';
  if (/设施|路灯|井盖|护栏|损坏/.test(text)) return 'facility';
  return kinds[0];
}

/** A demo photo: the scene of `seed`, with the problem of `kind` when `state` is before, cleaned up after. */
export function demoPhoto(seed: string, kind: DemoPhotoKind, state: 'before' | 'after'): Buffer {
  const rnd = random(seed);
  const c = new Canvas();
  for (let y = 0; y < 80; y++) c.rect(0, y, W, 1, [150 + y, 190 + Math.floor(y / 2), 235]); // sky
  c.rect(0, 80, W, 20, [90, 140, 80]); // hedge
  const wall: Rgb = [200 + Math.floor(rnd() * 30), 190, 170];
  c.rect(20, 30, 200, 70, wall); // building
  for (let i = 0; i < 6; i++) c.rect(32 + i * 31, 45, 18, 22, [90, 120, 150]); // windows
  c.rect(0, 100, W, 80, [120, 120, 118]); // pavement
  c.rect(0, 140, W, 6, [230, 200, 60]); // tactile paving
  const dirty = state === 'before';
  if (kind === 'litter' && dirty)
    for (let i = 0; i < 14; i++) c.blob(10 + rnd() * 220, 110 + rnd() * 65, 2 + Math.floor(rnd() * 4), [80, 60, 40]);
  if (kind === 'ads') {
    const faded: Rgb = dirty ? [205, 160, 150] : [200, 30, 40];
    c.rect(70, 104, 100, 30, faded);
    if (dirty) for (let i = 0; i < 8; i++) c.rect(70 + rnd() * 95, 104 + rnd() * 25, 6, 4, [120, 120, 118]);
  }
  if (kind === 'parking') {
    const n = dirty ? 5 : 3;
    for (let i = 0; i < n; i++) {
      const x = dirty ? 15 + rnd() * 200 : 20 + i * 22;
      const y = dirty ? 125 + rnd() * 20 : 104;
      c.rect(x, y, 16, 8, [40 + i * 30, 80, 160]);
    }
  }
  if (kind === 'clutter' && dirty)
    for (let i = 0; i < 6; i++)
      c.rect(30 + rnd() * 170, 105 + rnd() * 50, 14 + rnd() * 16, 10 + rnd() * 12, [150, 110, 70]);
  if (kind === 'stall') c.rect(dirty ? 90 : 180, dirty ? 130 : 104, 50, 22, [210, 120, 40]);
  if (kind === 'facility') {
    c.rect(200, 60, 4, 80, [70, 70, 70]); // lamp post
    c.blob(202, 58, 6, dirty ? [60, 60, 60] : [255, 240, 150]);
    c.blob(120, 160, 9, dirty ? [20, 20, 20] : [90, 90, 90]); // manhole
  }
  return encodePng(W, H, c.px);
}

/** The finding notes of the demo, each fitting the kind of standard it is written under. */
const notesByTopic: [RegExp, string[]][] = [
  [/卫生|清扫|垃圾|保洁|环境/, ['地面有烟头、纸屑等垃圾，未及时清扫', '垃圾桶满溢，周边有散落垃圾']],
  [/广告|宣传|标语|公益/, ['公益广告画面褪色破损，未及时更换', '宣传栏内容过期，未按要求更新']],
  [/停放|车辆|交通|通行/, ['非机动车停放杂乱，占用盲道', '机动车占用人行道停放']],
  [/摊|经营|市场|秩序/, ['摊位超出划定区域经营', '店外占道经营，影响行人通行']],
  [/设施|器材|路灯|护栏|井盖/, ['路灯损坏未及时修复', '健身器材破损，存在安全隐患']],
  [/楼道|杂物|小区|物业/, ['楼道内堆放杂物，影响通行', '小区公共区域私搭乱建']],
];

/** A finding note that fits the standard it cites: its topic's words, or the standard's own wording. */
export function findingNoteFor(standard: { name: string; path: string[] }, k: number): string {
  const text = `${standard.path.join(' ')} ${standard.name}`;
  for (const [topic, notes] of notesByTopic) if (topic.test(text)) return notes[k % notes.length];
  return `未达到“${standard.name.slice(0, 40)}”的要求`;
}
