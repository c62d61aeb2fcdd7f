import { Select } from 'antd';
import { useLang, useT } from '../../../lib/i18n';
import { useReportLayouts } from '../../report-layouts/api/layouts';
import { reportsMessages } from '../messages';

/** The layouts of the annual statistical report the user may read; empty = the one in force. */
export function LayoutSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const t = useT(reportsMessages);
  const [lang] = useLang();
  const { data, isPending } = useReportLayouts();
  return (
    <Select
      id={id}
      allowClear
      loading={isPending}
      placeholder={t('layoutInForce')}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={(data?.items ?? []).map((l) => ({
        value: l.id,
        label: `${lang === 'vi' ? l.nameVi : l.nameEn || l.nameVi}${l.ownerUnitName ? ` (${l.ownerUnitName})` : ''}`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}
