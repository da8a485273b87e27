import type { Role } from '../../contracts/roles';
import type { Caller, Ports } from './ports';
import type { UserDoc } from '../domain/users';

/** What a handler receives besides its input. */
export interface Ctx extends Ports {
  caller: Caller;
  /** The caller's openid; throws UNAUTHENTICATED for an anonymous caller. */
  openid(): string;
  /** The caller's user document (read once per call, then remembered). */
  user(): Promise<UserDoc | null>;
  /** The caller's effective roles (read with the user document). */
  roles(): Promise<Role[]>;
}
