import { Tag } from 'antd';
import { EXCHANGE_STATE_LABELS, type ExchangeMessage } from '../../../shared/api/exchange.js';

const COLORS: Partial<Record<ExchangeMessage['state'], string>> = {
  moi: 'blue',
  da_vao_so: 'green',
  tu_choi: 'orange',
  loi: 'red',
  cho_gui: 'gold',
  da_gui: 'green',
};

/** Where a message stands, in the words of the inbox and the Sổ theo dõi liên thông. */
export function StateTag({ m }: { m: Pick<ExchangeMessage, 'state'> }) {
  return <Tag color={COLORS[m.state]}>{EXCHANGE_STATE_LABELS[m.state]}</Tag>;
}
