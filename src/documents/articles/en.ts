import type { ConventionWording } from './wording';

export const en: ConventionWording = {
  version: 'en-2026.2',
  documentTitle: 'Internship agreement',
  subtitle: 'French Education Code, articles L124-1 to L124-20 and D124-1 to D124-9 — academic year {academicYear}',
  footerNote: 'Standard articles version {version}',
  pageLabel: 'Page {n} / {total}',
  draftWatermark: 'DRAFT — not valid',
  draftBanner: 'DRAFT — not valid: this document must not be signed',
  validationStatus: {
    draft: 'draft',
    submitted: 'submitted for validation',
    validated: 'validated by the institution',
    signed: 'signed',
  },
  validationLine: 'Agreement status: {status}{date}',
  parties: {
    heading: 'Between the undersigned',
    intro: 'This agreement governs the relations between the parties below for the internship described hereafter.',
    university: 'The educational institution',
    host: 'The host organisation',
    student: 'The intern',
    legalRepresentative: 'Their legal representative (the intern is a minor on the first day)',
    programme: 'Programme of study',
  },
  labels: {
    institution: 'Institution',
    address: 'Address',
    representedBy: 'Represented by',
    deanFunction: 'Dean, by delegation of the university president',
    phone: 'Phone',
    email: 'E-mail',
    name: 'Name',
    siret: 'SIRET',
    naf: 'NAF / APE code',
    legalStatus: 'Legal status',
    country: 'Country',
    service: 'Host department',
    serviceAddress: 'Department address',
    birthDate: 'Date of birth',
    studentNumber: 'Student number',
    healthInsurance: 'Health insurance fund',
    affiliation: 'Affiliation no.',
    programmeTitle: 'Programme title',
    teachingHours: 'Yearly teaching volume',
    academicYear: 'Academic year',
    internshipType: 'Type of internship',
    subject: 'Internship subject',
    activities: 'Activities entrusted',
    skills: 'Skills to acquire or develop',
    period: 'Internship dates',
    interruptions: 'Interruptions',
    schedule: 'Weekly presence',
    workingDays: 'Days of presence',
    hoursPerDay: 'Hours per day',
    irregularSchedule: 'Irregular schedule',
    weeklyHours: 'Weekly presence',
    totalDuration: 'Total effective presence',
    night: 'Night presence',
    sunday: 'Sunday presence',
    publicHoliday: 'Public-holiday presence',
    place: 'Place of the internship',
    professionalTutor: 'Host tutor',
    academicTutor: 'Academic tutor',
    function: 'Position',
    amount: 'Gratification amount',
    paymentTerms: 'Payment terms',
    meals: 'Meals',
    lodging: 'Lodging',
    travel: 'Transport and travel expenses',
    otherBenefits: 'Other benefits',
    internalRules: 'Applicable rules',
    leaveDays: 'Leave granted',
    leaveTerms: 'Terms of leave and authorised absences',
    confidentiality: 'Specific clause',
    supervision: 'Supervision arrangements',
  },
  values: {
    periodRange: 'from {start} to {end}',
    interruption: 'from {from} to {to}',
    hoursPerDay: '{hours} h per day',
    dayHours: '{day} {hours} h',
    weeklyHours: '{hours} hours per week',
    totalDuration: '{hours} hours, i.e. {days} days of effective presence',
    teachingHours: '{hours} teaching hours per academic year (internship excluded)',
    yes: 'yes',
    no: 'no',
    none: 'none',
    perHour: 'per hour of presence',
    perMonth: 'per month',
    notProvided: 'not provided',
    leaveDays: '{days} day(s) of leave over the internship',
    noLeaveDays: 'no days of leave',
    leaveDaysUnstated: 'not stated',
  },
  articles: {
    purpose: {
      title: 'Article 1 — Purpose of the agreement',
      paragraphs: [
        'This agreement governs the relations between the host organisation, the educational institution and the intern. The internship is part of a curriculum and has an educational purpose; it may not be used to perform a regular task corresponding to a permanent post, to cope with a temporary increase in activity, to fill a seasonal job or to replace an absent employee (article L124-7 of the French Education Code).',
      ],
    },
    objective: {
      title: 'Article 2 — Purpose of the internship, activities and skills',
      paragraphs: [
        'The internship is a temporary period of practice in a professional environment during which the intern acquires professional skills and applies what they have learnt in their programme with a view to obtaining a degree or certification. The activities below were defined by the host organisation, together with the institution, according to the educational project.',
      ],
    },
    terms: {
      title: 'Article 3 — Dates, duration and presence of the intern',
      paragraphs: [
        'The duration of the internship is measured by the intern’s effective presence: 7 hours of presence, consecutive or not, count as one day, and 22 days count as one month (article D124-6). The host organisation’s rules on maximum daily and weekly working time, night presence, daily and weekly rest and public holidays apply to the intern (article L124-14).',
      ],
    },
    supervision: {
      title: 'Article 4 — Welcome and supervision of the intern',
      paragraphs: [
        'The intern is supervised by the academic tutor appointed by the institution and by the tutor appointed by the host organisation, named below.',
      ],
      defaultText:
        'The host tutor welcomes the intern, organises their activities and ensures that they comply with this agreement. The academic tutor makes sure the internship runs smoothly and that this agreement is respected; they contact the host tutor at least once during the internship and no later than halfway through, and may visit the place of the internship. The intern may refer any difficulty to the academic tutor at any time. Both tutors consult each other before any important decision about the internship.',
    },
    gratification: {
      title: 'Article 5 — Gratification',
      paragraphs: [
        'When the internship lasts more than two months, consecutive or not, i.e. beyond 308 hours of effective presence in the same academic year at the same host, the intern receives a gratification paid monthly and due from the first day (articles L124-6 and D124-6). Its hourly amount may not be lower than 15 % of the hourly social-security ceiling (article D124-8). In case of suspension or termination, the gratification is due in proportion to the effective presence.',
      ],
      due: 'The intern receives a gratification of {amount} {unit}.',
      noneDue:
        'No gratification is due: the effective presence ({hours} hours) does not exceed 308 hours, i.e. two months (articles L124-6 and D124-6 of the French Education Code). The host organisation may nevertheless pay one.',
      notPaidAboveThreshold:
        'No amount given although the effective presence ({hours} hours) exceeds 308 hours: a gratification is mandatory.',
    },
    benefits: {
      title: 'Article 6 — Benefits and access to employees’ rights',
      paragraphs: [
        'The intern has access to the staff restaurant or meal vouchers under the same conditions as the host’s employees, and to the reimbursement of transport costs provided for in article L3261-2 of the Labour Code. They have access to the social and cultural activities mentioned in article L2312-78 of the Labour Code under the same conditions as employees (article L124-16). Travel and lodging expenses incurred at the host’s request are covered under the host’s rules.',
      ],
    },
    socialProtection: {
      title: 'Article 7 — Social protection and work accidents',
      paragraphs: [
        'The intern keeps their previous social-protection scheme (health insurance) during the internship.',
        'Gratification at or below the exemption threshold (15 % of the hourly social-security ceiling): work accidents and occupational diseases are covered by the educational institution (article L412-8 2° of the Social Security Code). The host organisation reports any accident suffered by the intern, at work or while commuting, to the institution within 48 hours.',
        'Gratification above the exemption threshold: contributions are due on the excess and the host organisation provides work-accident cover and reports accidents to the primary health-insurance fund.',
      ],
      abroad:
        'Internship abroad: social protection depends on the host country and the applicable social-security agreements; a sheet on the host country’s rules is annexed to this agreement.',
    },
    civilLiability: {
      title: 'Article 8 — Civil liability and insurance',
      paragraphs: [
        'The host organisation and the intern declare that they hold civil-liability insurance. The intern undertakes to be insured for civil liability for the whole internship. When the host organisation provides the intern with a vehicle, it checks that its insurance policy covers that use.',
      ],
    },
    discipline: {
      title: 'Article 9 — Internal rules and discipline',
      paragraphs: [
        'The intern is subject to the discipline and to the provisions of the host organisation’s internal rules that apply to them, in particular on working hours, health and safety, which are brought to their attention before the internship starts. Only the educational institution may impose a disciplinary sanction; the host organisation informs it of any breach.',
      ],
      noRulesProvided:
        'The host organisation has stated no specific rules: the provisions of its internal rules on discipline, working hours, health and safety apply to the intern and are given to them on arrival.',
    },
    leave: {
      title: 'Article 10 — Absences and leave',
      paragraphs: [
        'In case of pregnancy, paternity or adoption, the intern is entitled to leave and authorised absences of the same length as employees (Labour Code articles L1225-16 to L1225-28, L1225-35, L1225-37 and L1225-46). Any other absence is reported without delay to the host tutor and the academic tutor and, where applicable, justified.',
      ],
      longInternship:
        'As the internship exceeds two months, the intern is entitled to leave and authorised absences (article L124-13), on the terms set out below.',
      shortInternship:
        'For an internship of two months or less, leave and authorised absences may be granted by agreement between the parties; those agreed are set out below.',
      defaultAbsenceTerms:
        'Leave is taken in agreement with the host tutor, who informs the academic tutor. Absences for examinations or summons from the institution are authorised on proof. For any other temporary interruption of the internship (illness, unjustified absence…), the host organisation informs the institution in writing.',
    },
    suspension: {
      title: 'Article 11 — Suspension and termination',
      paragraphs: [
        'The internship may be suspended for illness, accident, pregnancy, paternity or adoption, or at the request of the institution or the intern for a serious reason. A party wishing to end the internship informs the other parties in writing; the reasons are examined jointly. The final decision to end the internship is taken only after this consultation. Any extension or change is made by an amendment signed by all parties.',
      ],
    },
    interruptedValidation: {
      title: 'Article 12 — Validation of an interrupted internship',
      paragraphs: [
        'When the intern interrupts the internship for illness, accident, pregnancy, paternity or adoption or, with the institution’s agreement, when the educational terms of this agreement are not respected or when the host organisation ends the agreement, the institution validates the internship even if it has not reached the length required by the curriculum, or offers an alternative way of validating the programme. If the parties agree, the end of the internship may also be postponed, in full or in part, by amendment (article L124-15).',
      ],
    },
    confidentiality: {
      title: 'Article 13 — Discretion and confidentiality',
      paragraphs: [
        'The intern undertakes not to disclose, during or after the internship, information obtained from the host organisation without its consent. The internship report may be made confidential at the host organisation’s request; the members of the examining board are then bound to secrecy.',
      ],
    },
    intellectualProperty: {
      title: 'Article 14 — Intellectual property',
      paragraphs: [
        'Under the Intellectual Property Code, when the intern’s activities result in a protected work, a host organisation wishing to use it concludes with the intern an assignment of rights stating in particular the scope of the rights assigned and any financial consideration.',
      ],
    },
    end: {
      title: 'Article 15 — End of the internship, certificate and evaluation',
      paragraphs: [
        'At the end of the internship, the host organisation gives the intern an internship certificate (attestation de stage) following the model of the order of 29 December 2014, stating the total effective duration of the internship and, where applicable, the total gratification received (article D124-9). The certificate is handed to the intern no later than the last day of the internship or sent without delay; it allows them to claim their pension rights.',
        'The host tutor completes an evaluation of the intern’s activity, sent to the academic tutor. The intern evaluates the quality of the welcome they received (article L124-4). The institution assesses the internship according to the programme’s rules.',
      ],
    },
    law: {
      title: 'Article 16 — Governing law',
      paragraphs: [
        'This agreement is governed exclusively by French law. Any dispute not settled amicably is brought before the competent French court.',
      ],
    },
  },
  signatures: {
    heading: 'Signatures',
    originals: 'Signed in three originals, one for each party: the institution, the host organisation and the intern.',
    placeAndDate: 'Done at ……………………………, on ………………',
    signature: 'Signature:',
    student: 'The intern',
    legalRepresentative: 'The minor intern’s legal representative',
    hostRepresentative: 'For the host organisation, its legal representative',
    professionalTutor: 'The host tutor',
    academicTutor: 'The academic tutor',
    dean: 'For the university president, by delegation, the dean',
    stamp: 'Stamp',
  },
  abroadAnnex: {
    title: 'Annex — Rules of the host country',
    intro:
      'Sheet annexed to agreement {reference} (article 7) for an internship abroad. It does not change the agreement; it gathers what the parties need to know about the host country’s rules.',
    labels: { country: 'Host country', host: 'Host organisation', period: 'Internship dates' },
    lawHeading: 'Applicable law',
    law: [
      'The agreement is governed by French law (article 16): the internship falls under the French Education Code (articles L124-1 to L124-20 and D124-1 to D124-9). The mandatory rules of the host country nevertheless apply locally, in particular on working time, rest, public holidays, health and safety, entry and residence.',
      'Work-accident cover by the institution (article L412-8 2° of the Social Security Code) only applies to an internship of at most six months, with a gratification no higher than the exemption threshold, carried out solely at the signatory organisation; otherwise the host organisation must insure the intern under local law. Any accident is reported to the institution within 48 hours.',
    ],
    europe:
      'Country of the European Union, the European Economic Area or Switzerland: the intern keeps their French health insurance and asks their fund for a European Health Insurance Card before leaving.',
    outsideEurope:
      'Country outside the European Union, the European Economic Area and Switzerland: check whether a bilateral social-security agreement with France exists; otherwise the intern takes out health insurance covering the whole stay (for instance with the Caisse des Français de l’étranger) and repatriation insurance.',
    officeHeading: 'To be completed by the internship office',
    officeIntro: 'Rules specific to the host country, checked for this internship:',
    officeItems: [
      'Social protection and health insurance',
      'Work accidents and civil liability',
      'Visa, residence permit, work permit',
      'Local gratification rules, contributions and taxes',
      'Local working time, leave and public holidays',
      'Useful contacts (embassy, consulate, organisation)',
    ],
    officeSignature: 'For the internship office — name, date and signature',
  },
};
