/**
 * Sends a WeChat subscribe message (订阅消息) to one person. In production this is
 * subscribeMessage.send by cloud call; locally it lands in a dev inbox the local host shows (GET /dev/inbox?openid=).
 */
export interface NotifyMessage {
  toOpenid: string;
  template: string;
  page: string;
  data: Record<string, string>;
}
/**
 * 'no-grant': WeChat answered 43101, the person has no one-time subscription left for the template.
 * 'rate-limited': WeChat asked us to slow down (system busy, minute quota); nothing was sent and the
 * same message may be tried again shortly. 'failed': refused or unreachable; retry later with backoff.
 */
export type NotifyOutcome = 'sent' | 'no-grant' | 'rate-limited' | 'failed';
export interface Notifier {
  send(message: NotifyMessage): Promise<NotifyOutcome>;
}
