/** WeChat content security (msgSecCheck v2, mediaCheckAsync) in production; a deterministic word list locally. */
export type ContentVerdict = { pass: true } | { pass: false; label: string };

/**
 * An image's verdict. WeChat's mediaCheckAsync answers later, by a `wxa_media_check` message push
 * carrying the trace id, so production answers `pending`. `traceId: null` means the check could not
 * be sent (the call failed): the photo is held like any pending one, and its media_checks row is
 * marked `unsent` so it can be sent again; it never makes the resident's request fail.
 */
export type ImageVerdict = ContentVerdict | { pending: true; traceId: string | null };

export const isPending = (v: ImageVerdict): v is { pending: true; traceId: string | null } => 'pending' in v;

export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>;
  /** An uploaded image (by file id): an immediate verdict, or pending until WeChat's push. */
  checkImage(fileId: string, openid: string): Promise<ImageVerdict>;
}
