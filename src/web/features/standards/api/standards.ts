import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Qualification as QualificationSchema } from '../../../../contracts/qualifications';
import type {
  CopyRuleBody,
  CreateRuleBody,
  EligibilityRule as EligibilityRuleSchema,
  PersonEligibility as PersonEligibilitySchema,
  PersonStandards as PersonStandardsSchema,
  RetireRuleBody,
  ReviseRuleBody,
  StandardRuleDetail as StandardRuleDetailSchema,
  StandardRule as StandardRuleSchema,
} from '../../../../contracts/standards';
import { api } from '../../../lib/api-client';

export type StandardRule = z.infer<typeof StandardRuleSchema>;
export type StandardRuleDetail = z.infer<typeof StandardRuleDetailSchema>;
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
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
  rules: ['standards', 'rules'] as const,
  ruleList: (asOf: string) => ['standards', 'rules', 'list', asOf] as const,
  rule: (id: number, asOf: string) => ['standards', 'rules', 'one', id, asOf] as const,
  eligibilityRules: (asOf: string) => ['standards', 'eligibility-rules', asOf] as const,
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

export function useRule(id: number | null, asOf: string) {
  return useQuery({
    queryKey: keys.rule(id ?? 0, asOf),
    queryFn: ({ signal }) =>
      api.get<StandardRuleDetail>(`/standards/rules/${id}`, { signal, query: { asOf } }),
    enabled: id !== null,
  });
}

export function useEligibilityRules(asOf: string, includeRetired: boolean) {
  return useQuery<EligibilityRule[]>({
    queryKey: [...keys.eligibilityRules(asOf), includeRetired],
    queryFn: ({ signal }) =>
      api
        .get<{ asOf: string; items: EligibilityRule[] }>('/eligibility/rules', {
          signal,
          query: { asOf, includeRetired: includeRetired ? 'true' : 'false' },
        })
        .then((r) => r.items),
    placeholderData: keepPreviousData,
  });
}

/** After a rule changes: every rule list and every person's standing may change. */
function useInvalidateRules() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: keys.rules });
    qc.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'qualifications' && q.queryKey[2] === 'standards',
    });
    qc.invalidateQueries({ queryKey: ['gaps'] });
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: (body: CreateRuleInput) => api.post<StandardRule>('/standards/rules', body),
    onSuccess: invalidate,
  });
}

export function useReviseRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: ReviseRuleInput }) =>
      api.post<StandardRule>(`/standards/rules/${id}/revise`, body),
    onSuccess: invalidate,
  });
}

export function useRetireRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RetireRuleInput }) =>
      api.post<StandardRule>(`/standards/rules/${id}/retire`, body),
    onSuccess: invalidate,
  });
}

export function useCopyRule() {
  const invalidate = useInvalidateRules();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CopyRuleInput }) =>
      api.post<StandardRule>(`/standards/rules/${id}/copy`, body),
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
