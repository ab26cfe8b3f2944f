// Text typed into a search box, settled: it changes a moment after the last key, and never
// while an input method (Telex, VNI through Unikey or EVKey) is still composing a word — one
// search for "Kế hoạch", not one per composition step.
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

export function useSettledText(initial = '', delay = 250) {
  const [text, setText] = useState(initial);
  const [settled, setSettled] = useState(initial);
  const [composing, setComposing] = useState(false);
  const composingNow = useRef(false);
  /** Sets both at once (a cleared box, a query brought from elsewhere). */
  const reset = useCallback((value: string) => {
    setText(value);
    setSettled(value);
  }, []);

  useEffect(() => {
    if (composing) return;
    const t = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(t);
  }, [text, composing, delay]);

  return {
    text,
    settled,
    /** The text as typed (a control that reports its value rather than an event). */
    set: setText,
    reset,
    /** Whether a composition is under way right now (for key handlers). */
    isComposing: () => composingNow.current,
    inputProps: {
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(e.target.value),
      onCompositionStart: () => {
        composingNow.current = true;
        setComposing(true);
      },
      onCompositionEnd: (e: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        composingNow.current = false;
        setComposing(false);
        setText((e.target as HTMLInputElement).value);
      },
    },
  };
}
