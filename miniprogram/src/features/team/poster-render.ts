import Taro from '@tarojs/taro';
import qrcode from 'qrcode-generator';
import { formatShanghai, type Poster } from '@linli/shared';
import { pageUrl } from '../../services/routes';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterCode, type PosterContext } from './poster-draw';

/** The canvas the poster is drawn on in WeChat (Canvas type="2d", kept off screen on the page). */
export const POSTER_CANVAS_ID = 'poster-canvas';

/** The H5 link that opens a compound's card: what the browser build's QR code holds. */
export function cardLink(compoundId: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${pageUrl('card', { compoundId })}`;
}

/** The modules of a QR code (byte mode, level M). */
function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

const generatedOn = (poster: Poster) => formatShanghai(poster.generatedAt, 'YYYY-MM-DD');

/**
 * The browser: a canvas element off the page, the QR code of the card's H5 link (or WeChat's code
 * when the answer carries one), answered as a PNG data URL to show and download.
 */
async function renderInBrowser(poster: Poster): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas 2d context');
  let code: PosterCode = { kind: 'modules', modules: qrModules(cardLink(poster.compound._id)) };
  if (poster.miniCode) {
    const image = new Image();
    image.crossOrigin = 'anonymous';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('mini-program code did not load'));
      image.src = poster.miniCode!.url;
    });
    code = { kind: 'image', image };
  }
  drawPoster(ctx as unknown as PosterContext, poster, code, generatedOn(poster));
  return canvas.toDataURL('image/png');
}

interface WxCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): PosterContext;
  createImage(): { onload: () => void; onerror: (e: unknown) => void; src: string };
}

/**
 * WeChat: the page's Canvas 2D node, WeChat's mini-program code fetched from cloud storage
 * (cloud.downloadFile needs no domain list), drawn, then written to a temporary PNG file
 * (canvasToTempFilePath) for saveImageToPhotosAlbum and showShareImageMenu.
 */
async function renderInWeapp(poster: Poster): Promise<string> {
  const node = await new Promise<WxCanvas>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: WxCanvas }[]) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('poster canvas not found'))));
  });
  node.width = POSTER_WIDTH;
  node.height = POSTER_HEIGHT;
  const ctx = node.getContext('2d');
  if (!poster.miniCode) throw new Error('no mini-program code in the answer');
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: poster.miniCode.fileId });
  const image = node.createImage();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = reject;
    image.src = tempFilePath;
  });
  drawPoster(ctx, poster, { kind: 'image', image }, generatedOn(poster));
  const file = await Taro.canvasToTempFilePath({
    canvas: node as never,
    fileType: 'png',
    destWidth: POSTER_WIDTH,
    destHeight: POSTER_HEIGHT,
  } as Taro.canvasToTempFilePath.Option);
  return file.tempFilePath;
}

/** The poster as an image: a data URL in the browser, a temporary file path in WeChat. */
export const renderPoster = (poster: Poster): Promise<string> =>
  process.env.TARO_ENV === 'weapp' ? renderInWeapp(poster) : renderInBrowser(poster);

/** Keeps the image: in WeChat to the album (printed from there), in the browser as a PNG download. */
export async function keepPoster(image: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    await Taro.saveImageToPhotosAlbum({ filePath: image });
    return;
  }
  const a = document.createElement('a');
  a.href = image;
  a.download = `${name}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** WeChat only: the image's share menu (send to a chat, e.g. the printing shop or the 楼栋长). */
export function sharePoster(image: string): Promise<unknown> {
  return Taro.showShareImageMenu({ path: image });
}
