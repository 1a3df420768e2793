import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schema } from '@/lib/api-types';

export type User = Schema<'UserDto'>;
export type CreateUserInput = Schema<'CreateUserDto'>;
export type UpdateUserInput = Schema<'UpdateUserDto'>;

// The users resource (admin): GET/POST /users and PATCH /users/{id}; writes refresh the list.

export const usersQueryOptions = () =>
  queryOptions({ queryKey: ['users'] as const, queryFn: ({ signal }) => apiClient.get<User[]>('/users', { signal }) });

export function useUsers() {
  return useQuery(usersQueryOptions());
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiClient.post<User>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UpdateUserInput & { id: string }) => apiClient.patch<User>(`/users/${encodeURIComponent(id)}`, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}
