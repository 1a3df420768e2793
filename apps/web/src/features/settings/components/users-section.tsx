import type { Role } from '@dnb/contracts';
import { useState, type FormEvent } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { FormErrorSummary, FormField } from '@/components/ui/form-field';
import { LocalTime } from '@/components/ui/local-time';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { showErrorToast, showToast } from '@/components/ui/toast';
import { fieldErrorsOf, messagesFor } from '@/lib/field-errors';
import { parseWireTime } from '@/lib/time';
import { useCreateUser, useUpdateUser, useUsers, type User } from '../api/users';
import { RoleSelect } from './role-select';

function CreateUserForm() {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const errors = fieldErrorsOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { username: username.trim(), password, role },
      {
        onSuccess: (user) => {
          showToast({
            tone: 'success',
            title: `User ${user.username} created`,
            message: 'They must change the password at first sign-in.',
          });
          setUsername('');
          setPassword('');
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="new-user-heading" noValidate>
      <h3 id="new-user-heading">New user</h3>
      <div className="form-grid">
        <FormField label="Username" errors={messagesFor(errors, 'username')}>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </FormField>
        <FormField label="Initial password" errors={messagesFor(errors, 'password')} hint="Long passphrase; changed at first sign-in">
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </FormField>
        <FormField label="Role" errors={messagesFor(errors, 'role')}>
          <RoleSelect value={role} onChange={setRole} />
        </FormField>
      </div>
      {create.isError && <FormErrorSummary error={create.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}

function UserRow({ user, selfId }: { user: User; selfId: string | undefined }) {
  const update = useUpdateUser();
  const change = (patch: { role?: Role; is_active?: boolean }, what: string) =>
    update.mutate(
      { id: user.id, ...patch },
      {
        onSuccess: () => showToast({ tone: 'success', title: `${user.username}: ${what}` }),
        onError: (error) => showErrorToast(`${user.username} could not be changed`, error),
      },
    );
  const lastLogin = parseWireTime(user.last_login_at);
  const self = user.id === selfId;
  return (
    <tr data-username={user.username}>
      <th scope="row">
        {user.username}
        {self && <span className="muted"> (you)</span>}
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.username}
        </label>
        <RoleSelect
          id={`role-${user.id}`}
          className="input"
          value={user.role}
          disabled={update.isPending}
          onChange={(role) => change({ role }, `role set to ${role}`)}
        />
      </td>
      <td>
        <StatusBadge tone={user.is_active ? 'success' : 'neutral'} size="sm">
          {user.is_active ? 'Active' : 'Disabled'}
        </StatusBadge>
      </td>
      <td>{user.mfa_enabled ? 'On' : 'Off'}</td>
      <td>{lastLogin ? <LocalTime date={lastLogin} /> : 'Never'}</td>
      <td>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={update.isPending || self}
          title={self ? 'You cannot disable yourself' : undefined}
          onClick={() => change({ is_active: !user.is_active }, user.is_active ? 'disabled' : 'enabled')}
        >
          {user.is_active ? 'Disable' : 'Enable'}
          <span className="visually-hidden"> {user.username}</span>
        </button>
      </td>
    </tr>
  );
}

/** Users (admin): create with a role, change the role, disable or enable. */
export function UsersSection({ selfId }: { selfId: string | undefined }) {
  const users = useUsers();
  return (
    <section className="card page-section" aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.isPending ? (
        <Skeleton height="6rem" />
      ) : (
        <DataTable label="Users (scrolls sideways)" columns={['User', 'Role', 'Status', 'Two-factor', 'Last sign-in', 'Action']}>
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} selfId={selfId} />
          ))}
        </DataTable>
      )}
      <CreateUserForm />
    </section>
  );
}
