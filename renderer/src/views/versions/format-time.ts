import { DOCUMENT_TIME_ZONE } from '../../../../shared/domain/versions';

const FORMAT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: DOCUMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-01 14:05": an ISO time as a planner reads it, in Beijing time like the documents' dates. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) => FORMAT.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: DOCUMENT_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** "14:05:09": when a save was made, in the same Beijing time as the history and the versions list. */
export function formatClock(at: Date): string {
  return CLOCK.format(at);
}
