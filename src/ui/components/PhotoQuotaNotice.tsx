// Says when the server's photo quota holds this device's photos back, and which quota.
import { useEffect, useState } from 'preact/hooks';
import { onPhotoQuota, photoQuota, type PhotoQuota } from '../../sync/photoQuota.ts';
import { quotaMessages } from '../i18n/messages/quotas.ts';
import { useMessages } from '../i18n/useMessages.ts';

export function PhotoQuotaNotice() {
  const t = useMessages(quotaMessages);
  const [quota, setQuota] = useState<PhotoQuota | null>(photoQuota);
  useEffect(() => onPhotoQuota(setQuota), []);
  if (quota === null) return null;
  return (
    <p class="banner banner--warn" role="status" data-photo-quota={quota}>
      {t(`quota.photos.${quota}`)}
    </p>
  );
}
