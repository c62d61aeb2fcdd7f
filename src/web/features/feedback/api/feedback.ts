import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerBody,
  ClassFeedback,
  ClassFeedbackForm,
  EffectivenessForm,
  EffectivenessItem,
  MyClass,
  Rollup,
} from '../../../../contracts/feedback';
import { api, type Paged } from '../../../lib/api-client';

export type { ClassFeedback, ClassFeedbackForm, EffectivenessForm, EffectivenessItem, MyClass, Rollup };
export type AnswerInput = z.input<typeof AnswerBody>;
export type EffectivenessState = 'due' | 'upcoming' | 'done';

export function useMyClasses() {
  return useQuery({
    queryKey: ['feedback', 'my-classes'],
    queryFn: ({ signal }) => api.get<{ items: MyClass[] }>('/feedback/my-classes', { signal }),
  });
}

export function useMyClassForm(classId: number) {
  return useQuery({
    queryKey: ['feedback', 'my-classes', classId],
    queryFn: ({ signal }) => api.get<ClassFeedbackForm>(`/feedback/my-classes/${classId}`, { signal }),
    enabled: Number.isInteger(classId) && classId > 0,
  });
}

export function useAnswerMyClass(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput) => api.post<ClassFeedbackForm>(`/feedback/my-classes/${classId}`, body),
    onSuccess: (f) => {
      qc.setQueryData(['feedback', 'my-classes', classId], f);
      qc.invalidateQueries({ queryKey: ['feedback', 'my-classes'], exact: true });
    },
  });
}

export function useEffectiveness(f: {
  state: EffectivenessState;
  q?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['feedback', 'effectiveness', f],
    queryFn: ({ signal }) =>
      api.get<Paged<EffectivenessItem>>('/feedback/effectiveness', { signal, query: { ...f } }),
    placeholderData: keepPreviousData,
  });
}

export function useEffectivenessForm(nominationId: number) {
  return useQuery({
    queryKey: ['feedback', 'effectiveness-form', nominationId],
    queryFn: ({ signal }) =>
      api.get<EffectivenessForm>(`/feedback/effectiveness/${nominationId}`, { signal }),
    enabled: Number.isInteger(nominationId) && nominationId > 0,
  });
}

export function useAnswerEffectiveness(nominationId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput) =>
      api.post<EffectivenessForm>(`/feedback/effectiveness/${nominationId}`, body),
    onSuccess: (f) => {
      qc.setQueryData(['feedback', 'effectiveness-form', nominationId], f);
      qc.invalidateQueries({ queryKey: ['feedback', 'effectiveness'] });
    },
  });
}

export function useClassFeedback(classId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['feedback', 'class', classId],
    queryFn: ({ signal }) => api.get<ClassFeedback>(`/classes/${classId}/feedback`, { signal }),
    enabled,
  });
}

/** Ratings of a lecturer or an institution. */
export function useRatings(of: 'lecturers' | 'institutions', id: number, enabled = true) {
  return useQuery({
    queryKey: ['feedback', of, id],
    queryFn: ({ signal }) => api.get<Rollup>(`/${of}/${id}/ratings`, { signal }),
    enabled,
  });
}
