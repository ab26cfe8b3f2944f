// A dialog with a form, as every one in the program behaves: it opens on its first field, Enter
// moves from field to field and on the last one saves, Ctrl+S saves, Esc closes it and gives
// the focus back to what opened it (antd's focusTriggerAfterClose).
import { Modal, type ModalProps } from 'antd';
import { useRef } from 'react';
import { useCtrlS } from '../hooks/useCtrlS';
import { useEnterMovesOn } from '../hooks/useEnterMovesOn';

const FIRST = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), [role=combobox]:not([disabled])';

export function focusFirstField(root: HTMLElement | null): void {
  // A fast typist may be in a field already: the animation's end must not pull him back.
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.matches(FIRST) && active.closest('.ant-modal')) return;
  const body = root?.querySelector('.ant-modal-body');
  const field = Array.from(body?.querySelectorAll<HTMLElement>(FIRST) ?? []).find((el) => el.offsetParent !== null);
  field?.focus();
}

export function FormDialog(props: Omit<ModalProps, 'onOk'> & { onOk: () => void }) {
  const { onOk, afterOpenChange, ...rest } = props;
  const box = useRef<HTMLDivElement>(null);
  const enterMovesOn = useEnterMovesOn(onOk);
  useCtrlS(onOk, !!props.open);
  return (
    <Modal
      {...rest}
      onOk={onOk}
      afterOpenChange={(open) => {
        if (open) focusFirstField(box.current);
        afterOpenChange?.(open);
      }}
      modalRender={(node) => (
        <div ref={box} {...enterMovesOn} role="presentation">
          {node}
        </div>
      )}
    />
  );
}
