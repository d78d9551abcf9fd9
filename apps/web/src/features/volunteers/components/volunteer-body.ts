// Volunteer form values → `volunteerCreateBody`, and the record a duplicate registration points to.
import { isApiError } from '../../../api/client';

export interface VolunteerFormValues {
  name: string;
  idCard: string;
  phone: string;
  skills?: string[];
  serviceAreas?: string[];
  availability?: string[];
  politicalStatus?: string | null;
  education?: string | null;
  emergencyName?: string | null;
  emergencyPhone?: string | null;
  regionCode: string;
  siteId?: string | null;
}

/** Form values → volunteerCreateBody; blanks become null so the server sees "not given". */
export function toVolunteerBody(v: VolunteerFormValues) {
  const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    name: v.name,
    idCard: v.idCard?.trim().toUpperCase() ?? '',
    phone: v.phone?.trim() ?? '',
    skills: v.skills ?? [],
    serviceAreas: v.serviceAreas ?? [],
    availability: v.availability ?? [],
    politicalStatus: v.politicalStatus ?? null,
    education: v.education ?? null,
    emergencyName: blank(v.emergencyName),
    emergencyPhone: blank(v.emergencyPhone),
    regionCode: v.regionCode,
    siteId: v.siteId ?? null,
  };
}

/** The record a 409 VOLUNTEER_ALREADY_REGISTERED names (its details), when it names one. */
export function existingFrom(err: unknown): { id: string; number?: string; name?: string } | null {
  if (!isApiError(err, 'VOLUNTEER_ALREADY_REGISTERED')) return null;
  const d = (err.details as { existing?: { id?: string; number?: string; name?: string } } | null)?.existing;
  return d?.id ? { id: d.id, number: d.number, name: d.name } : null;
}
