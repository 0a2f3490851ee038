import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { fileUrl } from './files';
import './requests.css';

/**
 * Photos as thumbnails; a tap shows them full size. `onRemove` adds a 删除 corner for a form;
 * photos listed in `pending` (still in the image check, seen only by whoever attached them) are marked 审核中.
 */
export function PhotoGrid({
  photos,
  pending,
  onRemove,
  children,
}: {
  photos: readonly string[];
  pending?: readonly string[] | undefined;
  onRemove?: (index: number) => void;
  children?: React.ReactNode;
}) {
  const urls = photos.map(fileUrl);
  return (
    <View className="photo-grid">
      {urls.map((url, i) => (
        <View key={`${photos[i]}-${i}`} className="photo-cell">
          <Image
            className="photo-img"
            src={url}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls, current: url }).catch(() => undefined)}
          />
          {pending?.includes(photos[i]!) ? <Text className="photo-pending">审核中</Text> : null}
          {onRemove ? (
            <Text className="photo-remove" onClick={() => onRemove(i)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      {children}
    </View>
  );
}
