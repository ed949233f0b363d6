import { Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormFooter } from './FormFooter';

export interface NamePromptProps {
  title: string;
  label: string;
  initial: string;
  onCancel: () => void;
  onSubmit: (name: string) => void;
  testId?: string;
}

/** Asks for a name in a dialog of our own: Electron has no window.prompt. Enter saves, Escape cancels. */
export function NamePrompt({ title, label, initial, onCancel, onSubmit, testId }: NamePromptProps) {
  const [name, setName] = useState(initial);
  const submit = () => {
    if (name.trim() !== '') onSubmit(name.trim());
  };
  return (
    <Modal opened onClose={onCancel} title={title}>
      <Stack gap="sm">
        <TextInput
          label={label}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
          data-autofocus
          data-testid={testId ? `${testId}-name` : undefined}
        />
        <FormFooter error={null} onCancel={onCancel} onSubmit={submit} {...(testId ? { testId: `${testId}-save` } : {})} />
      </Stack>
    </Modal>
  );
}
