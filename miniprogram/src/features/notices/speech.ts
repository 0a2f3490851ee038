import Taro from '@tarojs/taro';

/**
 * Text to speech, the documented way on each platform:
 * - WeChat: the official 同声传译 plugin (WechatSI, declared in app.config.ts `plugins`):
 *   `textToSpeech({ lang: 'zh_CN', tts: true, content })` answers an audio file that an
 *   InnerAudioContext plays. The plugin takes a limited length per call, so text goes in pieces.
 * - Browser: the Web Speech API (`speechSynthesis` with a zh-CN utterance per piece).
 */
export const PIECE_CHARS = 120;

/** Splits text into pieces of at most `max` characters, at sentence ends where it can. */
export function speechPieces(text: string, max = PIECE_CHARS): string[] {
  const sentences = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[。！？；!?;\n])/)
    .map((s) => s.trim())
    .filter(Boolean);
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i += max) {
      const part = sentence.slice(i, i + max);
      if (current.length + part.length > max) {
        if (current) pieces.push(current);
        current = part;
      } else current += part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

export interface Speaker {
  /** Speaks the pieces in order; resolves when the last has been spoken, rejects with words a person can act on. */
  speak(pieces: string[]): Promise<void>;
  stop(): void;
}

export class SpeechUnavailable extends Error {}

interface WechatSI {
  textToSpeech(options: {
    lang: 'zh_CN';
    tts: boolean;
    content: string;
    success: (res: { retcode: number; filename: string }) => void;
    fail: (res: { retcode?: number; msg?: string }) => void;
  }): void;
}

function weappSpeaker(): Speaker {
  let audio: Taro.InnerAudioContext | null = null;
  let stopped = false;
  const toFile = (content: string) =>
    new Promise<string>((resolve, reject) => {
      const plugin = requirePlugin('WechatSI') as WechatSI;
      plugin.textToSpeech({
        lang: 'zh_CN',
        tts: true,
        content,
        success: (res) =>
          res.retcode === 0 && res.filename ? resolve(res.filename) : reject(new SpeechUnavailable('语音暂时生成不了，请稍后再试。')),
        fail: () => reject(new SpeechUnavailable('语音暂时生成不了，请检查网络后再试。')),
      });
    });
  const play = (src: string) =>
    new Promise<void>((resolve, reject) => {
      audio?.destroy();
      const ctx = Taro.createInnerAudioContext();
      audio = ctx;
      ctx.src = src;
      ctx.onEnded(() => resolve());
      ctx.onStop(() => resolve());
      ctx.onError(() => reject(new SpeechUnavailable('播放失败，请把手机音量调大后再试。')));
      ctx.play();
    });
  return {
    async speak(pieces) {
      stopped = false;
      // the next piece is made while this one plays
      let next = pieces[0] ? toFile(pieces[0]) : null;
      for (let i = 0; i < pieces.length && next && !stopped; i++) {
        const file = await next;
        next = pieces[i + 1] ? toFile(pieces[i + 1]!) : null;
        if (stopped) break;
        await play(file);
      }
    },
    stop() {
      stopped = true;
      audio?.stop();
      audio?.destroy();
      audio = null;
    },
  };
}

function browserSpeaker(): Speaker {
  let stopped = false;
  return {
    async speak(pieces) {
      const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined')
        throw new SpeechUnavailable('这个浏览器不能朗读。请在微信里打开，或换用手机自带的浏览器。');
      stopped = false;
      synth.cancel();
      for (const piece of pieces) {
        if (stopped) break;
        await new Promise<void>((resolve, reject) => {
          const u = new SpeechSynthesisUtterance(piece);
          u.lang = 'zh-CN';
          u.rate = 0.9;
          u.onend = () => resolve();
          u.onerror = (e) =>
            e.error === 'interrupted' || e.error === 'canceled'
              ? resolve()
              : reject(new SpeechUnavailable('朗读中断了，请再点一次“朗读”。'));
          synth.speak(u);
        });
      }
    },
    stop() {
      stopped = true;
      if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
    },
  };
}

let speaker: Speaker | null = null;
export function getSpeaker(): Speaker {
  speaker ??= process.env.TARO_ENV === 'weapp' ? weappSpeaker() : browserSpeaker();
  return speaker;
}
