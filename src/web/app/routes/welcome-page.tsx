import { Result } from 'antd';
import { useMe } from '../../lib/auth';
import { useT } from '../../lib/i18n';
import { shellMessages } from '../messages';

export function WelcomePage() {
  const t = useT(shellMessages);
  const me = useMe();
  return (
    <Result status="info" title={t('welcomeTitle', { name: me.displayName })} subTitle={t('welcomeText')} />
  );
}
