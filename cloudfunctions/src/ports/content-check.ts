/** WeChat content security (msgSecCheck v2) in production; a deterministic word list locally. */
export type ContentVerdict = { pass: true } | { pass: false; label: string };
export interface ContentCheck {
  checkText(text: string, openid: string): Promise<ContentVerdict>;
}
