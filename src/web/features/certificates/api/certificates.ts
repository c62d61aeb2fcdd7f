import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CertificateItem,
  CertificateList,
  ClassCertificates as ClassCertificatesSchema,
  IssueResult,
  PublicCertificate as PublicCertificateSchema,
  RegisterBody,
  RegisterList,
  RegisterOwners,
  Register as RegisterSchema,
  UpdateRegisterBody,
} from '../../../../contracts/certificates';
import { api } from '../../../lib/api-client';

export type ClassCertificates = z.infer<typeof ClassCertificatesSchema>;
export type Register = z.infer<typeof RegisterSchema>;
export type PublicCertificate = z.infer<typeof PublicCertificateSchema>;
export type { CertificateItem };

/** Links the browser opens itself (the session cookie goes with them). */
export const certificatePdfUrl = (id: number) => `/api/certificates/${id}/pdf`;
export const classCertificatesPdfUrl = (classId: number) => `/api/classes/${classId}/certificates/pdf`;
export const verifyPath = (token: string) => `/verify/${token}`;

export function useClassCertificates(classId: number) {
  return useQuery({
    queryKey: ['certificates', 'class', classId],
    queryFn: ({ signal }) => api.get<ClassCertificates>(`/classes/${classId}/certificates`, { signal }),
  });
}

export function usePersonCertificates(personId: number) {
  return useQuery({
    queryKey: ['certificates', 'person', personId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof CertificateList>>(`/people/${personId}/certificates`, { signal }),
  });
}

/** Any change to certificates refreshes every list of them and the qualifications they write. */
function useCertificateMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['certificates'] });
      qc.invalidateQueries({ queryKey: ['qualifications'] });
    },
  });
}

export const useIssueCertificates = (classId: number) =>
  useCertificateMutation(() =>
    api.post<z.infer<typeof IssueResult>>(`/classes/${classId}/certificates/issue`, {}),
  );
export const useRevokeCertificate = () =>
  useCertificateMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<CertificateItem>(`/certificates/${id}/revoke`, { reason }),
  );
export const useReplaceCertificate = () =>
  useCertificateMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<CertificateItem>(`/certificates/${id}/replace`, { reason }),
  );

export function useRegisters() {
  return useQuery({
    queryKey: ['certificate-registers'],
    queryFn: ({ signal }) => api.get<z.infer<typeof RegisterList>>('/certificate-registers', { signal }),
  });
}

export function useRegisterOwners(enabled: boolean) {
  return useQuery({
    queryKey: ['certificate-registers', 'owners'],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof RegisterOwners>>('/certificate-registers/owners', { signal }),
    enabled,
  });
}

export function useSaveRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id?: number;
      body: z.input<typeof RegisterBody> | z.input<typeof UpdateRegisterBody>;
    }) =>
      id
        ? api.patch<Register>(`/certificate-registers/${id}`, body)
        : api.post<Register>('/certificate-registers', body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['certificate-registers'] });
      qc.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
}

/** The public look-up: no session, no redirect to the login page. */
export function usePublicCertificate(token: string) {
  return useQuery({
    queryKey: ['public-certificate', token],
    queryFn: ({ signal }) =>
      api.get<PublicCertificate>(`/public/certificates/${encodeURIComponent(token)}`, {
        signal,
        noAuthRedirect: true,
      }),
    retry: false,
  });
}
