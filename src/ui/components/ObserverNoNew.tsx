// Shown to an observer who opens a "new …" address: no form that could never be saved, but why, and the way back.
import { BackLink } from './BackLink.tsx';

export function ObserverNoNew(props: { heading: string; message: string; back: string; backLabel: string }) {
  return (
    <section class="screen">
      <BackLink href={props.back}>{props.backLabel}</BackLink>
      <h1>{props.heading}</h1>
      <div class="banner banner--info" role="status" data-read-only="observer">
        {props.message}
      </div>
    </section>
  );
}
