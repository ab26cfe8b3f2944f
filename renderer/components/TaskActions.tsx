// What a handler may do with a task given to them: note progress, or finish it.
import { App, Button, Form, Input, Space } from 'antd';
import { filledIn } from './errors';
import { FormDialog } from './FormDialog';
import { useState } from 'react';
import type { Me } from '../../shared/api/admin.js';
import type { TaskRecord } from '../../shared/api/handling.js';
import { mayActOnTask } from '../../shared/domain/taskRules.js';
import { api } from '../api/client';
import { fieldRule } from './contractRules';
import { taskCompleteInput, taskUpdateInput } from '../../shared/api/handling.js';

/** An open task that the rule of shared/domain/taskRules.ts lets this user act on. */
export function mayHandle(task: TaskRecord, me: Me): boolean {
  return task.status !== 'hoan_thanh' && mayActOnTask(me, task);
}

export function TaskActions({ task, me, onChanged }: { task: TaskRecord; me: Me; onChanged: () => void }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'progress' | 'complete' | null>(null);
  const [form] = Form.useForm<{ note: string; result: string; replyCode?: string }>();
  if (!mayHandle(task, me)) return null;

  const save = async () => {
    const v = await filledIn(form);
    if (!v) return;
    try {
      if (mode === 'progress') await api.call('tasks.update', { taskId: task.id, note: v.note });
      else await api.call('tasks.complete', { taskId: task.id, result: v.result, replyCode: v.replyCode || null });
      message.success(mode === 'progress' ? 'Đã cập nhật tiến độ.' : 'Đã hoàn thành việc.');
      setMode(null);
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <>
      <Space size={4}>
        <Button size="small" onClick={() => (form.resetFields(), setMode('progress'))}>
          Cập nhật tiến độ
        </Button>
        <Button size="small" type="primary" onClick={() => (form.resetFields(), setMode('complete'))}>
          Hoàn thành
        </Button>
      </Space>
      <FormDialog
        open={mode !== null}
        title={mode === 'progress' ? 'Cập nhật tiến độ' : 'Hoàn thành việc'}
        okText="Lưu"
        cancelText="Đóng"
        onOk={() => void save()}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        <p style={{ color: '#666' }}>
          Văn bản số đến {task.document.number}: {task.document.code} — {task.document.summary}
        </p>
        <Form form={form} layout="vertical">
          {mode === 'progress' ? (
            <Form.Item name="note" label="Nội dung tiến độ" required rules={[fieldRule(taskUpdateInput.shape.note)]}>
              <Input.TextArea rows={3} autoFocus />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="result" label="Kết quả xử lý" required rules={[fieldRule(taskCompleteInput.shape.result)]}>
                <Input.TextArea rows={3} autoFocus />
              </Form.Item>
              <Form.Item name="replyCode" label="Số, ký hiệu văn bản trả lời (nếu có)">
                <Input placeholder="57/PGDĐT-VP" />
              </Form.Item>
            </>
          )}
        </Form>
      </FormDialog>
    </>
  );
}
