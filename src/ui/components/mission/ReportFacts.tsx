// What the mission overview says of the fields the report counts: who requested the ToR, its focal point, budget
// and person-days, products and people met. Unrecorded values are left out rather than shown as zero.
import type { ComponentChildren } from 'preact';
import type { Mission } from '../../../domain/model.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatEuros } from '../../i18n/numbers.ts';

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Counterpart({ mission }: { mission: Mission }) {
  const { t, code } = useI18n();
  const kind = mission.counterpartKind && code('counterpartKind', mission.counterpartKind);
  const name = mission.requestingCounterpart;
  if (name && kind) return <>{t('mission.overview.counterpartValue', { name, kind })}</>;
  return <>{name || kind}</>;
}

function Products({ products }: { products: Mission['products'] }) {
  const { t, code, date } = useI18n();
  return (
    <ul class="plain-list">
      {products.map((product) => {
        const state = product.deliveredOn
          ? t('mission.overview.productDelivered', { date: date(product.deliveredOn) })
          : product.planned
            ? t('mission.overview.productExpected')
            : t('mission.overview.productPending');
        const parts = [product.title, product.kind && code('productKind', product.kind), state];
        return <li key={product.id}>{parts.filter(Boolean).join(' · ')}</li>;
      })}
    </ul>
  );
}

function PeopleMet({ people }: { people: Mission['peopleMet'] }) {
  const { t } = useI18n();
  return (
    <ul class="plain-list">
      {people.map((row) => {
        const role =
          row.count === null
            ? row.role
            : t('mission.overview.personMetCount', { role: row.role, count: row.count });
        return <li key={row.id}>{[role, row.organisation].filter(Boolean).join(' · ')}</li>;
      })}
    </ul>
  );
}

export function ReportFacts({ mission }: { mission: Mission }) {
  const { t, lang, number } = useI18n();
  const euros = (value: number | null) => (value === null ? null : formatEuros(value, lang));
  return (
    <>
      {(mission.counterpartKind || mission.requestingCounterpart) && (
        <Fact label={t('mission.overview.counterpart')}>
          <Counterpart mission={mission} />
        </Fact>
      )}
      {mission.focalPoint && <Fact label={t('mission.overview.focalPoint')}>{mission.focalPoint}</Fact>}
      {mission.plannedPersonDays !== null && (
        <Fact label={t('mission.overview.plannedPersonDays')}>{number(mission.plannedPersonDays)}</Fact>
      )}
      {mission.remotePersonDays !== null && (
        <Fact label={t('mission.overview.remotePersonDays')}>{number(mission.remotePersonDays)}</Fact>
      )}
      {mission.budgetPlannedEur !== null && (
        <Fact label={t('mission.overview.budgetPlanned')}>{euros(mission.budgetPlannedEur)}</Fact>
      )}
      {mission.budgetExecutedEur !== null && (
        <Fact label={t('mission.overview.budgetExecuted')}>{euros(mission.budgetExecutedEur)}</Fact>
      )}
      {mission.products.length > 0 && (
        <Fact label={t('mission.overview.products')}>
          <Products products={mission.products} />
        </Fact>
      )}
      {mission.peopleMet.length > 0 && (
        <Fact label={t('mission.overview.peopleMet')}>
          <PeopleMet people={mission.peopleMet} />
        </Fact>
      )}
    </>
  );
}
