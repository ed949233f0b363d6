import { Select } from '@mantine/core';
import { useQuery } from '#renderer/api/client';

export interface EmployeeSelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  clearable?: boolean;
  error?: string | undefined;
  placeholder?: string;
}

/** Picks a colleague. */
export function EmployeeSelect({ label, value, onChange, clearable = true, error, placeholder }: EmployeeSelectProps) {
  const employees = useQuery('employees.list', {});
  return (
    <Select
      label={label}
      data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.extension ? `${e.name} (${e.extension})` : e.name }))}
      value={value}
      onChange={onChange}
      clearable={clearable}
      searchable
      error={error}
      placeholder={placeholder}
      aria-label={label || placeholder}
    />
  );
}
