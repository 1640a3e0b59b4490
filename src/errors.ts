/** An error the user can understand: an HTTP status and an i18n message key. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly messageKey: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'errors.notFound');
export const forbidden = () => new AppError(403, 'errors.forbidden');
