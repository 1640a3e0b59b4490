import type { ConventionWording } from './wording';

export const fr: ConventionWording = {
  version: 'fr-2026.2',
  documentTitle: 'Convention de stage',
  subtitle: 'Articles L124-1 à L124-20 et D124-1 à D124-9 du code de l’éducation — année universitaire {academicYear}',
  footerNote: 'Articles types version {version}',
  pageLabel: 'Page {n} / {total}',
  draftWatermark: 'BROUILLON — document non valable',
  draftBanner: 'BROUILLON — document non valable : ce document ne doit pas être signé',
  validationStatus: {
    draft: 'brouillon',
    submitted: 'soumise à validation',
    validated: 'validée par l’établissement',
    signed: 'signée',
  },
  validationLine: 'Statut de la convention : {status}{date}',
  parties: {
    heading: 'Entre les soussignés',
    intro: 'La présente convention règle les rapports entre les parties ci-dessous, dans le cadre du stage décrit ci-après.',
    university: 'L’établissement d’enseignement',
    host: 'L’organisme d’accueil',
    student: 'Le ou la stagiaire',
    legalRepresentative: 'Son représentant légal (stagiaire mineur(e) au premier jour du stage)',
    programme: 'Formation suivie',
  },
  labels: {
    institution: 'Établissement',
    address: 'Adresse',
    representedBy: 'Représenté par',
    deanFunction: 'Doyen ou doyenne, par délégation du président ou de la présidente de l’université',
    phone: 'Téléphone',
    email: 'Courriel',
    name: 'Nom',
    siret: 'SIRET',
    naf: 'Code NAF / APE',
    legalStatus: 'Statut juridique',
    country: 'Pays',
    service: 'Service d’accueil',
    serviceAddress: 'Adresse du service',
    birthDate: 'Date de naissance',
    studentNumber: 'Numéro d’étudiant',
    healthInsurance: 'Caisse d’assurance maladie',
    affiliation: 'N° d’affiliation',
    programmeTitle: 'Intitulé de la formation',
    teachingHours: 'Volume pédagogique annuel',
    academicYear: 'Année universitaire',
    internshipType: 'Type de stage',
    subject: 'Sujet du stage',
    activities: 'Activités confiées',
    skills: 'Compétences à acquérir ou à développer',
    period: 'Dates du stage',
    interruptions: 'Interruptions',
    schedule: 'Présence hebdomadaire',
    workingDays: 'Jours de présence',
    hoursPerDay: 'Heures par jour',
    irregularSchedule: 'Horaires irréguliers',
    weeklyHours: 'Durée hebdomadaire de présence',
    totalDuration: 'Durée totale de présence effective',
    night: 'Présence de nuit',
    sunday: 'Présence le dimanche',
    publicHoliday: 'Présence les jours fériés',
    place: 'Lieu du stage',
    professionalTutor: 'Tuteur ou tutrice de stage dans l’organisme d’accueil',
    academicTutor: 'Enseignant(e) référent(e)',
    function: 'Fonction',
    amount: 'Montant de la gratification',
    paymentTerms: 'Modalités de versement',
    meals: 'Restauration',
    lodging: 'Hébergement',
    travel: 'Frais de transport et de déplacement',
    otherBenefits: 'Autres avantages',
    internalRules: 'Règles applicables',
    leaveDays: 'Congés accordés',
    leaveTerms: 'Modalités des congés et autorisations d’absence',
    confidentiality: 'Clause particulière',
    supervision: 'Modalités d’encadrement',
  },
  values: {
    periodRange: 'du {start} au {end}',
    interruption: 'du {from} au {to}',
    hoursPerDay: '{hours} h par jour',
    dayHours: '{day} {hours} h',
    weeklyHours: '{hours} heures par semaine',
    totalDuration: '{hours} heures, soit {days} jours de présence effective',
    teachingHours: '{hours} heures d’enseignement par année universitaire (hors stage)',
    yes: 'oui',
    no: 'non',
    none: 'aucune',
    perHour: 'par heure de présence',
    perMonth: 'par mois',
    notProvided: 'non renseigné',
    leaveDays: '{days} jour(s) de congé sur la durée du stage',
    noLeaveDays: 'aucun jour de congé',
    leaveDaysUnstated: 'non précisé',
  },
  articles: {
    purpose: {
      title: 'Article 1 — Objet de la convention',
      paragraphs: [
        'La présente convention règle les rapports de l’organisme d’accueil avec l’établissement d’enseignement et le ou la stagiaire. Le stage s’inscrit dans un cursus pédagogique et a une finalité pédagogique ; il ne peut pas avoir pour objet l’exécution d’une tâche régulière correspondant à un poste de travail permanent, de faire face à un accroissement temporaire de l’activité, d’occuper un emploi saisonnier ou de remplacer un salarié absent (article L124-7 du code de l’éducation).',
      ],
    },
    objective: {
      title: 'Article 2 — Objectif du stage, activités et compétences',
      paragraphs: [
        'Le stage correspond à une période temporaire de mise en situation en milieu professionnel au cours de laquelle le ou la stagiaire acquiert des compétences professionnelles et met en œuvre les acquis de sa formation en vue de l’obtention d’un diplôme ou d’une certification. Les activités ci-dessous ont été définies par l’organisme d’accueil, en lien avec l’établissement, en fonction du projet pédagogique.',
      ],
    },
    terms: {
      title: 'Article 3 — Dates, durée et présence du stagiaire',
      paragraphs: [
        'La durée du stage s’apprécie en tenant compte de la présence effective du ou de la stagiaire : 7 heures de présence, consécutives ou non, valent un jour, et 22 jours valent un mois (article D124-6). Les règles de l’organisme d’accueil relatives aux durées maximales quotidienne et hebdomadaire de présence, à la présence de nuit, aux repos quotidien et hebdomadaire et aux jours fériés s’appliquent au ou à la stagiaire (article L124-14).',
      ],
    },
    supervision: {
      title: 'Article 4 — Accueil et encadrement du stagiaire',
      paragraphs: [
        'Le ou la stagiaire est suivi(e) par l’enseignant(e) référent(e) désigné(e) par l’établissement et par le tuteur ou la tutrice désigné(e) par l’organisme d’accueil, nommés ci-dessous.',
      ],
      defaultText:
        'Le tuteur ou la tutrice accueille le ou la stagiaire, organise ses activités et veille à leur conformité avec la présente convention. L’enseignant(e) référent(e) s’assure du bon déroulement du stage et du respect des stipulations de la convention ; il ou elle prend contact avec le tuteur ou la tutrice au moins une fois pendant le stage et au plus tard à mi-parcours, et peut se rendre sur le lieu du stage. Le ou la stagiaire peut saisir à tout moment l’enseignant(e) référent(e) de toute difficulté. Les deux tuteurs se concertent avant toute décision importante concernant le stage.',
    },
    gratification: {
      title: 'Article 5 — Gratification',
      paragraphs: [
        'Lorsque la durée du stage est supérieure à deux mois consécutifs ou non, soit au-delà de 308 heures de présence effective au cours d’une même année universitaire dans le même organisme, le stage fait l’objet d’une gratification versée mensuellement, due dès le premier jour du stage (articles L124-6 et D124-6). Son montant horaire ne peut être inférieur à 15 % du plafond horaire de la sécurité sociale (article D124-8). En cas de suspension ou de résiliation, la gratification est due au prorata de la durée de présence effective.',
      ],
      due: 'Le ou la stagiaire perçoit une gratification de {amount} {unit}.',
      noneDue:
        'Aucune gratification n’est due : la durée de présence effective ({hours} heures) ne dépasse pas 308 heures, soit deux mois (articles L124-6 et D124-6 du code de l’éducation). L’organisme d’accueil peut toutefois en verser une.',
      notPaidAboveThreshold:
        'Montant non renseigné alors que la présence effective ({hours} heures) dépasse 308 heures : une gratification est obligatoire.',
    },
    benefits: {
      title: 'Article 6 — Avantages et accès aux droits des salariés',
      paragraphs: [
        'Le ou la stagiaire a accès au restaurant d’entreprise ou aux titres-restaurant dans les mêmes conditions que les salariés de l’organisme, ainsi qu’à la prise en charge des frais de transport prévue à l’article L3261-2 du code du travail. Il ou elle a accès aux activités sociales et culturelles mentionnées à l’article L2312-78 du code du travail dans les mêmes conditions que les salariés (article L124-16). Les frais de déplacement et d’hébergement engagés à la demande de l’organisme d’accueil sont pris en charge selon les règles de celui-ci.',
      ],
    },
    socialProtection: {
      title: 'Article 7 — Protection sociale et accidents du travail',
      paragraphs: [
        'Le ou la stagiaire conserve son régime de protection sociale antérieur (assurance maladie) pendant le stage.',
        'Gratification inférieure ou égale au seuil de franchise (15 % du plafond horaire de la sécurité sociale) : la couverture des accidents du travail et des maladies professionnelles est assurée par l’établissement d’enseignement (article L412-8 2° du code de la sécurité sociale). L’organisme d’accueil déclare tout accident survenu au ou à la stagiaire, au travail ou sur le trajet, à l’établissement dans les 48 heures.',
        'Gratification supérieure au seuil de franchise : les cotisations sont dues sur la part excédentaire et l’organisme d’accueil assure la couverture des accidents du travail et effectue la déclaration auprès de la caisse primaire d’assurance maladie.',
      ],
      abroad:
        'Stage à l’étranger : la protection sociale dépend du pays d’accueil et des conventions de sécurité sociale applicables ; une fiche sur les règles du pays d’accueil est annexée à la présente convention.',
    },
    civilLiability: {
      title: 'Article 8 — Responsabilité civile et assurances',
      paragraphs: [
        'L’organisme d’accueil et le ou la stagiaire déclarent être garantis au titre de la responsabilité civile. Le ou la stagiaire s’engage à souscrire une assurance couvrant sa responsabilité civile pour toute la durée du stage. Lorsque l’organisme d’accueil met un véhicule à la disposition du ou de la stagiaire, il vérifie que sa police d’assurance couvre son utilisation.',
      ],
    },
    discipline: {
      title: 'Article 9 — Règlement intérieur et discipline',
      paragraphs: [
        'Le ou la stagiaire est soumis(e) à la discipline et aux clauses du règlement intérieur de l’organisme d’accueil qui lui sont applicables, notamment en matière d’horaires, d’hygiène et de sécurité, qui sont portées à sa connaissance avant le début du stage. Toute sanction disciplinaire ne peut être décidée que par l’établissement d’enseignement, qui est informé des manquements par l’organisme d’accueil.',
      ],
      noRulesProvided:
        'L’organisme d’accueil n’a pas indiqué de règles particulières : s’appliquent au ou à la stagiaire les clauses de son règlement intérieur relatives à la discipline, aux horaires, à l’hygiène et à la sécurité, qui lui sont remises à son arrivée.',
    },
    leave: {
      title: 'Article 10 — Absences et congés',
      paragraphs: [
        'En cas de grossesse, de paternité ou d’adoption, le ou la stagiaire bénéficie de congés et d’autorisations d’absence d’une durée équivalente à celle prévue pour les salariés (articles L1225-16 à L1225-28, L1225-35, L1225-37 et L1225-46 du code du travail). Toute autre absence est signalée sans délai au tuteur ou à la tutrice et à l’enseignant(e) référent(e) et, le cas échéant, justifiée.',
      ],
      longInternship:
        'Le stage dépassant deux mois, le ou la stagiaire bénéficie de congés et d’autorisations d’absence (article L124-13) : les modalités sont précisées ci-dessous.',
      shortInternship:
        'Pour un stage de deux mois au plus, des congés et autorisations d’absence peuvent être accordés d’un commun accord entre les parties ; ceux convenus sont précisés ci-dessous.',
      defaultAbsenceTerms:
        'Les congés sont pris en accord avec le tuteur ou la tutrice, qui en informe l’enseignant(e) référent(e). Les absences pour examens ou convocations de l’établissement sont autorisées sur justificatif. Pour toute autre interruption temporaire du stage (maladie, absence injustifiée…), l’organisme d’accueil avertit l’établissement par écrit.',
    },
    suspension: {
      title: 'Article 11 — Suspension et résiliation',
      paragraphs: [
        'Le stage peut être suspendu pour un motif lié à la maladie, à un accident, à la grossesse, à la paternité ou à l’adoption, ou à la demande de l’établissement ou du ou de la stagiaire pour un motif grave. L’organisme d’accueil, l’établissement ou le ou la stagiaire qui souhaite mettre fin au stage en informe les autres parties par écrit ; les raisons sont examinées en concertation. La décision définitive d’arrêt du stage n’intervient qu’à l’issue de cette concertation. Toute prolongation ou modification fait l’objet d’un avenant signé par toutes les parties.',
      ],
    },
    interruptedValidation: {
      title: 'Article 12 — Validation d’un stage interrompu',
      paragraphs: [
        'Lorsque le ou la stagiaire interrompt son stage pour un motif lié à la maladie, à un accident, à la grossesse, à la paternité, à l’adoption, ou, en accord avec l’établissement, en cas de non-respect des stipulations pédagogiques de la convention ou en cas de rupture de la convention à l’initiative de l’organisme d’accueil, l’établissement valide le stage, même s’il n’a pas atteint la durée prévue dans le cursus, ou propose une modalité alternative de validation de la formation. En cas d’accord des parties, un report de la fin du stage, en tout ou partie, est également possible par avenant (article L124-15).',
      ],
    },
    confidentiality: {
      title: 'Article 13 — Devoir de réserve et confidentialité',
      paragraphs: [
        'Le ou la stagiaire s’engage à ne pas diffuser, pendant et après le stage, les informations recueillies auprès de l’organisme d’accueil, sauf accord de celui-ci. Le rapport de stage peut faire l’objet d’une confidentialité demandée par l’organisme d’accueil ; les membres du jury sont alors tenus au secret.',
      ],
    },
    intellectualProperty: {
      title: 'Article 14 — Propriété intellectuelle',
      paragraphs: [
        'Conformément au code de la propriété intellectuelle, lorsque les activités du ou de la stagiaire donnent lieu à une création protégée, l’organisme d’accueil qui souhaite l’utiliser conclut avec lui ou elle un contrat de cession de droits précisant notamment l’étendue des droits cédés et l’éventuelle contrepartie financière.',
      ],
    },
    end: {
      title: 'Article 15 — Fin de stage, attestation et évaluation',
      paragraphs: [
        'À l’issue du stage, l’organisme d’accueil délivre au ou à la stagiaire une attestation de stage conforme au modèle de l’arrêté du 29 décembre 2014, mentionnant la durée effective totale du stage et, le cas échéant, le montant total de la gratification perçue (article D124-9). L’attestation est remise au ou à la stagiaire au plus tard le dernier jour du stage ou adressée sans délai ; elle lui permet de faire valoir ses droits à l’assurance vieillesse.',
        'Le tuteur ou la tutrice remplit une fiche d’évaluation de l’activité du ou de la stagiaire, transmise à l’enseignant(e) référent(e). Le ou la stagiaire évalue la qualité de l’accueil dont il ou elle a bénéficié (article L124-4). L’établissement évalue le stage selon les modalités de la formation.',
      ],
    },
    law: {
      title: 'Article 16 — Droit applicable',
      paragraphs: [
        'La présente convention est régie exclusivement par le droit français. Tout litige non résolu à l’amiable est soumis à la juridiction française compétente.',
      ],
    },
  },
  signatures: {
    heading: 'Signatures',
    originals:
      'Fait en trois exemplaires originaux, un pour chacune des parties : l’établissement, l’organisme d’accueil et le ou la stagiaire.',
    placeAndDate: 'Fait à …………………………, le ………………',
    signature: 'Signature :',
    student: 'Le ou la stagiaire',
    legalRepresentative: 'Le représentant légal du ou de la stagiaire mineur(e)',
    hostRepresentative: 'Pour l’organisme d’accueil, son représentant légal',
    professionalTutor: 'Le tuteur ou la tutrice de stage',
    academicTutor: 'L’enseignant(e) référent(e)',
    dean: 'Pour le président ou la présidente de l’université, par délégation, le doyen ou la doyenne',
    stamp: 'Cachet',
  },
  abroadAnnex: {
    title: 'Annexe — Règles du pays d’accueil',
    intro:
      'Fiche annexée à la convention {reference} (article 7) pour un stage à l’étranger. Elle ne modifie pas la convention ; elle rassemble ce que les parties doivent savoir des règles du pays d’accueil.',
    labels: { country: 'Pays d’accueil', host: 'Organisme d’accueil', period: 'Dates du stage' },
    lawHeading: 'Droit applicable',
    law: [
      'La convention est régie par le droit français (article 16) : le stage relève du code de l’éducation (articles L124-1 à L124-20 et D124-1 à D124-9). Les règles d’ordre public du pays d’accueil s’appliquent néanmoins sur place, notamment en matière de durée du travail, de repos, de jours fériés, de santé et de sécurité, d’entrée et de séjour.',
      'La couverture des accidents du travail par l’établissement (article L412-8 2° du code de la sécurité sociale) ne vaut que pour un stage d’au plus six mois, gratifié au plus au seuil de franchise, effectué exclusivement dans l’organisme signataire ; au-delà, l’organisme d’accueil doit assurer le ou la stagiaire selon le droit local. Tout accident est déclaré à l’établissement dans les 48 heures.',
    ],
    europe:
      'Pays de l’Union européenne, de l’Espace économique européen ou Suisse : le ou la stagiaire conserve son assurance maladie française et demande la carte européenne d’assurance maladie à sa caisse avant le départ.',
    outsideEurope:
      'Pays hors de l’Union européenne, de l’Espace économique européen et de la Suisse : vérifier s’il existe une convention bilatérale de sécurité sociale avec la France ; à défaut, le ou la stagiaire souscrit une assurance maladie couvrant tout le séjour (par exemple auprès de la Caisse des Français de l’étranger) et une assurance rapatriement.',
    officeHeading: 'À compléter par le service des stages',
    officeIntro: 'Règles propres au pays d’accueil, vérifiées pour ce stage :',
    officeItems: [
      'Protection sociale et assurance maladie',
      'Accidents du travail et responsabilité civile',
      'Visa, titre de séjour, autorisation de travail',
      'Gratification, cotisations et impôts locaux',
      'Durée du travail, congés et jours fériés locaux',
      'Contacts utiles (ambassade, consulat, organisme)',
    ],
    officeSignature: 'Pour le service des stages — nom, date et signature',
  },
};
