import { useCallback, useEffect, useRef, useState } from 'react';
import { callCloud, toCloudError } from '../../services/cloud';
import { errorCopy } from '../../services/error-copy';
import { getSpeaker, SpeechUnavailable, speechPieces } from './speech';

/** One notice to read: its title, and its text (loaded when its turn comes). */
export interface Listenable {
  id: string;
  title: string;
  text: () => Promise<string>;
}

export interface ReadAloud {
  /** The notice being read, or null when quiet. */
  current: Listenable | null;
  /** 1-based place of the current notice in the queue, and the queue's length. */
  position: { at: number; of: number } | null;
  error: string | null;
  play: (queue: Listenable[]) => void;
  stop: () => void;
}

/**
 * Reads notices aloud one after another (title, then text); a second 播放 while reading is
 * ignored, 停止 stops at once, leaving the page stops too.
 */
export function useReadAloud(): ReadAloud {
  const [current, setCurrent] = useState<Listenable | null>(null);
  const [position, setPosition] = useState<ReadAloud['position']>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  const stop = useCallback(() => {
    run.current += 1;
    getSpeaker().stop();
    setCurrent(null);
    setPosition(null);
  }, []);

  const play = useCallback((queue: Listenable[]) => {
    if (queue.length === 0) return;
    const mine = run.current + 1;
    run.current = mine;
    setError(null);
    void (async () => {
      try {
        for (const [i, item] of queue.entries()) {
          if (run.current !== mine) return;
          setCurrent(item);
          setPosition({ at: i + 1, of: queue.length });
          const text = await item.text();
          if (run.current !== mine) return;
          await getSpeaker().speak(speechPieces(`${item.title}。${text}`));
        }
      } catch (e) {
        if (run.current !== mine) return;
        setError(e instanceof SpeechUnavailable ? e.message : errorCopy(toCloudError(e)));
      }
      if (run.current === mine) {
        setCurrent(null);
        setPosition(null);
      }
    })();
  }, []);

  useEffect(
    () => () => {
      run.current += 1;
      getSpeaker().stop();
    },
    [],
  );

  return { current, position, error, play, stop };
}

/** The feed's urgent notices, in the feed's order, each opened (and so marked read) when its turn comes. */
export function urgentQueue(items: readonly { _id: string; title: string; category: string }[]): Listenable[] {
  return items
    .filter((i) => i.category === 'urgent')
    .map((i) => ({
      id: i._id,
      title: i.title,
      text: async () => (await callCloud('notices', 'open', { noticeId: i._id })).notice.body,
    }));
}
