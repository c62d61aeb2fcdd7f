import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NominationCheck as NominationCheckSchema } from '../../../../contracts/nominations';
import type {
  JoinRequest,
  JoinRequestStatus,
  MyClass,
  OpenClass as OpenClassSchema,
} from '../../../../contracts/self-service';
import { api } from '../../../lib/api-client';

export type { JoinRequest, JoinRequestStatus, MyClass };
export type OpenClass = z.infer<typeof OpenClassSchema>;
export type NominationCheck = z.infer<typeof NominationCheckSchema>;

const SELF = ['self-service'] as const;
const OFFICER = ['join-requests'] as const;

export function useMyClasses() {
  return useQuery({
    queryKey: [...SELF, 'classes'],
    queryFn: ({ signal }) => api.get<{ items: MyClass[] }>('/me/classes', { signal }),
  });
}

export function useOpenClasses() {
  return useQuery({
    queryKey: [...SELF, 'open-classes'],
    queryFn: ({ signal }) => api.get<{ items: OpenClass[] }>('/me/open-classes', { signal }),
  });
}

export function useMyJoinRequests() {
  return useQuery({
    queryKey: [...SELF, 'join-requests'],
    queryFn: ({ signal }) => api.get<{ items: JoinRequest[] }>('/me/join-requests', { signal }),
  });
}

/** A learner's request or cancellation: the open classes, my requests and my classes move. */
function useSelfMutation<V>(fn: (v: V) => Promise<JoinRequest>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: SELF }) });
}

export const useRequestJoin = () =>
  useSelfMutation((body: { classId: number; note?: string }) =>
    api.post<JoinRequest>('/me/join-requests', body),
  );

export const useCancelJoinRequest = () =>
  useSelfMutation((id: number) => api.post<JoinRequest>(`/me/join-requests/${id}/cancel`, {}));

/** The unit officer's list: requests of the people of my subtree. */
export function useJoinRequests(status: JoinRequestStatus | undefined) {
  return useQuery({
    queryKey: [...OFFICER, status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: JoinRequest[] }>('/join-requests', { signal, query: { status } }),
  });
}

/** Seat or waitlist and the warnings of sending the person now (the nominations check). */
export function useJoinCheck(request: JoinRequest | null) {
  return useQuery({
    queryKey: [...OFFICER, 'check', request?.id],
    queryFn: ({ signal }) =>
      api.post<NominationCheck>(
        `/classes/${request!.class.id}/nominations/check`,
        { personId: request!.person.id },
        { signal },
      ),
    enabled: !!request,
    gcTime: 0,
    retry: false,
  });
}

function useOfficerMutation<V>(fn: (v: V) => Promise<JoinRequest>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: OFFICER });
      qc.invalidateQueries({ queryKey: ['nominations', r.class.id] });
      qc.invalidateQueries({ queryKey: ['class', r.class.id] });
      qc.invalidateQueries({ queryKey: ['classes'] });
    },
  });
}

export const useAcceptJoinRequest = () =>
  useOfficerMutation(({ id, confirm }: { id: number; confirm: boolean }) =>
    api.post<JoinRequest>(`/join-requests/${id}/accept`, { confirm }),
  );

export const useDeclineJoinRequest = () =>
  useOfficerMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<JoinRequest>(`/join-requests/${id}/decline`, { reason }),
  );

/**
 * What self-service shows of a certificate of mine. Served by the certificates module
 * (`GET /people/{id}/certificates`, a learner reads their own; `GET /certificates/{id}/pdf`).
 */
export interface MyCertificate {
  id: number;
  number: string;
  classCode: string;
  programmeName: string;
  grade: { vi: string; en: string };
  issuedOn: string;
  issuerName: string;
  status: 'valid' | 'revoked' | 'replaced';
}

export function useMyCertificates(personId: number) {
  return useQuery({
    queryKey: [...SELF, 'certificates', personId],
    queryFn: ({ signal }) =>
      api.get<{ items: MyCertificate[] }>(`/people/${personId}/certificates`, { signal }),
  });
}

/** The PDF of one certificate (the session cookie authorises the download). */
export const certificatePdfUrl = (id: number) => `/api/certificates/${id}/pdf`;
