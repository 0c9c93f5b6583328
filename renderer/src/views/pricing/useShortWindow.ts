// A laptop's 1366×768 screen (common in government offices), less the taskbar, left room for four or five
// rows of the 测算 grid below the toolbar and totals: there its rows are made two lines tall, not three.
import { useEffect, useState } from 'react';

/** The height, in CSS pixels, below which the window counts as short (styles.css has the same figure). */
const SHORT_QUERY = '(max-height: 860px)';

export function useShortWindow(): boolean {
  const [short, setShort] = useState(() => window.matchMedia(SHORT_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(SHORT_QUERY);
    const changed = () => setShort(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return short;
}
