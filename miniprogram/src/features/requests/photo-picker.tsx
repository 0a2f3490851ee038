import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_PHOTOS } from '@linli/shared';
import { FormError } from '../../components/states';
import { toCloudError, type CloudError } from '../../services/cloud';
import { gatedCall } from '../../services/platform-call';
import { uploadPhoto } from './files';
import { PhotoGrid } from './photo-grid';

/** Picks and uploads up to 9 photos; each is stored as soon as it is picked, so submitting only sends ids. */
export function PhotoPicker({
  photos,
  onChange,
  max = MAX_PHOTOS,
}: {
  photos: string[];
  onChange: (photos: string[]) => void;
  max?: number;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);
  const pick = async () => {
    if (busy) return;
    setError(null);
    // cancelled: nothing; refused (privacy guide, camera permission): told why, with what helps
    const res = await gatedCall('相册', () =>
      Taro.chooseMedia({
        count: max - photos.length,
        mediaType: ['image'],
        // the browser build has no camera choice sheet worth a tap
        sourceType: process.env.TARO_ENV === 'h5' ? ['album'] : ['album', 'camera'],
        sizeType: ['compressed'],
      }),
    );
    if (!res) return;
    const picked = res.tempFiles;
    setBusy(true);
    const added: string[] = [];
    try {
      for (const f of picked) added.push(await uploadPhoto(f.tempFilePath, f.size));
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      setBusy(false);
      if (added.length) onChange([...photos, ...added].slice(0, max));
    }
  };
  return (
    <View id="photo-picker">
      <PhotoGrid photos={photos} onRemove={(i) => onChange(photos.filter((_, k) => k !== i))}>
        {photos.length < max ? (
          <View className="photo-add" id="btn-add-photo" onClick={() => void pick()}>
            <Text>{busy ? '正在上传…' : '＋ 拍照或选照片'}</Text>
          </View>
        ) : null}
      </PhotoGrid>
      <Text className="field-hint block">最多 {max} 张，每张不超过 5 MB（JPG、PNG）。</Text>
      <FormError error={error} id="photo-error" />
    </View>
  );
}
