import { Text } from '@tarojs/components';
import type { RequestDetail } from '@linli/shared';
import { Section } from '../../components/section';
import { PhotoGrid } from './photo-grid';

/** 办理结果: the handler's result and its photos, as residents and staff both see it. */
export function ResultSection({ r }: { r: RequestDetail }) {
  if (!r.result) return null;
  return (
    <Section id="result" title="办理结果">
      <Text className="block">{r.result}</Text>
      {r.resultPhotos.length ? <PhotoGrid photos={r.resultPhotos} pending={r.pendingPhotos} /> : null}
    </Section>
  );
}
