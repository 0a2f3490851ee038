import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { AttachmentLink, NoticeView } from '@linli/shared';

/** Where an attachment can be shown from: a cloud file id works directly in WeChat, the local host needs its link. */
const source = (a: AttachmentLink) => (process.env.TARO_ENV === 'h5' ? (a.url ?? '') : a.fileId);

async function openPdf(a: AttachmentLink): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    if (a.url) window.open(a.url, '_blank');
    return;
  }
  try {
    void Taro.showLoading({ title: '正在打开…' });
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: a.fileId });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
  } catch {
    void Taro.showToast({ title: '文件打不开，请稍后再试', icon: 'none' });
  } finally {
    void Taro.hideLoading();
  }
}

/** Images to look at (tap to enlarge) and PDFs to open. */
export function AttachmentList({ links }: { links: readonly AttachmentLink[] }) {
  if (links.length === 0) return null;
  const images = links.filter((a) => a.kind === 'image');
  const pdfs = links.filter((a) => a.kind === 'pdf');
  return (
    <View id="notice-attachments" className="notice-attachments">
      {images.map((a) => (
        <View key={a.fileId} className="notice-image-box">
          <Image
            className="notice-image"
            mode="widthFix"
            src={source(a)}
            onClick={() => void Taro.previewImage({ urls: images.map(source), current: source(a) })}
          />
          {a.pending ? <Text className="notice-image-pending">审核中：微信图片检查通过后居民才能看到这张图</Text> : null}
        </View>
      ))}
      {pdfs.map((a) => (
        <View key={a.fileId} className="tap-row notice-pdf" onClick={() => void openPdf(a)}>
          <View className="tap-row-main">
            <Text className="tap-row-title">📄 {a.name}</Text>
            <Text className="tap-row-sub">点一下打开 PDF 文件</Text>
          </View>
          <Text className="tap-row-arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * For the publisher: what the image check has done to the notice's images so far (pending ones
 * are not yet shown to residents; failed ones were taken out).
 */
export function NoticeImageStatus({ notice }: { notice: Pick<NoticeView, 'attachments' | 'imagesRemoved'> }) {
  const pending = notice.attachments.filter((a) => a.pending).length;
  if (!pending && !notice.imagesRemoved) return null;
  return (
    <View id="notice-image-status" className="card">
      {pending ? (
        <Text className="block">有 {pending} 张图片正在接受微信的内容安全检查，通过后居民就能看到，一般几分钟内完成。</Text>
      ) : null}
      {notice.imagesRemoved ? (
        <Text className="block notice-image-removed">
          有 {notice.imagesRemoved} 张图片没有通过内容安全检查，已从通知中删除。文字内容不受影响。
        </Text>
      ) : null}
    </View>
  );
}
