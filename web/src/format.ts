// Dates and numbers as analysts read them: ISO days, TimeML values spelled out, thin counts.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toLocaleString('en-US');
}

/** "2024-09-27" → "27 Sep 2024"; "2024-09" → "Sep 2024"; other TimeML values as written. */
export function fmtDay(iso: string | null | undefined): string {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** A TimeML value for people: weeks, quarters, seasons and years as words. */
export function fmtTimeml(value: string | null | undefined): string {
  if (!value) return 'undated';
  let m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${{ SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' }[m[2] as 'SP']} ${m[1]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})T(.+)$/.exec(value);
  if (m) return `${fmtDay(value.slice(0, 10))} ${m[4]}`;
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return fmtDay(value).replace(/^(\d{4})$/, '$1');
  return value;
}

export function parseDay(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function todayIso(): string {
  return isoDay(new Date());
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmtInt(n)} ${n === 1 ? one : many}`;
}

/** Links leave the app only for web addresses: an article URL of javascript: or data: is not a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function actorLabel(a: { name: string; code: string | null } | null | undefined): string {
  if (!a) return '—';
  return a.name;
}

export function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}
