// Activity form values ⇄ `activityBody`.
import type { ActivityType, VolunteerSkill } from '@wenming/contracts';
import type { Dayjs } from 'dayjs';

export interface ActivityFormValues {
  title: string;
  type: ActivityType;
  siteId?: string | null;
  teamId?: string | null;
  projectId?: string | null;
  regionCode: string;
  place: string;
  lat?: number | null;
  lng?: number | null;
  radiusM?: number | null;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  recruitLimit?: number | null;
  requiredSkills?: VolunteerSkill[];
  teamOnly?: boolean;
  description?: string | null;
}

/** The request body; times go as ISO instants so that the server reads them in any time zone. */
export function toActivityBody(v: ActivityFormValues, id?: string) {
  return {
    ...(id ? { id } : {}),
    title: v.title?.trim() ?? '',
    type: v.type,
    siteId: v.siteId ?? null,
    teamId: v.teamId ?? null,
    projectId: v.projectId ?? null,
    regionCode: v.regionCode,
    place: v.place?.trim() ?? '',
    lat: v.lat ?? undefined,
    lng: v.lng ?? undefined,
    radiusM: v.radiusM ?? 300,
    startsAt: v.startsAt?.toISOString(),
    endsAt: v.endsAt?.toISOString(),
    recruitLimit: v.recruitLimit ?? undefined,
    requiredSkills: v.requiredSkills ?? [],
    teamOnly: !!v.teamOnly,
    description: v.description?.trim() ? v.description.trim() : null,
  };
}
