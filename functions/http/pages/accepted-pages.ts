import { type FormAccepted, followUpWorkingDays } from '../../../shared/forms.ts';
import type { Network } from '../../../shared/networks.ts';
import { applicationNextSteps, partnerOfferNextSteps } from '../../domain/public-forms/next-steps.ts';
import type { AcceptedPage } from './answer-page.ts';

/** What each form's answer page says once the submission is recorded (the no-JavaScript path). */
type Accepted = FormAccepted;

const describe = (networks: readonly Network[], accepted: Accepted) => {
  const network = networks.find((n) => n.id === accepted.network?.id);
  return network
    ? `${network.name}, le réseau Alizé de votre territoire, animé par ${network.operator}`
    : undefined;
};

export const applicationAcceptedPage = (networks: readonly Network[], accepted: Accepted): AcceptedPage => {
  const name = accepted.network?.name ?? 'Alizé';
  return {
    kind: 'accepted',
    title: 'Votre demande est bien enregistrée',
    lead: 'Merci\u00a0: votre demande d’accompagnement nous est bien parvenue.',
    reference: accepted.reference,
    handling: `Elle est confiée à ${describe(networks, accepted) ?? name}.`,
    nextSteps: applicationNextSteps(name),
  };
};

export const partnerOfferAcceptedPage = (networks: readonly Network[], accepted: Accepted): AcceptedPage => {
  const name = accepted.network?.name ?? 'Alizé';
  return {
    kind: 'accepted',
    title: 'Votre proposition est bien enregistrée',
    lead: 'Merci\u00a0: votre proposition de partenariat nous est bien parvenue.',
    reference: accepted.reference,
    handling: `Elle est confiée à ${describe(networks, accepted) ?? name}.`,
    nextSteps: partnerOfferNextSteps(name),
  };
};

export const contactAcceptedPage = (networks: readonly Network[], accepted: Accepted): AcceptedPage => {
  const handler = describe(networks, accepted);
  return {
    kind: 'accepted',
    title: 'Votre message est bien envoyé',
    lead: 'Merci\u00a0: votre message nous est bien parvenu.',
    reference: accepted.reference,
    handling: handler
      ? `Il est transmis à ${handler}.`
      : 'Il est transmis à la coordination nationale d’Alizé.',
    nextSteps: [
      `Vous recevrez une réponse par courriel ou par téléphone dans les ${followUpWorkingDays} jours ouvrés.`,
    ],
  };
};
