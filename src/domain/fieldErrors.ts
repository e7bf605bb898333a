// What the checks of a form say, as codes the UI translates; kept apart so any module can name them.

export type ValidationCode =
  | 'required'
  | 'tooLong'
  | 'notANumber'
  | 'ambiguousNumber'
  | 'negative'
  | 'notInteger'
  | 'severityRange'
  | 'endBeforeStart'
  | 'inNeedExceedsAffected'
  | 'unknownCode'
  | 'invalidDate'
  | 'duplicateSector'
  | 'tooManyPriorities'
  | 'tooMany'
  | 'tooLarge'
  | 'amountCents'
  | 'halfDays'
  | 'sdgTarget'
  | 'latitudeRange'
  | 'longitudeRange'
  | 'invalid';

/** Field path ("title", "sectors.2.severity") → what is wrong with it. */
export type FieldErrors = Record<string, ValidationCode>;
