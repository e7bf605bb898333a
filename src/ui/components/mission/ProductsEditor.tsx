// The mission's products, one row each: expected products of the ToR and products delivered are one list, so a
// product planned in the ToR is ticked off by giving the day it was delivered.
import { PRODUCT_KINDS, type ProductKind } from '../../../domain/codes.ts';
import { newId } from '../../../domain/ids.ts';
import type { FieldErrors } from '../../../domain/validation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../fields.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { Product } from './missionValues.ts';

interface ProductsEditorProps {
  products: Product[];
  onChange: (products: Product[]) => void;
  /** The mission's field errors; this editor reads `products.<index>.<field>`. */
  errors: FieldErrors;
  disabled?: boolean;
}

export function ProductsEditor({ products, onChange, errors, disabled = false }: ProductsEditorProps) {
  const { t, code } = useI18n();
  const kinds = PRODUCT_KINDS.map((value) => ({ value, label: code('productKind', value) }));
  const change = (index: number, patch: Partial<Product>) =>
    onChange(products.map((product, i) => (i === index ? { ...product, ...patch } : product)));
  const remove = (index: number) => onChange(products.filter((_product, i) => i !== index));
  // Each row gets an id of its own, so two devices adding or editing products both keep theirs (docs/merge.md M6).
  const add = () =>
    onChange([...products, { id: newId(), title: '', kind: '', planned: true, deliveredOn: '' }]);

  return (
    <fieldset class="field team-editor">
      <legend>
        <h2>{t('missions.section.products')}</h2>
      </legend>
      <p class="field__hint">{t('missions.hint.products')}</p>
      <FieldNotes paths={['products']} />
      {errors.products && (
        <p class="field__error" role="alert">
          {t(`validation.${errors.products}`)}
        </p>
      )}
      {products.length === 0 && <p class="field__hint">{t('missions.productsEmpty')}</p>}
      {products.map((product, index) => (
        <fieldset key={product.id} class="team-editor__member">
          <legend>{t('missions.product.legend', { n: index + 1 })}</legend>
          <FieldNotes paths={[`products.${product.id}`]} />
          <TextField
            label={t('missions.product.title')}
            path={`products.${product.id}.title`}
            value={product.title}
            disabled={disabled}
            error={errors[`products.${index}.title`]}
            onInput={(title) => change(index, { title })}
          />
          <SelectField
            label={t('missions.product.kind')}
            path={`products.${product.id}.kind`}
            value={product.kind}
            placeholder={t('missions.product.kindNone')}
            options={kinds}
            disabled={disabled}
            error={errors[`products.${index}.kind`]}
            onChange={(kind) => change(index, { kind: kind as ProductKind | '' })}
          />
          <label class="checkbox">
            <input
              type="checkbox"
              checked={product.planned}
              disabled={disabled}
              onChange={(e) => change(index, { planned: e.currentTarget.checked })}
            />
            {t('missions.product.planned')}
          </label>
          <FieldNotes paths={[`products.${product.id}.planned`]} />
          <TextField
            type="date"
            label={t('missions.product.deliveredOn')}
            hint={t('missions.hint.deliveredOn')}
            path={`products.${product.id}.deliveredOn`}
            value={product.deliveredOn}
            disabled={disabled}
            error={errors[`products.${index}.deliveredOn`]}
            onInput={(deliveredOn) => change(index, { deliveredOn })}
          />
          {!disabled && (
            <button type="button" class="button button--danger" onClick={() => remove(index)}>
              {t('missions.product.remove', { n: index + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!disabled && (
        <button type="button" class="button" onClick={add}>
          {t('missions.product.add')}
        </button>
      )}
    </fieldset>
  );
}
