/**
 * The one error a service throws for the rep to read: the IPC router answers it with its own message, while any
 * other error is logged and answered with a generic sentence. Plain Node, so services use it without the router.
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserFacingError'
  }
}
