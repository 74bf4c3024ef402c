import { followUpWorkingDays } from '../../shared/forms.ts';
import { ofName } from './french.ts';

/** What an SME is told happens after its application, in the acknowledgement mail and on the answer page alike. */
export const applicationNextSteps = (networkName: string): string[] => [
  `L’équipe ${ofName(networkName)} étudie votre demande et vous contacte dans les ${followUpWorkingDays} jours ouvrés pour en parler avec vous.`,
  'Votre projet est ensuite présenté au comité d’agrément du réseau, qui décide de l’accompagnement.',
  'S’il est retenu, un salarié d’une entreprise partenaire vous accompagne lors de missions d’environ trois jours au total, souvent par demi-journées, étalées sur 12 à 18 mois.',
];
