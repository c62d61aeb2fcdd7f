import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AttachmentBody,
  QualificationInput as QualificationInputSchema,
  Qualification as QualificationSchema,
} from '../../../../contracts/qualifications';
import { api } from '../../../lib/api-client';

export type Qualification = z.infer<typeof QualificationSchema>;
export type QualificationInput = z.input<typeof QualificationInputSchema>;
export type AttachmentInput = z.input<typeof AttachmentBody>;

const keys = {
  person: (personId: number) => ['qualifications', personId] as const,
  list: (personId: number, includeDeleted: boolean) => ['qualifications', personId, includeDeleted] as const,
};

export function useQualifications(personId: number, includeDeleted: boolean) {
  return useQuery({
    queryKey: keys.list(personId, includeDeleted),
    queryFn: ({ signal }) =>
      api
        .get<{ items: Qualification[] }>(`/people/${personId}/qualifications`, {
          signal,
          query: { includeDeleted: includeDeleted ? 'true' : 'false' },
        })
        .then((r) => r.items),
  });
}

function useInvalidate(personId: number) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: keys.person(personId) });
    // The person's history and audit views may show the change too.
    qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useAddQualification(personId: number) {
  const invalidate = useInvalidate(personId);
  return useMutation({
    mutationFn: (body: QualificationInput) =>
      api.post<Qualification>(`/people/${personId}/qualifications`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateQualification(personId: number) {
  const invalidate = useInvalidate(personId);
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Partial<QualificationInput> }) =>
      api.patch<Qualification>(`/qualifications/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteQualification(personId: number) {
  const invalidate = useInvalidate(personId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string | null }) =>
      api.delete<unknown>(`/qualifications/${id}`, { reason }),
    onSuccess: invalidate,
  });
}

export function useUploadAttachment(personId: number) {
  const invalidate = useInvalidate(personId);
  return useMutation({
    mutationFn: ({ qualificationId, body }: { qualificationId: number; body: AttachmentInput }) =>
      api.post<{ id: number }>(`/qualifications/${qualificationId}/attachments`, body),
    onSuccess: invalidate,
  });
}

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** File -> base64 without the `data:...;base64,` prefix. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}
