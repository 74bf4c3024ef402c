import { followUpWorkingDays } from '../../../shared/forms.ts';
import { ofName } from '../../../shared/french.ts';
import { missionsClaim } from '../../../shared/site.ts';

/** What an SME is told happens after its application, in the acknowledgement mail and on the answer page alike. */
export const applicationNextSteps = (networkName: string): string[] => [
  `L’équipe ${ofName(networkName)} étudie votre demande et vous contacte dans les ${followUpWorkingDays} jours ouvrés pour en parler avec vous.`,
  'Votre projet est ensuite présenté au comité d’agrément du réseau, qui décide de l’accompagnement.',
  `S’il est retenu, un salarié d’une entreprise partenaire vous accompagne au fil de ${missionsClaim}.`,
];

/** What a partner company is told happens after its offer, in the mail and on the answer page alike. */
export const partnerOfferNextSteps = (networkName: string): string[] => [
  `L’équipe ${ofName(networkName)} vous contacte dans les ${followUpWorkingDays} jours ouvrés pour faire connaissance.`,
  'Ensemble, vous choisissez les compétences à inscrire au catalogue du réseau et la façon dont vos salariés volontaires interviendront.',
  `Vos salariés mènent ensuite des ${missionsClaim}, auprès des PME du territoire dont le projet a été retenu.`,
];
