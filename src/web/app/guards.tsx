import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../contracts/roles';
import { ForbiddenResult, PageSpinner, QueryErrorResult } from '../components/results';
import { useCan, useMeQuery } from '../lib/auth';

/** Screens behind the login: no session sends the user to /login?next=<here>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <PageSpinner />;
  if (error) return <QueryErrorResult error={error} onRetry={() => refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenResult />;
}
