import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DocModelT,
  DocumentKind,
  DocumentSubject,
  IssuedDocument,
  IssuedList,
  Template,
  TemplateBodyT,
  TemplateList,
} from '../../../../contracts/documents';
import { api, buildQuery } from '../../../lib/api-client';

export type Issued = z.infer<typeof IssuedDocument>;
export type TemplateView = z.infer<typeof Template>;
export type Format = 'pdf' | 'docx';

/** Links the browser opens itself (the session cookie goes with them). */
export const printUrl = (subject: DocumentSubject, id: number, kind: DocumentKind, format: Format) =>
  `/api/documents/${subject}/${id}/print${buildQuery({ kind, format })}`;
export const issuedUrl = (id: number, format: Format) =>
  `/api/documents/issued/${id}/file${buildQuery({ format })}`;

export function useIssued(subject: DocumentSubject, id: number, enabled = true) {
  return useQuery({
    queryKey: ['documents', subject, id],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof IssuedList>>(`/documents/${subject}/${id}/issued`, { signal }),
    enabled,
  });
}

export function useIssue(subject: DocumentSubject, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: DocumentKind; issuedOn?: string; again?: boolean }) =>
      api.post<Issued>(`/documents/${subject}/${id}/issue`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['documents', subject, id] }),
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['document-templates'],
    queryFn: ({ signal }) => api.get<z.infer<typeof TemplateList>>('/documents/templates', { signal }),
  });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: DocumentKind; body: TemplateBodyT }) =>
      api.put<TemplateView>(`/documents/templates/${kind}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['document-templates'] }),
  });
}

export function useResetTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (kind: DocumentKind) => api.delete<TemplateView>(`/documents/templates/${kind}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['document-templates'] }),
  });
}

/** The template being edited laid out on sample records (refused with the field errors when wrong). */
export const previewTemplate = (kind: DocumentKind, template: TemplateBodyT, signal?: AbortSignal) =>
  api.post<DocModelT>('/documents/templates/preview', { kind, template }, { signal });
