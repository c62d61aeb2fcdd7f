import { Segmented } from 'antd';
import { type Lang, useLang, useT } from '../lib/i18n';

/** VI / EN toggle; the choice is kept in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const [lang, setLang] = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      size={size}
      aria-label={t('language')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'vi', label: <span title="Tiếng Việt">VI</span> },
        { value: 'en', label: <span title="English">EN</span> },
      ]}
    />
  );
}
