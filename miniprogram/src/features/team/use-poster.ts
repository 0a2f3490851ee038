import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Poster } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { keepPoster, renderPoster, sharePoster } from './poster-render';

/** WeChat's answer when the person refused the album (or had refused it before). */
const refusedAlbum = (e: unknown) => /auth deny|auth denied|authorize no response/i.test(String((e as { errMsg?: string })?.errMsg ?? ''));

/**
 * The poster page: choose the whole compound or one building, generate (the function answers the
 * content and records it against the team), draw it, then keep it (album / PNG) or share it.
 */
export function usePoster(compoundId: string, initialBuildingId: string | null) {
  const buildings = useAsync(() => callCloud('places', 'listChildren', { parentId: compoundId }), [compoundId]);
  const [buildingId, setBuildingId] = useState<string | null>(initialBuildingId);
  const [made, setMade] = useState<{ poster: Poster; image: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const guard = useGuarded<'generate' | 'keep' | 'share'>();

  const choose = (id: string | null) => {
    if (guard.isRunning()) return;
    setBuildingId(id);
    setMade(null);
    setNote(null);
  };

  const generate = () =>
    guard.run(async () => {
      setNote(null);
      const poster = await callCloud('team', 'poster', { compoundId, ...(buildingId ? { buildingId } : {}) });
      const image = await renderPoster(poster);
      setMade({ poster, image });
    }, 'generate');

  const keep = () =>
    guard.run(async () => {
      if (!made) return;
      try {
        await keepPoster(made.image, `服务联系卡-${made.poster.title.replace(/\s+/g, '-')}`);
        setNote(process.env.TARO_ENV === 'weapp' ? '已存到手机相册，可以拿去打印（A4 纵向）。' : '已下载 PNG 图片，用 A4 纵向打印即可。');
      } catch (e) {
        if (!refusedAlbum(e)) throw e;
        setNote('没有保存：需要允许“保存到相册”。请点右上角“…” → 设置，打开“添加到相册”后再试。');
        void Taro.openSetting?.();
      }
    }, 'keep');

  const share = () =>
    guard.run(async () => {
      if (made) await sharePoster(made.image);
    }, 'share');

  return { buildings, buildingId, choose, made, note, generate, keep, share, busy: guard.busy, error: guard.error };
}
