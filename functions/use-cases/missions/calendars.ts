import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import { missionCalendar } from '../../domain/missions/calendar.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import type { LinkRole } from './mission-links.ts';
import type { MissionParties } from './views.ts';

/** The `.ics` of a mission as its holder reads it: the volunteer sees the SME, the SME sees the volunteer. */
export const calendarFile = (
  role: LinkRole,
  mission: Mission,
  application: StoredSubmission<ApplicationData>,
  { competence, partner, volunteer }: MissionParties,
  uidDomain: string,
  now: Date,
) => {
  const competenceLabel = competence?.label ?? mission.competenceId;
  const company = application.data.company.name;
  const volunteerName = volunteer ? `${volunteer.firstName} ${volunteer.lastName}` : 'le salarié';
  const title =
    role === 'volunteer'
      ? `Alizé\u00a0: mission chez ${company}`
      : `Alizé\u00a0: ${volunteerName}${partner ? ` (${partner.name})` : ''}`;
  return {
    fileName: `mission-${mission.id.toLowerCase()}.ics`,
    contentType: 'text/calendar; charset=utf-8',
    content: missionCalendar({
      missionId: mission.id,
      interventions: mission.interventions,
      title,
      description: `Mission Alizé «\u00a0${competenceLabel}\u00a0», ${company}, du ${mission.startDate} au ${mission.endDate}.`,
      uidDomain,
      now,
    }),
  };
};
