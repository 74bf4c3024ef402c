import { type FormAccepted, followUpWorkingDays } from '../../shared/forms.ts';
import type { Network } from '../../shared/networks.ts';
import { ofName } from '../lib/french.ts';
import { applicationNextSteps } from '../lib/next-steps.ts';
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
    lead: 'Merci : votre demande d’accompagnement nous est bien parvenue.',
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
    lead: 'Merci : votre proposition de partenariat nous est bien parvenue.',
    reference: accepted.reference,
    handling: `Elle est confiée à ${describe(networks, accepted) ?? name}.`,
    nextSteps: [
      `L’équipe ${ofName(name)} vous contacte dans les ${followUpWorkingDays} jours ouvrés pour faire connaissance.`,
      'Ensemble, vous choisissez les compétences à inscrire au catalogue du réseau et la façon dont vos salariés volontaires interviendront.',
      'Vos salariés mènent ensuite des missions courtes, d’environ trois jours au total, auprès des PME du territoire dont le projet a été retenu.',
    ],
  };
};

export const contactAcceptedPage = (networks: readonly Network[], accepted: Accepted): AcceptedPage => {
  const handler = describe(networks, accepted);
  return {
    kind: 'accepted',
    title: 'Votre message est bien envoyé',
    lead: 'Merci : votre message nous est bien parvenu.',
    reference: accepted.reference,
    handling: handler
      ? `Il est transmis à ${handler}.`
      : 'Il est transmis à la coordination nationale d’Alizé.',
    nextSteps: [
      `Vous recevez une réponse par courriel ou par téléphone dans les ${followUpWorkingDays} jours ouvrés.`,
    ],
  };
};
