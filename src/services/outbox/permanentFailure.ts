/** A delivery that will never succeed by retrying (a rejected recipient, an unknown template): give up at once. */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

export function isPermanentFailure(error: unknown): boolean {
  return error instanceof PermanentDeliveryError;
}
