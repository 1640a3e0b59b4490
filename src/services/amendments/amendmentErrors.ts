import type { AmendmentRefusal } from '../../domain/amendment';
import { AppError } from '../../errors';

/** A refused amendment form: every field's reason at once, nothing written. */
export class AmendmentRefused extends AppError {
  constructor(readonly refusals: AmendmentRefusal[]) {
    super(422, 'amendment.errors.refused');
  }
}
