import type { Config } from '../../config';
import { conventionTotalHours, HOURS_PER_LEGAL_DAY } from '../../domain/hours';
import { hoursOn, presenceWeekdays, scheduleWeeklyHours } from '../../domain/weeklySchedule';
import type { ConventionDocumentData, DocumentLanguage, LegalRepresentativeBlock, PostalAddress } from '../../documents/types';
import { translator } from '../../middleware/i18n';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { subjectRepository } from '../../models/subjectRepository';
import { userRepository } from '../../models/userRepository';
import { buildFrozenSnapshot, type FrozenConventionSnapshot } from '../conventions/frozenSnapshot';
import { signatoryContextOf } from '../conventions/signatories';

export type Institution = Config['institution'];

/** The convention's language is its student's (from the launch), French by default. */
export async function documentLanguageOf(db: Executor, convention: Convention): Promise<DocumentLanguage> {
  const student = await userRepository.findById(db, convention.studentUserId);
  return student?.locale === 'en' ? 'en' : 'fr';
}

/** The parties as they are now (a draft's preview) or as frozen at validation (the final document). */
export async function partiesOf(db: Executor, convention: Convention, source: 'live' | 'frozen'): Promise<FrozenConventionSnapshot> {
  const frozen = convention.frozenSnapshot as FrozenConventionSnapshot | null;
  if (source === 'frozen' && frozen) return frozen;
  return buildFrozenSnapshot(db, convention);
}

export const countryName = (code: string, language: DocumentLanguage) => {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

const present = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** A party only while the student is a minor on the first day: a representative entered before the dates changed is not printed. */
function legalRepresentativeOf(convention: Convention, language: DocumentLanguage): LegalRepresentativeBlock | undefined {
  const guardian = convention.legalRepresentative;
  if (!guardian || !signatoryContextOf(convention).minorStudent) return undefined;
  return {
    civility: guardian.civility,
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    email: guardian.email,
    phone: present(guardian.phone),
    address: {
      street: guardian.street,
      postalCode: guardian.postalCode,
      city: guardian.city,
      country: guardian.country && guardian.country !== 'FR' ? countryName(guardian.country, language) : undefined,
    },
  };
}

/** Everything the convention PDF prints, read from the convention row and its parties. */
export async function conventionDocumentData(
  db: Executor,
  convention: Convention,
  parties: FrozenConventionSnapshot,
  options: { institution: Institution; language: DocumentLanguage; final: boolean },
): Promise<ConventionDocumentData> {
  const { language, institution } = options;
  const t = translator(language);
  const subject = convention.subjectId ? await subjectRepository.findById(db, convention.subjectId) : undefined;
  const { organisation, service, professionalTutor: tutor, signatory, academicTutor } = parties;
  const student = convention.student;
  const schedule = convention.weeklySchedule ?? [];
  const totalHours = conventionTotalHours(convention);
  const organisationAddress: PostalAddress = {
    street: organisation?.street ?? '',
    postalCode: organisation?.postalCode ?? '',
    city: organisation?.city ?? '',
  };
  return {
    reference: convention.reference ?? '',
    language,
    academicYear: convention.academicYear,
    university: {
      institutionName: institution.name,
      address: institution.address,
      phone: institution.phone,
      email: institution.email,
      dean: institution.dean,
    },
    programme: { title: parties.programme.title, yearlyTeachingHours: parties.programme.teachingHours ?? 0 },
    student: {
      civility: student.civility,
      firstName: student.firstName,
      lastName: student.lastName,
      birthDate: student.birthDate ?? '',
      address: {
        street: student.street ?? '',
        postalCode: student.postalCode ?? '',
        city: student.city ?? '',
        country: student.country && student.country !== 'FR' ? countryName(student.country, language) : undefined,
      },
      phone: student.phone,
      email: student.personalEmail || student.email,
      studentNumber: student.studentNumber,
      healthInsurance: { fund: student.healthInsuranceFund ?? '', affiliation: student.healthInsuranceAffiliation },
    },
    host: {
      name: organisation?.name ?? '',
      siret: present(organisation?.siret),
      naf: present(organisation?.naf),
      legalStatus: present(organisation?.legalStatus),
      address: organisationAddress,
      country: countryName(organisation?.country ?? 'FR', language),
      countryCode: organisation?.country ?? 'FR',
      phone: present(organisation?.phone),
      email: present(organisation?.email),
      website: present(organisation?.website),
      representative: {
        civility: present(signatory?.civility),
        firstName: signatory?.firstName ?? '',
        lastName: signatory?.lastName ?? '',
        function: signatory?.function ?? '',
        email: present(signatory?.email),
      },
    },
    service: {
      name: service?.name ?? '',
      address:
        service && !service.sameAddress && service.street
          ? { street: service.street, postalCode: service.postalCode ?? '', city: service.city ?? '' }
          : undefined,
    },
    professionalTutor: {
      civility: present(tutor?.civility),
      firstName: tutor?.firstName ?? '',
      lastName: tutor?.lastName ?? '',
      function: tutor?.function ?? '',
      email: tutor?.email ?? '',
      phone: present(tutor?.phone),
    },
    academicTutor: {
      civility: present(academicTutor?.civility),
      firstName: academicTutor?.firstName ?? '',
      lastName: academicTutor?.lastName ?? '',
      email: academicTutor?.email ?? '',
    },
    internship: {
      type: convention.internshipType
        ? t(`student.internshipType.${convention.internshipType}`, { defaultValue: convention.internshipType })
        : '',
      subjectTitle: subject?.title ?? '',
      activities: convention.activities ?? '',
      skills: convention.skills ?? '',
      startDate: convention.startDate ?? '',
      endDate: convention.endDate ?? '',
      interruptions: convention.interruptions.map((period) => ({ from: period.start, to: period.end })),
      schedule: presenceWeekdays(schedule).map((day) => ({ day: t(`student.weekday.${day}`), hours: hoursOn(schedule, day) })),
      irregularSchedule: present(convention.irregularSchedule),
      weeklyHours: scheduleWeeklyHours(schedule),
      totalHours,
      totalDays: Math.round((totalHours / HOURS_PER_LEGAL_DAY) * 100) / 100,
      night: { present: convention.nightPresence, description: present(convention.nightDescription) },
      sunday: { present: convention.sundayPresence, description: present(convention.sundayDescription) },
      publicHoliday: { present: convention.holidayPresence, description: present(convention.holidayDescription) },
      place: present(convention.place),
      confidentiality: present(convention.confidentiality),
    },
    gratification: {
      amount: convention.gratificationAmount,
      unit: convention.gratificationUnit,
      paymentTerms: present(convention.paymentTerms),
    },
    benefits: {
      meals: present(convention.benefitMeals),
      lodging: present(convention.benefitLodging),
      travel: present(convention.benefitTravel),
    },
    leave: { daysGranted: convention.leaveDaysGranted, absenceTerms: present(convention.absenceTerms) },
    hostInternalRules: present(convention.hostInternalRules),
    legalRepresentative: legalRepresentativeOf(convention, language),
    validation: options.final
      ? { status: 'validated', date: parties.frozenAt.slice(0, 10) }
      : { status: convention.state === 'draft' ? 'draft' : 'submitted' },
  };
}
