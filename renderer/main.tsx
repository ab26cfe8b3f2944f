import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

dayjs.locale('vi');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={viVN}
      theme={{
        token: {
          colorPrimary: '#1f4e8c',
          borderRadius: 4,
          fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
          fontSize: 14,
          // Readable greys (WCAG AA, 4.5:1 on white and on the page's grey): antd's own are 1.8–3.4:1.
          colorTextPlaceholder: '#6e6e6e',
          colorTextQuaternary: '#6e6e6e',
          colorTextTertiary: '#5e5e5e',
          colorTextDescription: '#595959',
          colorError: '#cf1322',
          colorSuccess: '#2f7d12',
          // No animations: a closing dialog keeps Esc for itself until its animation ends, so the
          // clerk's next Esc (close the drawer under it) was lost; and an office PC shows each
          // screen at once.
          motion: false,
        },
        components: { Table: { cellPaddingBlockSM: 4, headerBg: '#eef2f7' }, Layout: { siderBg: '#17365d', headerBg: '#ffffff' } },
      }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
