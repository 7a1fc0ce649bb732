import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App.tsx';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{
        // Darker secondary texts and error red than antd's defaults: WCAG AA contrast for every label.
        token: {
          colorPrimary: '#a8071a', colorError: '#b71c1c', colorInfo: '#0b57d0', fontSize: 15,
          colorTextSecondary: 'rgba(0,0,0,0.68)', colorTextTertiary: 'rgba(0,0,0,0.64)', colorTextDescription: 'rgba(0,0,0,0.64)',
          colorTextQuaternary: 'rgba(0,0,0,0.6)', colorTextPlaceholder: 'rgba(0,0,0,0.6)', colorTextDisabled: 'rgba(0,0,0,0.58)',
        },
        components: { Menu: { darkItemColor: 'rgba(255,255,255,0.92)', darkItemBg: 'transparent' } },
      }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
