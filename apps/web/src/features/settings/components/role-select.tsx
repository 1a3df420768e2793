import { ROLES, type Role } from '@dnb/contracts';

/** The three roles of the shared matrix, as a select (for users and API keys). */
export function RoleSelect({
  value,
  onChange,
  ...rest
}: {
  value: Role;
  onChange: (role: Role) => void;
  id?: string;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}
