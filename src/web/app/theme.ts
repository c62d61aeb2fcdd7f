import type { ThemeConfig } from 'antd';

/** A sober administrative look: navy primary, compact tables, system fonts with full Vietnamese coverage. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#14345f', siderBg: '#ffffff', headerPadding: '0 20px', headerHeight: 56 },
    Table: { cellPaddingBlockSM: 6 },
  },
};
