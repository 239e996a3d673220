/**
 * An error the sandbox answers inside the API 3.0 envelope:
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}` with HTTP 200, as the real service does.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
