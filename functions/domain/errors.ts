import type { FieldError } from '../../shared/validation.ts';

/**
 * Errors the domain raises on purpose. Each carries a French message meant for the person
 * who made the request; functions/lib/http-errors.ts is the one place that gives them a status.
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
    super(`Aucun réseau Alizé ne porte l’identifiant « ${networkId} ».`);
  }
}
