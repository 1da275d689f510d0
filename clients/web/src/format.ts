/**
 * Dates and times in the UI language, on the 24-hour clock. Browsers often have no Kyrgyz locale data
 * (Chromium falls back to American English: "Nov 25, 1:49 PM"), so Kyrgyz gets the numeric form
 * used in Kyrgyzstan, 25.11.2026, 13:49.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (lang === 'ky') return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (lang === 'ky') return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}, ${formatTime(iso, lang)}`;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d);
}
