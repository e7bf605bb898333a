// Who will scan: a device this one has exchanged with (then only what it lacks is shown) or someone new (then
// every chosen mission, without photos). Known devices come from the per-peer memory of exchanges.
import type { KnownPeer } from '../../../storage/bundlePeers.ts';
import { qrExchangeMessages } from '../../i18n/messages/qrExchange.ts';
import { useMessages } from '../../i18n/useMessages.ts';

export function PeerChooser(props: {
  peers: readonly KnownPeer[];
  value: string | null;
  onChange: (peer: string | null) => void;
}) {
  const t = useMessages(qrExchangeMessages);
  return (
    <fieldset class="qr__peers">
      <legend>{t('qr.peer')}</legend>
      {props.peers.map((peer) => (
        <label key={peer.device} class="checkbox">
          <input
            type="radio"
            name="qr-peer"
            checked={props.value === peer.device}
            onChange={() => props.onChange(peer.device)}
          />
          {peer.name
            ? t('qr.peerKnown', { name: peer.name })
            : t('qr.peerUnnamed', { device: peer.device.slice(0, 8) })}
        </label>
      ))}
      <label class="checkbox">
        <input
          type="radio"
          name="qr-peer"
          checked={props.value === null}
          onChange={() => props.onChange(null)}
        />
        {t('qr.peerNew')}
      </label>
    </fieldset>
  );
}
