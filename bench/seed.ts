import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/models/database';

/**
 * Bulk data at a university's scale, in a few statements of `insert … select generate_series` (no row goes
 * through the application): N conventions over ten academic years ending in the one of `today`, about 0.6 N
 * students, 0.15 N hosts with a contact each, programmes and teachers, the conventions' history (create, submit,
 * validate, return, cancel events) and the parties' signatures of those signed. Older years are mostly complete,
 * the current one spread over every state. Deterministic: the same N gives the same rows.
 *
 * Used by `npm run bench` and by tests of large data (test/models/queuePlan.test.ts); also a command:
 * `DATABASE_URL=… npx tsx bench/seed.ts --conventions 100000` (PGlite under --data-dir without DATABASE_URL).
 */
export interface SeedOptions {
  conventions: number;
  /** ISO date: the last academic year is the one containing it. */
  today: string;
}

export interface SeedResult {
  conventions: number;
  students: number;
  hosts: number;
  programmes: number;
  /** Rows the bench and tests can pick: a student with a draft of the current year, a host name, a student name. */
  sample: { draftConventionId: number; draftStudentUserId: number; hostName: string; studentLastName: string; studentNumber: string };
  firstStudentUserId: number;
  firstConventionId: number;
  seconds: number;
}

const firstNames = [
  'Camille',
  'Élodie',
  'Léa',
  'Hugo',
  'Chloé',
  'Lucas',
  'Inès',
  'Jules',
  'Manon',
  'Théo',
  'Zoé',
  'Noah',
  'Anaïs',
  'Louis',
  'Maëlle',
  'Nathan',
  'Sarah',
  'Enzo',
  'Océane',
  'Mathis',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
];
const hostKinds = ['Atelier', 'Société', 'Groupe', 'Cabinet', 'Laboratoire', 'Agence', 'Studio', 'Institut', 'Mairie de', 'Clinique'];
const cities = [
  ['Lyon', '69001'],
  ['Paris', '75011'],
  ['Marseille', '13001'],
  ['Toulouse', '31000'],
  ['Nantes', '44000'],
  ['Lille', '59000'],
  ['Rennes', '35000'],
  ['Grenoble', '38000'],
  ['Bordeaux', '33000'],
  ['Strasbourg', '67000'],
];
const abroad = ['DE', 'ES', 'BE', 'GB', 'IT', 'CA', 'CH', 'US'];

const array = (values: string[]) => `array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]`;
const accented = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ';
const plain = 'aaaaaaceeeeiiiinooooouuuuyy';
const searchable = (expression: string) => `translate(lower(${expression}), '${accented}', '${plain}')`;

async function one(db: Database, query: string): Promise<Record<string, unknown>> {
  const result = (await db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] };
  return result.rows[0];
}

export async function seedConventions(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const n = Math.max(10, Math.floor(options.conventions));
  const students = Math.ceil(n * 0.6);
  const hosts = Math.ceil(n * 0.15);
  const programmeCount = Math.max(5, Math.min(60, Math.ceil(n / 2000)));
  const teacherCount = Math.max(20, Math.ceil(n / 500));
  const [year, month] = options.today.split('-').map(Number);
  const currentStartYear = month >= 9 ? year : year - 1;
  const firstStartYear = currentStartYear - 9;
  const base = await one(
    db,
    `select (select coalesce(max(id), 0) from users) as u, (select coalesce(max(id), 0) from programmes) as p,
            (select coalesce(max(id), 0) from organisations) as o, (select coalesce(max(id), 0) from contacts) as c,
            (select coalesce(max(id), 0) from teachers) as t, (select coalesce(max(id), 0) from conventions) as v`,
  );
  const [u, p, o, c, t, v] = ['u', 'p', 'o', 'c', 't', 'v'].map((key) => Number(base[key]));
  const exec = (query: string) => db.execute(sql.raw(query));
  const fn = `(${array(firstNames)})`;
  const ln = `(${array(lastNames)})`;
  // Student k (1-based): first name, last name, number; the same expressions give the convention's snapshot.
  const first = (k: string) => `${fn}[1 + (${k}) % ${firstNames.length}]`;
  const last = (k: string) =>
    `case when (${k}) % 10 < 3 then ${ln}[1 + ((${k}) / ${firstNames.length}) % ${lastNames.length}] || '-' || ${ln}[1 + ((${k}) / 7) % ${lastNames.length}] else ${ln}[1 + ((${k}) / ${firstNames.length}) % ${lastNames.length}] end`;
  const number = (k: string) => `(21000000 + (${k}))::text`;

  await exec(`insert into programmes (id, iss, client_id, deployment_id, context_id, title, label, teaching_hours)
    select ${p} + g, 'https://seed.example', 'seed', 'seed', 'seed-programme-' || (${p} + g),
           (array['Licence pro', 'Master', 'BUT', 'Licence', 'DU'])[1 + g % 5] || ' ' ||
           (array['Informatique', 'Chimie', 'Droit', 'Gestion', 'Biologie', 'Histoire', 'Mécanique', 'Langues'])[1 + g % 8] || ' ' || g,
           'P' || g, 400 + (g % 5) * 50
    from generate_series(1, ${programmeCount}) g`);
  await exec(`insert into users (id, iss, sub, name, given_name, family_name, email, student_number)
    select ${u} + g, 'https://seed.example', 'seed-student-' || g, ${first('g')} || ' ' || ${last('g')}, ${first('g')}, ${last('g')},
           'student' || g || '@etu.seed.example', ${number('g')}
    from generate_series(1, ${students}) g`);
  await exec(`insert into memberships (user_id, programme_id, role, source)
    select ${u} + g, ${p} + 1 + g % ${programmeCount}, 'student', 'launch' from generate_series(1, ${students}) g`);
  await exec(`insert into teachers (id, programme_id, first_name, last_name, email)
    select ${t} + g, ${p} + 1 + g % ${programmeCount}, ${first('g * 3')}, ${last('g * 11')}, 'teacher' || g || '@univ.seed.example'
    from generate_series(1, ${teacherCount}) g`);
  const cityOf = (g: string) => `(${array(cities.map(([city]) => city))})[1 + (${g}) % ${cities.length}]`;
  const postalOf = (g: string) => `(${array(cities.map(([, postal]) => postal))})[1 + (${g}) % ${cities.length}]`;
  await exec(`insert into organisations (id, name, search_name, siret, headcount_band, street, postal_code, city, country, validated, source)
    select ${o} + g, name, ${searchable('name')}, case when country = 'FR' then lpad((${o} + g)::text, 9, '0') || '00014' end,
           (array['0', '1-9', '10-49', '50-249', '250-4999', '5000+'])[1 + g % 6], g || ' rue de la Gare', ${postalOf('g')}, ${cityOf('g')},
           country, g % 5 <> 0, case when country = 'FR' then 'register' else 'manual' end
    from (select g, (${array(hostKinds)})[1 + g % ${hostKinds.length}] || ' ' || ${ln}[1 + (g / 10) % ${lastNames.length}] || ' ' || ${cityOf('g / 3')} || ' ' || g as name,
                 case when g % 12 = 0 then (${array(abroad)})[1 + (g / 12) % ${abroad.length}] else 'FR' end as country
          from generate_series(1, ${hosts}) g) h`);
  await exec(`insert into contacts (id, organisation_id, civility, first_name, last_name, function, email)
    select ${c} + g, ${o} + g, case when g % 2 = 0 then 'Mme' else 'M.' end, ${first('g * 7')}, ${last('g * 13')}, 'Responsable', 'contact' || g || '@host.seed.example'
    from generate_series(1, ${hosts}) g`);

  // Convention g: year index g * 10 / n (ids grow with time, as in production); student and host spread over them.
  // States by age: the current year is in progress, the last one finishing, older ones complete (or cancelled).
  await exec(`insert into conventions (id, reference, student_user_id, programme_id, academic_year, state, student, organisation_id,
      professional_tutor_id, signatory_id, academic_tutor_id, internship_type, activities, start_date, end_date, weekly_schedule,
      computed_total_hours, gratification_amount, gratification_unit, last_completed_step, created_at, updated_at, submitted_at)
    select ${v} + g, 'CONV-' || (${firstStartYear} + y) || '-' || lpad((${v} + g)::text, 6, '0'), ${u} + k, ${p} + 1 + k % ${programmeCount},
           (${firstStartYear} + y) || '-' || (${firstStartYear} + y + 1), state,
           jsonb_build_object('firstName', ${first('k')}, 'lastName', ${last('k')}, 'email', 'student' || k || '@etu.seed.example',
                              'studentNumber', ${number('k')}, 'birthDate', '2003-05-14'),
           ${o} + h, ${c} + h, ${c} + h, ${t} + 1 + g % ${teacherCount}, 'compulsory', 'Développement et tests',
           case when state = 'draft' and g % 10 = 0 then null else start_date end,
           case when state = 'draft' and g % 10 = 0 then null else start_date + weeks * 7 - 3 end,
           '[7,7,7,7,7,0,0]'::jsonb, weeks * 35, case when weeks > 8 then 4.35 end, 'hour', case when state <> 'draft' then 10 when g % 10 = 0 then 4 else 9 end,
           start_date::timestamp - interval '60 days', start_date::timestamp - interval '30 days',
           case when state <> 'draft' then start_date::timestamp - interval '45 days' end
    from (select g, y, k, h, weeks, make_date(${firstStartYear} + y + 1, 1, 4) + ((g * 7919) % 210 - 90) as start_date,
                 case when y < 8 then (case when r < 90 then 'complete' when r < 96 then 'cancelled' else 'signed_by_parties' end)
                      when y = 8 then (case when r < 60 then 'complete' when r < 75 then 'signed_by_parties' when r < 85 then 'validated' when r < 92 then 'submitted' when r < 96 then 'cancelled' else 'draft' end)
                      else (case when r < 25 then 'draft' when r < 45 then 'submitted' when r < 60 then 'validated' when r < 75 then 'signed_by_parties' when r < 95 then 'complete' else 'cancelled' end)
                 end as state
          from (select g, least(9, (g - 1) * 10 / ${n}) as y, 1 + (g * 37) % ${students} as k, 1 + (g * 101) % ${hosts} as h,
                       4 + (g * 13) % 22 as weeks, (g * 53) % 100 as r
                from generate_series(1, ${n}) g) a) b`);
  const range = `id > ${v} and id <= ${v + n}`;
  await exec(`insert into convention_events (convention_id, actor_user_id, actor_role, event, from_state, to_state, at)
    select id, student_user_id, 'student', 'create', null, 'draft', created_at from conventions where ${range}
    union all
    select id, student_user_id, 'student', 'submit', 'draft', 'submitted', submitted_at from conventions where ${range} and state <> 'draft'
    union all
    select id, null, 'office', 'return', 'submitted', 'draft', created_at + interval '20 days' from conventions where ${range} and state = 'draft' and id % 4 = 0
    union all
    select id, null, 'office', 'validate', 'submitted', 'validated', submitted_at + interval '5 days' from conventions
      where ${range} and state in ('validated', 'signed_by_parties', 'complete')
    union all
    select id, null, 'office', 'cancel', 'submitted', 'cancelled', submitted_at + interval '6 days' from conventions where ${range} and state = 'cancelled'`);
  await exec(`insert into signatures (convention_id, party, signed_at, method)
    select c.id, party, c.start_date - 15, 'paper' from conventions c
      cross join unnest(array['student', 'host_signatory', 'professional_tutor', 'academic_tutor']) party
    where c.id > ${v} and c.id <= ${v + n} and c.state in ('signed_by_parties', 'complete')`);
  for (const [table, column] of [
    ['users', 'id'],
    ['programmes', 'id'],
    ['organisations', 'id'],
    ['contacts', 'id'],
    ['teachers', 'id'],
    ['conventions', 'id'],
  ]) {
    await exec(`select setval(pg_get_serial_sequence('${table}', '${column}'), (select max(${column}) from ${table}))`);
  }
  // Analysed for the planner, vacuumed so that index-only scans need not visit the heap (as autovacuum would do).
  await exec('vacuum analyze');
  const sample = await one(
    db,
    `select c.id as convention_id, c.student_user_id, o.name as host_name, c.student->>'lastName' as last_name, c.student->>'studentNumber' as student_number
     from conventions c join organisations o on o.id = c.organisation_id
     where c.id > ${v} and c.state = 'draft' and c.start_date is not null order by c.id desc limit 1`,
  );
  return {
    conventions: n,
    students,
    hosts,
    programmes: programmeCount,
    sample: {
      draftConventionId: Number(sample.convention_id),
      draftStudentUserId: Number(sample.student_user_id),
      hostName: String(sample.host_name),
      studentLastName: String(sample.last_name),
      studentNumber: String(sample.student_number),
    },
    firstStudentUserId: u + 1,
    firstConventionId: v + 1,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { conventions: { type: 'string', default: '10000' }, today: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const url = process.env.DATABASE_URL;
  const handle = url
    ? await openDatabase({ kind: 'postgres', url })
    : await openDatabase({ kind: 'pglite', dataDir: values['data-dir'] ?? '/tmp/pstage-seed-pglite' });
  try {
    const result = await seedConventions(handle.db, {
      conventions: Number(values.conventions),
      today: values.today ?? new Date().toISOString().slice(0, 10),
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await handle.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
