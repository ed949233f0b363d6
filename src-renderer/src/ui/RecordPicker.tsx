import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useBridge } from '#renderer/api/client';

export interface RecordPickerProps {
  kind: 'contact' | 'company';
  label: string;
  value: string | null;
  /** The chosen record's name, shown before any search. */
  valueLabel?: string | null | undefined;
  onChange: (id: string | null, name: string | null) => void;
  error?: string | undefined;
  placeholder?: string;
  testId?: string;
}

/** Picks a contact or company by typing part of its name, phone or e-mail (the same search as Ctrl+K). */
export function RecordPicker({ kind, label, value, valueLabel, onChange, error, placeholder, testId }: RecordPickerProps) {
  const bridge = useBridge();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (debounced.trim() === '') return;
    let current = true;
    void bridge.invoke('search.quick', { text: debounced, limit: 15 }).then((result) => {
      if (current && result.ok) setOptions(result.value.filter((hit) => hit.kind === kind).map((hit) => ({ value: hit.id, label: hit.subtitle ? `${hit.title} · ${hit.subtitle}` : hit.title })));
    });
    return () => {
      current = false;
    };
  }, [bridge, debounced, kind]);

  const data = value && valueLabel && !options.some((o) => o.value === value) ? [{ value, label: valueLabel }, ...options] : options;
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id, data.find((o) => o.value === id)?.label ?? null)}
      filter={({ options: all }) => all}
      error={error}
      nothingFoundMessage={search ? '—' : undefined}
      data-testid={testId}
    />
  );
}
