/** WeChat content security (msgSecCheck v2) in production; a deterministic word list locally. */
export type ContentVerdict = { pass: true } | { pass: false; label: string };
export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>;
  /**
   * An uploaded image (by file id). Optional so a checker without image support stays valid; in
   * production WeChat's mediaCheckAsync answers later, so a synchronous verdict is only a first pass.
   */
  checkImage?(fileId: string, openid: string): Promise<ContentVerdict>;
}
