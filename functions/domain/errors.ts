import type { FieldError } from '../../shared/validation.ts';

/**
 * Errors the domain raises on purpose. Each carries a French message meant for the person
 * who made the request; functions/http/errors.ts is the one place that gives them a status.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class InvalidInputError extends DomainError {
  readonly code = 'invalid_input';
  readonly errors: FieldError[];
  constructor(errors: FieldError[], message = 'Certaines informations sont à corriger.') {
    super(message);
    this.errors = errors;
  }
}

export class UnknownNetworkError extends DomainError {
  readonly code = 'unknown_network';
  constructor(networkId: string) {
    super(`Aucun réseau Alizé ne porte l’identifiant «\u00a0${networkId}\u00a0».`);
  }
}

/** One client sent more submissions than the settings allow in the current window. */
export class TooManySubmissionsError extends DomainError {
  readonly code = 'too_many_requests';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      `Nous avons reçu beaucoup d’envois depuis votre connexion en peu de temps. Par précaution, réessayez dans ${minutes}\u00a0minute${minutes > 1 ? 's' : ''}.`,
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The same submission (same idempotency key) is still being recorded by another request. */
export class SubmissionInProgressError extends DomainError {
  readonly code = 'in_progress';
  constructor() {
    super(
      'Votre envoi est déjà en cours d’enregistrement. Patientez une minute\u00a0: vous recevrez un accusé de réception par courriel. Sans nouvelles, renvoyez le formulaire.',
    );
  }
}

/** A key already used for one submission came back with another body: not a retry, a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  constructor() {
    super(
      'Ce formulaire a déjà été envoyé une première fois avec d’autres informations, et c’est cette première version qui est enregistrée. Pour envoyer ces nouvelles informations, rechargez la page et remplissez-la à nouveau.',
    );
  }
}

/** Missing, or of another network: the answer is the same, so that nobody learns what another network holds. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
}

/** The request is understood but contradicts what is stored (a committee already planned that day). */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
}

/**
 * The route exists for someone else: the national coordination's, asked by a network's staff. Answered
 * 404 with its reason (a 403 would become the site's 404 page at CloudFront).
 */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}
