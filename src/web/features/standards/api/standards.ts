import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateEligibilityRuleBody, ReviseEligibilityRuleBody } from '../../../../contracts/eligibility';
import type { Qualification as QualificationSchema } from '../../../../contracts/qualifications';
import type {
  CopyRuleBody,
  CreateRuleBody,
  EligibilityRuleDetail as EligibilityRuleDetailSchema,
  EligibilityRule as EligibilityRuleSchema,
  PersonEligibility as PersonEligibilitySchema,
  PersonStandards as PersonStandardsSchema,
  RetireRuleBody,
  ReviseRuleBody,
  StandardRuleDetail as StandardRuleDetailSchema,
  StandardRule as StandardRuleSchema,
} from '../../../../contracts/standards';
import { api } from '../../../lib/api-client';
import { todayIso } from '../../../lib/dates';
import { useLang } from '../../../lib/i18n';

export type StandardRule = z.infer<typeof StandardRuleSchema>;
export type StandardRuleDetail = z.infer<typeof StandardRuleDetailSchema>;
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
export type EligibilityRuleDetail = z.infer<typeof EligibilityRuleDetailSchema>;
export type CreateEligibilityRuleInput = z.input<typeof CreateEligibilityRuleBody>;
export type ReviseEligibilityRuleInput = z.input<typeof ReviseEligibilityRuleBody>;
/** What standards and eligibility rules have in common: code, names, dates, source, owner, state. */
export type RuleVersion = Omit<EligibilityRule, 'purpose' | 'conditions'> & { applies?: boolean };
/** Standards and eligibility rules are versioned alike and share retire and copy. */
export type RuleFamily = 'standards' | 'eligibility';
const BASE: Record<RuleFamily, string> = { standards: '/standards/rules', eligibility: '/eligibility/rules' };
export type PersonStandards = z.infer<typeof PersonStandardsSchema>;
export type PersonStandard = PersonStandards['items'][number];
export type PersonEligibility = z.infer<typeof PersonEligibilitySchema>;
export type Qualification = z.infer<typeof QualificationSchema>;
export type CreateRuleInput = z.input<typeof CreateRuleBody>;
export type ReviseRuleInput = z.input<typeof ReviseRuleBody>;
export type RetireRuleInput = z.input<typeof RetireRuleBody>;
export type CopyRuleInput = z.input<typeof CopyRuleBody>;

/*
 * A person's standing depends on their qualifications: its keys live under
 * ['qualifications', personId] so that adding or removing a qualification (which invalidates that
 * prefix) refreshes the standards tab too, even while it stays mounted.
 */
const keys = {
  ruleList: (asOf: string) => ['standards', 'rules', 'list', asOf] as const,
  rule: (id: number, asOf: string) => ['standards', 'rules', 'one', id, asOf] as const,
  eligibilityRules: (asOf: string) => ['standards', 'eligibility-rules', asOf] as const,
  eligibilityRule: (id: number, asOf: string) => ['standards', 'eligibility-rules', 'one', id, asOf] as const,
  personStandards: (personId: number, asOf: string) =>
    ['qualifications', personId, 'standards', asOf] as const,
  personEligibility: (personId: number, asOf: string) =>
    ['qualifications', personId, 'eligibility', asOf] as const,
  personQualifications: (personId: number) => ['qualifications', personId, 'for-standards'] as const,
};

/**
 * Every version of every rule the user can see, each with its state on `asOf`. The pack is a few
 * dozen rows, so the screen filters (in force or not, what it applies to, text) on the client.
 */
export function useRules(asOf: string) {
  return useQuery<StandardRule[]>({
    queryKey: keys.ruleList(asOf),
    queryFn: ({ signal }) =>
      api
        .get<{ asOf: string; items: StandardRule[] }>('/standards/rules', {
          signal,
          query: { asOf, includeRetired: 'true' },
        })
        .then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/**
 * A rule's title in the user's language from its code (issue 17: no internal code on screen).
 * The code itself is the fallback while the pack loads or for a user who cannot read it.
 */
export function useRuleTitle(): (code: string) => string {
  const [lang] = useLang();
  const { data } = useRules(todayIso());
  return (code) => {
    const rule = data?.find((r) => r.code === code);
    return rule ? (lang === 'en' ? rule.titleEn : rule.titleVi) : code;
  };
}

export function useRule(id: number | null, asOf: string) {
  return useQuery({
    queryKey: keys.rule(id ?? 0, asOf),
    queryFn: ({ signal }) =>
      api.get<StandardRuleDetail>(`/standards/rules/${id}`, { signal, query: { asOf } }),
    enabled: id !== null,
  });
}

/** Every version of every eligibility rule the user can see, each with its state on `asOf` (as useRules). */
export function useEligibilityRules(asOf: string) {
  return useQuery<EligibilityRule[]>({
    queryKey: keys.eligibilityRules(asOf),
    queryFn: ({ signal }) =>
      api
        .get<{ asOf: string; items: EligibilityRule[] }>(BASE.eligibility, {
          signal,
          query: { asOf, includeRetired: 'true' },
        })
        .then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

export function useEligibilityRule(id: number | null, asOf: string) {
  return useQuery({
    queryKey: keys.eligibilityRule(id ?? 0, asOf),
    queryFn: ({ signal }) =>
      api.get<EligibilityRuleDetail>(`/eligibility/rules/${id}`, { signal, query: { asOf } }),
    enabled: id !== null,
  });
}

/**
 * After a rule changes: every rule list, every person's standing and eligibility, the gaps and
 * the eligible-people lists may change.
 */
function useInvalidateRules() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['standards'] });
    qc.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === 'qualifications' &&
        (q.queryKey[2] === 'standards' || q.queryKey[2] === 'eligibility'),
    });
    qc.invalidateQueries({ queryKey: ['gaps'] });
    qc.invalidateQueries({ queryKey: ['eligibility'] });
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (body: CreateRuleInput) => api.post<StandardRule>(BASE.standards, body),
    onSuccess: invalidate,
  });
}

export function useReviseRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReviseRuleInput }) =>
      api.post<StandardRule>(`${BASE.standards}/${id}/revise`, body),
    onSuccess: invalidate,
  });
}

export function useCreateEligibilityRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (body: CreateEligibilityRuleInput) => api.post<EligibilityRule>(BASE.eligibility, body),
    onSuccess: invalidate,
  });
}

export function useReviseEligibilityRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReviseEligibilityRuleInput }) =>
      api.post<EligibilityRule>(`${BASE.eligibility}/${id}/revise`, body),
    onSuccess: invalidate,
  });
}

export function useRetireRule(family: RuleFamily) {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RetireRuleInput }) =>
      api.post<{ id: number; code: string }>(`${BASE[family]}/${id}/retire`, body),
    onSuccess: invalidate,
  });
}

export function useCopyRule(family: RuleFamily) {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CopyRuleInput }) =>
      api.post<{ id: number; code: string }>(`${BASE[family]}/${id}/copy`, body),
    onSuccess: invalidate,
  });
}

export function usePersonStandards(personId: number, asOf: string) {
  return useQuery<PersonStandards>({
    queryKey: keys.personStandards(personId, asOf),
    queryFn: ({ signal }) =>
      api.get<PersonStandards>(`/people/${personId}/standards`, { signal, query: { asOf } }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonEligibility(personId: number, asOf: string) {
  return useQuery<PersonEligibility>({
    queryKey: keys.personEligibility(personId, asOf),
    queryFn: ({ signal }) =>
      api.get<PersonEligibility>(`/people/${personId}/eligibility`, { signal, query: { asOf } }),
    placeholderData: keepPreviousData,
  });
}

/** To name the qualification that meets a standard (the API gives its id). */
export function usePersonQualifications(personId: number) {
  return useQuery({
    queryKey: keys.personQualifications(personId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: Qualification[] }>(`/people/${personId}/qualifications`, {
          signal,
          query: { includeDeleted: 'true' },
        })
        .then((r) => r.items),
  });
}
