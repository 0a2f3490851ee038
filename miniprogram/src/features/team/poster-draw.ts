import type { Poster } from '@linli/shared';

/**
 * The poster drawn on a canvas 2D context, the same code in WeChat (Canvas type="2d") and in the
 * browser: A4 portrait at 150 dpi (1240 × 1754 px), black on white with a red head, large enough to
 * read from a step back at a building's door.
 */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;

/** What of CanvasRenderingContext2D the poster uses (WeChat's Canvas 2D context has all of it). */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

/** The code at the bottom: WeChat's mini-program code as an image, or the modules of a QR code. */
export type PosterCode = { kind: 'image'; image: unknown } | { kind: 'modules'; modules: boolean[][] };

const FONT =
  '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';
const RED = '#b3121f';
const INK = '#111111';
const GREY = '#444444';
const M = 72; // page margin

const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`;

/** Cuts text to fit `width`, with an ellipsis. */
function fit(ctx: PosterContext, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && ctx.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
}

function text(
  ctx: PosterContext,
  s: string,
  x: number,
  y: number,
  size: number,
  opts: { bold?: boolean; color?: string; max?: number; align?: CanvasTextAlign } = {},
) {
  ctx.font = font(size, opts.bold);
  ctx.fillStyle = opts.color ?? INK;
  ctx.textAlign = opts.align ?? 'left';
  ctx.fillText(opts.max ? fit(ctx, s, opts.max) : s, x, y);
}

/** A person's line: name, phone (large: it is what people dial), then duty hours and what they are. */
function personLine(ctx: PosterContext, p: Poster['groups'][number]['members'][number], x: number, y: number, width: number, size: number) {
  text(ctx, p.name, x, y, size, { bold: true, max: size * 5 });
  text(ctx, p.phone, x + size * 5.2, y, size, { bold: true, max: size * 7 });
  // duty hours first: when to call matters more than what they are
  const note = [p.checkpoint, p.dutyHours, p.title].filter(Boolean).join(' · ');
  const noteX = x + size * 12.2;
  text(ctx, note, noteX, y, Math.round(size * 0.72), { color: GREY, max: x + width - noteX });
}

/** Draws the whole poster; `generatedOn` is the date printed at the foot (Shanghai, YYYY-MM-DD). */
export function drawPoster(ctx: PosterContext, poster: Poster, code: PosterCode, generatedOn: string): void {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const inner = W - M * 2;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);

  // head: what it is, and where
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, W, 250);
  text(ctx, '三长五员 服务联系卡', W / 2, 92, 72, { bold: true, color: '#ffffff', align: 'center' });
  text(ctx, poster.title, W / 2, 186, 52, { bold: true, color: '#ffffff', align: 'center', max: inner });
  let y = 290;
  text(ctx, `${poster.compound.communityName}\u3000${poster.compound.address ?? poster.compound.fullName}`, W / 2, y, 30, {
    color: GREY,
    align: 'center',
    max: inner,
  });
  y += 46;

  // a building: its 楼栋长 and each unit's 单元长 first
  if (poster.building) {
    const b = poster.building;
    const rows = [{ label: `${b.name}楼栋长`, head: b.head }, ...b.units.map((u) => ({ label: `${u.unitName}单元长`, head: u.head }))];
    const boxH = 40 + rows.length * 64;
    ctx.strokeStyle = RED;
    ctx.lineWidth = 4;
    ctx.strokeRect(M, y, inner, boxH);
    rows.forEach((r, i) => {
      const ry = y + 52 + i * 64;
      text(ctx, r.label, M + 28, ry, 36, { bold: true, color: RED, max: 300 });
      if (r.head) {
        text(ctx, r.head.name, M + 340, ry, 40, { bold: true, max: 200 });
        text(ctx, r.head.phone, M + 560, ry, 40, { bold: true });
      } else text(ctx, '暂未设置，请联系小区点长', M + 340, ry, 32, { color: GREY });
    });
    y += boxH + 30;
  }

  // the team, in the card's order; rows shrink to fit the page above the foot
  const footTop = H - 420;
  const lines = poster.groups.reduce((n, g) => n + g.members.length, 0);
  const room = footTop - y - 20;
  const size = Math.max(24, Math.min(40, Math.floor(room / (lines * 1.45 + poster.groups.length * 0.5))));
  const rowH = Math.round(size * 1.45);
  const labelW = Math.round(size * 6.8);
  for (const g of poster.groups) {
    text(ctx, g.label, M, y + rowH / 2, Math.round(size * 0.8), { bold: true, color: RED, max: labelW - 16 });
    for (const p of g.members) {
      personLine(ctx, p, M + labelW, y + rowH / 2, inner - labelW, size);
      y += rowH;
    }
    y += Math.round(size * 0.5);
    ctx.fillStyle = '#cccccc';
    ctx.fillRect(M, y - Math.round(size * 0.25) - 1, inner, 2);
  }
  if (poster.groups.length === 0) text(ctx, '三长五员尚未录入，请联系社区', W / 2, y + 60, 40, { color: GREY, align: 'center' });

  // foot: the hall on the left, the code on the right
  const codeSize = 280;
  const codeX = W - M - codeSize;
  const codeY = footTop + 20;
  ctx.fillStyle = RED;
  ctx.fillRect(M, footTop, inner, 6);
  let fy = footTop + 70;
  text(ctx, '社区党群服务中心', M, fy, 40, { bold: true, color: RED });
  fy += 64;
  if (poster.hall) {
    const w = codeX - M - 40;
    text(ctx, poster.hall.location, M, fy, 30, { max: w });
    fy += 52;
    text(ctx, `办公时间：${poster.hall.hours}`, M, fy, 30, { max: w });
    fy += 52;
    text(ctx, `电话：${poster.hall.phone}`, M, fy, 34, { bold: true, max: w });
  } else text(ctx, '办公时间请咨询社区', M, fy, 30, { color: GREY });
  text(
    ctx,
    code.kind === 'image' ? '微信扫码，打开本小区联系卡' : '扫码打开本小区联系卡',
    codeX + codeSize / 2,
    codeY + codeSize + 30,
    26,
    {
      color: GREY,
      align: 'center',
    },
  );
  if (code.kind === 'image') ctx.drawImage(code.image as never, codeX, codeY, codeSize, codeSize);
  else drawModules(ctx, code.modules, codeX, codeY, codeSize);

  text(ctx, `生成于 ${generatedOn}\u3000人员有变动时请重新生成并张贴`, W / 2, H - 36, 24, { color: GREY, align: 'center' });
}

/** A QR code's modules with a 4-module quiet zone, whole pixels per module so it scans crisply. */
function drawModules(ctx: PosterContext, modules: boolean[][], x: number, y: number, size: number) {
  const n = modules.length + 8;
  const cell = Math.floor(size / n);
  const offset = Math.floor((size - cell * n) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000000';
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect(x + offset + (c + 4) * cell, y + offset + (r + 4) * cell, cell, cell);
    }),
  );
}
