/**
 * One printed-paper frame for every report and list (ADR 041): on screen it shows only its
 * children; on paper (browser print, "Save as PDF") it adds the national heading, the issuing
 * office (the actor's unit under its parent), the title, the filters in words, the place-and-date
 * line and the signature block, and sets A4 in the orientation the table needs. Buttons, menus and
 * inputs are hidden on paper by print.css.
 */
import type { ReactNode } from 'react';
import { useMe } from '../../lib/auth';
import { defineMessages, useLang, useT } from '../../lib/i18n';
import { dateLine, headingCase, placeOf } from './print-place';

export type { PrintColumn } from './print-table';

import './print.css';

const messages = defineMessages(
  {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    preparer: 'NGƯỜI LẬP BIỂU',
    preparerHint: '(Ký, ghi rõ họ tên)',
    head: 'THỦ TRƯỞNG ĐƠN VỊ',
    headHint: '(Ký tên, đóng dấu)',
    readAt: 'Số liệu đọc lúc {time}',
  },
  {
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    preparer: 'PREPARED BY',
    preparerHint: '(Signature, full name)',
    head: 'HEAD OF UNIT',
    headHint: '(Signature, seal)',
    readAt: 'Figures read at {time}',
  },
);

export interface PrintFilter {
  label: string;
  value: string;
}

export interface PrintDocumentProps {
  /** The paper's title (upper-cased on paper). */
  title: string;
  /** A line under the title (e.g. the layout or the period). */
  subtitle?: string;
  /** The filters applied, in words: "Đơn vị: Xã Đầm Hà". */
  filters?: PrintFilter[];
  /** Wide tables print landscape (the default), narrow lists portrait. */
  orientation?: 'landscape' | 'portrait';
  /** "Số liệu đọc lúc …" under the filters, already formatted. */
  readAt?: string;
  /** The date of the date line (defaults to today). */
  date?: Date;
  /**
   * What goes on paper instead of the screen content (e.g. a PrintTable of a list whose screen
   * table is paged and scrolls); without it the screen content itself prints.
   */
  paper?: ReactNode;
  children: ReactNode;
}

/** Wraps a report or list so that printing it gives an official A4 document. */
export function PrintDocument({
  title,
  subtitle,
  filters = [],
  orientation = 'landscape',
  readAt,
  date,
  paper,
  children,
}: PrintDocumentProps) {
  const t = useT(messages);
  const [lang] = useLang();
  const me = useMe();
  const office = me.scopeParentName;
  const place = placeOf(me.scopeUnitName, me.scopeParentName);
  return (
    <div className="print-document" data-orientation={orientation}>
      <style>{`@page { size: A4 ${orientation}; margin: 12mm 12mm 14mm 15mm; }`}</style>
      <header className="print-only print-heading" data-testid="print-heading">
        <div className="print-heading-office">
          {office ? <div>{headingCase(office, lang)}</div> : null}
          <div className="print-strong">{headingCase(me.scopeUnitName, lang)}</div>
          <div className="print-rule" />
        </div>
        <div className="print-heading-nation">
          <div className="print-strong">{t('nation')}</div>
          <div className="print-strong print-motto">{t('motto')}</div>
          <div className="print-rule print-rule-wide" />
        </div>
      </header>
      <div className="print-only print-title">
        <div className="print-strong">{title.toLocaleUpperCase(lang === 'vi' ? 'vi-VN' : 'en-GB')}</div>
        {subtitle ? <div className="print-subtitle">{subtitle}</div> : null}
        {filters.length ? (
          <div className="print-filters">
            {filters.map((f) => (
              <span key={f.label}>
                {f.label}: {f.value}
              </span>
            ))}
          </div>
        ) : null}
        {readAt ? <div className="print-read-at">{t('readAt', { time: readAt })}</div> : null}
      </div>
      {paper ? (
        <>
          <div className="no-print">{children}</div>
          <div className="print-only print-body">{paper}</div>
        </>
      ) : (
        <div className="print-body">{children}</div>
      )}
      <footer className="print-only print-signatures" data-testid="print-signatures">
        <div className="print-date-line">{dateLine(place, date ?? new Date(), lang)}</div>
        <div className="print-signature-row">
          <div className="print-signature">
            <div className="print-strong">{t('preparer')}</div>
            <div className="print-hint">{t('preparerHint')}</div>
            <div className="print-signer">{me.displayName}</div>
          </div>
          <div className="print-signature">
            <div className="print-strong">{t('head')}</div>
            <div className="print-hint">{t('headHint')}</div>
          </div>
        </div>
      </footer>
    </div>
  );
}
