import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Assessment as AssessmentSchema,
  AttendanceSheet as AttendanceSheetSchema,
  AttendanceStatus,
  ClassResults as ClassResultsSchema,
  ScoreSheet as ScoreSheetSchema,
  SheetImportResult as SheetImportResultSchema,
  Teaching as TeachingSchema,
} from '../../../../contracts/results';
import { api } from '../../../lib/api-client';

export type AttendanceSheet = z.infer<typeof AttendanceSheetSchema>;
export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type ClassResults = z.infer<typeof ClassResultsSchema>;
export type LearnerResult = ClassResults['items'][number];
export type SheetImportResult = z.infer<typeof SheetImportResultSchema>;
export type Learner = AttendanceSheet['learners'][number];
export type SheetKind = 'attendance' | 'scores';

/** Everything of a class's grade book sits under one key: a write refreshes the grids and the results. */
export const resultsKey = (classId: number) => ['results', classId] as const;

const base = (classId: number) => `/classes/${classId}`;

export function useAttendance(classId: number) {
  return useQuery({
    queryKey: [...resultsKey(classId), 'attendance'],
    queryFn: ({ signal }) => api.get<AttendanceSheet>(`${base(classId)}/attendance`, { signal }),
  });
}

export function useScores(classId: number) {
  return useQuery({
    queryKey: [...resultsKey(classId), 'scores'],
    queryFn: ({ signal }) => api.get<ScoreSheet>(`${base(classId)}/scores`, { signal }),
  });
}

export function useResults(classId: number) {
  return useQuery({
    queryKey: [...resultsKey(classId), 'results'],
    queryFn: ({ signal }) => api.get<ClassResults>(`${base(classId)}/results`, { signal }),
  });
}

function useGradebookMutation<V, R>(classId: number, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: resultsKey(classId) }),
  });
}

export interface MarkEdit {
  sessionId: number;
  nominationId: number;
  status: AttendanceStatus | null;
  /** null clears the reason; absent keeps it (ADR 023). */
  reason?: string | null;
}

export const useSaveAttendance = (classId: number) =>
  useGradebookMutation(classId, (marks: MarkEdit[]) =>
    api.put<{ ok: true }>(`${base(classId)}/attendance`, { marks }),
  );

export const useSaveConduct = (classId: number) =>
  useGradebookMutation(
    classId,
    ({
      nominationId,
      ...body
    }: {
      nominationId: number;
      rulesKept: boolean;
      disciplineNote: string | null;
    }) => api.put<{ ok: true }>(`${base(classId)}/learners/${nominationId}/conduct`, body),
  );

export interface AssessmentInput {
  name: string;
  kind: Assessment['kind'];
  weight: number;
  /** ISO day it is held or due; null: during the class. */
  heldOn: string | null;
}

export const useSaveAssessment = (classId: number) =>
  useGradebookMutation(classId, ({ id, ...body }: AssessmentInput & { id?: number }) =>
    id
      ? api.put<Assessment>(`${base(classId)}/assessments/${id}`, body)
      : api.post<Assessment>(`${base(classId)}/assessments`, body),
  );

export const useDeleteAssessment = (classId: number) =>
  useGradebookMutation(classId, (id: number) =>
    api.delete<{ ok: true }>(`${base(classId)}/assessments/${id}`),
  );

export interface ScoreEdit {
  assessmentId: number;
  nominationId: number;
  score: number | null;
}

export const useSaveScores = (classId: number) =>
  useGradebookMutation(classId, (scores: ScoreEdit[]) =>
    api.put<{ ok: true }>(`${base(classId)}/scores`, { scores }),
  );

/** Check (dry run) or write a filled sheet; only a write refreshes the grids. */
export function useImportSheet(classId: number, kind: SheetKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; dryRun: boolean }) =>
      api.post<SheetImportResult>(`${base(classId)}/sheets/${kind}/import`, body),
    onSuccess: (r) => {
      if (!r.dryRun) qc.invalidateQueries({ queryKey: resultsKey(classId) });
    },
  });
}

/** The template is a plain GET the browser downloads with the session cookie. */
export const templateUrl = (classId: number, kind: SheetKind) =>
  `/api${base(classId)}/sheets/${kind}/template.csv`;

export type Teaching = z.infer<typeof TeachingSchema>;
export type TaughtClass = Teaching['classes'][number];

/** "Lớp của tôi" of a lecturer's login: the classes and sessions it teaches (ADR 038). */
export function useTeaching() {
  return useQuery({
    queryKey: ['results', 'teaching'],
    queryFn: ({ signal }) => api.get<Teaching>('/me/teaching', { signal }),
  });
}
