import { LinkOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { LegalSource } from '../../../../contracts/rules';
import { useMe } from '../../../lib/auth';
import { filterCodeOption, useCodeLabel, useCodeOptions } from '../../../lib/codes';
import { formatDate } from '../../../lib/dates';
import { useLang, useT } from '../../../lib/i18n';
import { useOrgTree } from '../../../lib/org-tree';
import type { RuleVersion } from '../api/standards';
import { standardsMessages } from '../messages';
import {
  describeCondition,
  describeGrace,
  describeRequirement,
  describeSelector,
  type Origin,
  sourceText,
} from '../rule-words';

/** The plain-word helpers bound to the UI language and the code lists. */
export function useRuleWords() {
  const t = useT(standardsMessages);
  const label = useCodeLabel();
  return useMemo(
    () => ({
      t,
      label,
      selector: (s: Parameters<typeof describeSelector>[0]) => describeSelector(s, t, label),
      requirement: (r: Parameters<typeof describeRequirement>[0]) => describeRequirement(r, t, label),
      grace: (g: Parameters<typeof describeGrace>[0]) => describeGrace(g, t),
      condition: (c: Parameters<typeof describeCondition>[0]) => describeCondition(c, t, label),
      period: (from: string, to: string | null) =>
        to
          ? t('periodFromTo', { from: formatDate(from), to: formatDate(to) })
          : t('periodFrom', { from: formatDate(from) }),
    }),
    [t, label],
  );
}

const STATE_COLORS: Record<RuleVersion['state'], string> = {
  in_force: 'green',
  future: 'blue',
  superseded: 'default',
  retired: 'red',
};
const STATE_KEYS = {
  in_force: 'stateInForce',
  future: 'stateFuture',
  superseded: 'stateSuperseded',
  retired: 'stateRetired',
} as const;

export function StateTag({ state }: { state: RuleVersion['state'] }) {
  const t = useT(standardsMessages);
  return <Tag color={STATE_COLORS[state]}>{t(STATE_KEYS[state])}</Tag>;
}

const ORIGIN_COLORS: Record<Origin, string> = { national: 'geekblue', own: 'purple', override: 'orange' };

export function OriginTag({ origin, unit }: { origin: Origin; unit: string | null }) {
  const t = useT(standardsMessages);
  const text =
    origin === 'national'
      ? t('originNational')
      : t(origin === 'own' ? 'originOwnOf' : 'originOverrideOf', { unit: unit ?? '—' });
  return (
    <Tag color={ORIGIN_COLORS[origin]} style={{ whiteSpace: 'normal' }}>
      {text}
    </Tag>
  );
}

/** Document and article, the note (often "to verify") in grey, and a link when there is one. */
export function SourceText({ source }: { source: LegalSource }) {
  const t = useT(standardsMessages);
  return (
    <>
      <span>{sourceText(source)}</span>
      {source.url ? (
        <>
          {' '}
          <a href={source.url} target="_blank" rel="noreferrer" aria-label={t('openSource')}>
            <LinkOutlined />
          </a>
        </>
      ) : null}
      {source.note ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('legalNote', { note: source.note })}
        </Typography.Text>
      ) : null}
    </>
  );
}

/** Several codes of one list (the rule model matches any of them). */
export function MultiCodeSelect({
  id,
  list,
  value,
  onChange,
  placeholder,
}: {
  id?: string;
  list: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
}) {
  const options = useCodeOptions(list);
  return (
    <Select
      id={id}
      mode="multiple"
      style={{ width: '100%' }}
      value={value ?? []}
      onChange={(v) => onChange?.(v as string[])}
      options={options}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: (input, option) => filterCodeOption(input, option) }}
    />
  );
}

/**
 * Where a change by the user lands (the server decides the same way): a rule owned inside the
 * user's subtree changes in place; a national rule or one from a unit above gets an override
 * owned by the user's scope unit.
 */
export function useChangeTarget(rule: Pick<RuleVersion, 'ownerUnitId' | 'ownerUnitName'>) {
  const me = useMe();
  const t = useT(standardsMessages);
  const tree = useOrgTree();
  const inSubtree =
    rule.ownerUnitId !== null &&
    (rule.ownerUnitId === me.scopeUnitId || !!tree.data?.units.some((u) => u.id === rule.ownerUnitId));
  return {
    override: !inSubtree,
    owner: rule.ownerUnitName ?? t('originNational'),
    unit: me.scopeUnitName,
  };
}

/** A rule in a list: its title (opens it), code, version, and whether it is in force and applies here. */
export function RuleNameCell({
  rule: r,
  onOpen,
}: {
  rule: {
    code: string;
    version: number;
    titleVi: string;
    titleEn: string;
    state: Parameters<typeof StateTag>[0]['state'];
    applies?: boolean;
  };
  onOpen: () => void;
}) {
  const { t } = useRuleWords();
  const [lang] = useLang();
  return (
    <Flex vertical gap={2} align="start">
      <Button
        type="link"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', fontWeight: 500 }}
        aria-label={t('viewRule', { title: lang === 'vi' ? r.titleVi : r.titleEn })}
        onClick={onOpen}
      >
        {lang === 'vi' ? r.titleVi : r.titleEn}
      </Button>
      <Flex gap={4} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('version', { n: r.version })}
        </Typography.Text>
        {r.state !== 'in_force' ? <StateTag state={r.state} /> : null}
        {r.state === 'in_force' && !r.applies ? (
          <Tag style={{ whiteSpace: 'normal' }}>{t('notApplyingHere')}</Tag>
        ) : null}
      </Flex>
    </Flex>
  );
}
