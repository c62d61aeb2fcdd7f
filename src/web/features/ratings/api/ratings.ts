import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnnualRating,
  Distribution,
  PutRatingBody,
  RatingScaleOfYear,
  RewardDiscipline,
  RewardDisciplineBody,
} from '../../../../contracts/ratings';
import { api } from '../../../lib/api-client';

export type { AnnualRating, Distribution, RewardDiscipline };
export type PutRatingInput = z.input<typeof PutRatingBody>;
export type RewardInput = z.input<typeof RewardDisciplineBody>;
export type DistributionUnit = Distribution['units'][number];
export type CapCheck = DistributionUnit['caps'][number];

const keys = {
  ratings: (personId: number) => ['ratings', 'person', personId] as const,
  rewards: (personId: number) => ['ratings', 'rewards', personId] as const,
  distribution: (year: number, unitId: number | undefined) =>
    ['ratings', 'distribution', year, unitId ?? null] as const,
};

export function usePersonRatings(personId: number) {
  return useQuery({
    queryKey: keys.ratings(personId),
    queryFn: ({ signal }) =>
      api.get<{ items: AnnualRating[] }>(`/people/${personId}/ratings`, { signal }).then((r) => r.items),
  });
}

/**
 * After a write: the person's lists, the distribution (counts move) and anything else keyed on
 * ratings; eligibility and audit views read ratings too.
 */
function useInvalidateRatings() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['ratings'] });
    qc.invalidateQueries({ queryKey: ['eligibility'] });
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** The scale a year's rating of the person is given on (null: rated by criteria, no points). */
export function useRatingScale(personId: number, year: number | null | undefined) {
  return useQuery({
    queryKey: ['ratings', 'scale', personId, year],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof RatingScaleOfYear>>(`/people/${personId}/ratings/${year}/scale`, { signal }),
    enabled: !!year && year >= 2000,
    staleTime: 60_000,
  });
}

export function usePutRating(personId: number) {
  const invalidate = useInvalidateRatings();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: PutRatingInput }) =>
      api.put<AnnualRating>(`/people/${personId}/ratings/${year}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRating(personId: number) {
  const invalidate = useInvalidateRatings();
  return useMutation({
    mutationFn: (year: number) => api.delete<{ ok: true }>(`/people/${personId}/ratings/${year}`),
    onSuccess: invalidate,
  });
}

export function usePersonRewards(personId: number) {
  return useQuery({
    queryKey: keys.rewards(personId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: RewardDiscipline[] }>(`/people/${personId}/rewards-discipline`, { signal })
        .then((r) => r.items),
  });
}

export function useAddReward(personId: number) {
  const invalidate = useInvalidateRatings();
  return useMutation({
    mutationFn: (body: RewardInput) =>
      api.post<RewardDiscipline>(`/people/${personId}/rewards-discipline`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteReward() {
  const invalidate = useInvalidateRatings();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/rewards-discipline/${id}`),
    onSuccess: invalidate,
  });
}

/** Counts per rating by unit of a subtree (default: the user's scope unit). */
export function useDistribution(year: number, unitId: number | undefined) {
  return useQuery({
    queryKey: keys.distribution(year, unitId),
    queryFn: ({ signal }) =>
      api.get<Distribution>('/ratings/distribution', { signal, query: { year, unitId } }),
    placeholderData: keepPreviousData,
  });
}
