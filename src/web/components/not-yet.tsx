import { Button, type ButtonProps, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useLang } from '../lib/i18n';

/** A step the class's schedule holds back (the API's `NotYet`, ADR 025). */
export interface NotYetInfo {
  /** ISO instant with Vietnam's offset. */
  possibleFrom: string;
  message: { vi: string; en: string };
}

/** setTimeout's longest wait (about 24 days): a later moment is checked again at the next read. */
const MAX_WAIT_MS = 2_147_483_647;

/**
 * `still(n)`: `n` while its moment has not passed on this browser's clock, else null. The screen
 * re-renders when the earliest of `list` passes, so a page left open enables its buttons on time;
 * the server decides in the end (a step it refuses still shows its message).
 */
export function useStillNotYet(list: (NotYetInfo | null | undefined)[]) {
  const [now, setNow] = useState(() => Date.now());
  const next = Math.min(
    ...list.map((n) => (n ? Date.parse(n.possibleFrom) : Number.POSITIVE_INFINITY)).filter((t) => t > now),
  );
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_WAIT_MS, next - Date.now() + 500));
    return () => clearTimeout(timer);
  }, [next]);
  return (n: NotYetInfo | null | undefined): NotYetInfo | null =>
    n && Date.parse(n.possibleFrom) > now ? n : null;
}

/** The reason in the user's language. */
export function useNotYetText() {
  const [lang] = useLang();
  return (n: NotYetInfo) => n.message[lang];
}

/** A button the schedule holds back: disabled, its tooltip saying why and from when. */
export function ScheduledButton({ notYet, ...props }: ButtonProps & { notYet: NotYetInfo | null }) {
  const text = useNotYetText();
  if (!notYet) return <Button {...props} />;
  return (
    <Tooltip title={text(notYet)}>
      <Button {...props} disabled onClick={undefined} />
    </Tooltip>
  );
}

/** A small tag ("Chưa diễn ra") whose tooltip and accessible name are the reason and the moment. */
export function NotYetTag({ notYet, children }: { notYet: NotYetInfo; children: string }) {
  const text = useNotYetText();
  return (
    <Tooltip title={text(notYet)}>
      <Tag style={{ margin: 0, fontSize: 11 }} aria-label={text(notYet)}>
        {children}
      </Tag>
    </Tooltip>
  );
}
