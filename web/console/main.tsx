import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App.tsx';
import './console.css';

dayjs.locale('zh-cn');

const FOCUS_RING = 'rgba(11, 87, 208, 0.2)';
// A user who asked the system for less motion (系统设置“减少动态效果”) gets dialogs, menus and messages
// without animations; the browser journeys ask for it too, so no click lands on a dialog still zooming in.
const REDUCED_MOTION = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const FOCUS = { activeBorderColor: '#0b57d0', hoverBorderColor: '#3d7be0', activeShadow: `0 0 0 2px ${FOCUS_RING}` };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{
        // Darker secondary texts and error red than antd's defaults: WCAG AA contrast for every label.
        token: {
          motion: !REDUCED_MOTION,
          colorPrimary: '#a8071a', colorError: '#b71c1c', colorInfo: '#0b57d0', fontSize: 15,
          colorTextSecondary: 'rgba(0,0,0,0.68)', colorTextTertiary: 'rgba(0,0,0,0.64)', colorTextDescription: 'rgba(0,0,0,0.64)',
          colorTextQuaternary: 'rgba(0,0,0,0.6)', colorTextPlaceholder: 'rgba(0,0,0,0.6)', colorTextDisabled: 'rgba(0,0,0,0.58)',
        },
        components: {
          // A compact side menu: room for the sections still to come at 1280×720 without scrolling.
          Menu: { itemHeight: 36, itemMarginBlock: 2, groupTitleLineHeight: 1.2, groupTitleFontSize: 13 },
          // A field being typed in is outlined blue, not in the red that marks errors (console.css does the rest).
          Input: FOCUS, InputNumber: FOCUS, DatePicker: FOCUS, Mentions: FOCUS,
          Select: { ...FOCUS, activeOutlineColor: FOCUS_RING },
        },
      }}
      // Labels of detail pages stay on one line: a long value beside them never squeezes them into a column of single characters.
      descriptions={{ styles: { label: { whiteSpace: 'nowrap' } } }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
