import { useQuery } from '@tanstack/react-query';
import type { Todo } from '../../../../contracts/todo';
import { api } from '../../../lib/api-client';

export type { Todo, TodoKey } from '../../../../contracts/todo';

export function useTodo() {
  return useQuery({ queryKey: ['todo'], queryFn: ({ signal }) => api.get<Todo>('/todo', { signal }) });
}
