// The one way a reason is asked (Trả lại, Thu hồi, Mở lại hồ sơ, Hủy, Trả lại dự thảo): a dialog
// that opens with the text field focused — not its button, which would swallow the first key a
// clerk types — and does not close on an empty reason when one is required.
import { Input, Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import { useEffect, useState } from 'react';
import { cleanText } from '../../shared/text/cleanText.js';

/** What the dialog's OK reads, and how it shows a refusal under the field. */
class Prompt {
  value = '';
  private shown: ((message: string | null) => void) | null = null;
  attach(show: (message: string | null) => void): void {
    this.shown = show;
  }
  set(value: string): void {
    this.value = value;
  }
  refuse(message: string): void {
    this.shown?.(message);
  }
}

function ReasonField(props: { prompt: Prompt; placeholder: string; label: string }) {
  const [error, setError] = useState<string | null>(null);
  const { prompt } = props;
  useEffect(() => prompt.attach(setError), [prompt]);
  return (
    <>
      <Input.TextArea
        autoFocus
        rows={3}
        aria-label={props.label}
        aria-invalid={error !== null}
        placeholder={props.placeholder}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          prompt.set(e.target.value);
          if (error) setError(null);
        }}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </>
  );
}

export interface ReasonRequest {
  title: string;
  /** What the field asks for, in words ("lý do trả lại"). */
  label: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  /** A reason is needed (the default); an optional one may be left empty. */
  required?: boolean;
  /** Resolves when done; throws (with a message already shown) to keep the dialog open. */
  onOk: (reason: string) => Promise<unknown>;
}

/** Shows the dialog; `modal` is App.useApp().modal. */
export function askReason(modal: Pick<HookAPI, 'confirm'>, r: ReasonRequest): void {
  const prompt = new Prompt();
  const dialog = modal.confirm({
    title: r.title,
    content: <ReasonField prompt={prompt} placeholder={r.placeholder ?? r.label[0]!.toUpperCase() + r.label.slice(1)} label={r.label} />,
    okText: r.okText,
    okButtonProps: r.danger ? { danger: true } : {},
    cancelText: 'Không',
    autoFocusButton: null,
    onOk: async () => {
      const reason = cleanText(prompt.value);
      if (!reason && r.required !== false) {
        prompt.refuse(`Chưa nhập ${r.label}.`);
        throw new Error('empty reason');
      }
      await r.onOk(reason);
    },
  });
  // Awaited, the dialog keeps a refused OK to itself (no unhandled rejection in the console).
  void dialog.then(
    () => undefined,
    () => undefined,
  );
}
