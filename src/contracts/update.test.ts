import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpdateDelegationBody } from './abroad';
import { UpdateProgrammeBody } from './catalogue';
import { UpdateRegisterBody } from './certificates';
import { UpdateClassBody, UpdateSessionBody } from './classes';
import { UpdateCodeItemBody } from './code-items';
import { UpdateInstitutionBody, UpdateLecturerBody } from './institutions';
import { UpdateLineBody } from './needs';
import { CreatePersonBody, PersonInput, UpdatePersonBody } from './people';
import { UpdateMultiyearBody, UpdatePlanBody, UpdatePlanLineBody } from './plans';
import { UpdateSponsorshipBody } from './postgraduate';
import { UpdateQualificationBody } from './qualifications';
import { ReportLayoutBody, ReportLayoutUpdate } from './report-layouts';
import { UpdateAssessmentBody } from './results';
import { createDefaults, updateOf, updateShape } from './update';
import { UpdateUserBody } from './users';

describe('update schemas (ADR 023)', () => {
  const Create = z.object({
    name: z.string().min(1),
    tier: z.string().default('NONE'),
    member: z.boolean().default(false),
    endsOn: z.string().nullable().default(null),
    note: z.string().nullable().optional(),
  });

  it('make every field optional and drop the defaults, so absent stays absent', () => {
    const Update = updateOf(Create);
    expect(Update.parse({})).toEqual({});
    expect(Object.keys(Update.parse({ name: 'x' }))).toEqual(['name']);
    expect(Update.parse({ endsOn: null, note: null })).toEqual({ endsOn: null, note: null });
    // The create still fills its defaults.
    expect(Create.parse({ name: 'x' })).toEqual({ name: 'x', tier: 'NONE', member: false, endsOn: null });
  });

  it('keep each field’s own checks', () => {
    const Update = z.object(updateShape(Create.shape));
    expect(Update.safeParse({ name: '' }).success).toBe(false);
    expect(Update.safeParse({ tier: 3 }).success).toBe(false);
    expect(Update.safeParse({ endsOn: null }).success).toBe(true);
  });

  it('read the create defaults from the contract', () => {
    expect(createDefaults(Create)).toEqual({ tier: 'NONE', member: false, endsOn: null });
    expect(createDefaults(PersonInput)).toEqual({
      ethnicity: 'KINH',
      partyMember: false,
      leadershipTier: 'NONE',
      status: 'WORKING',
    });
    expect(createDefaults(CreatePersonBody)).toEqual(createDefaults(PersonInput));
    expect(createDefaults(ReportLayoutBody)).toEqual({ effectiveTo: null });
  });

  // Every update body of the API: its smallest valid body parses to itself (no field added).
  const smallest: [string, z.ZodType, Record<string, unknown>][] = [
    ['person', UpdatePersonBody, { version: 1 }],
    ['delegation', UpdateDelegationBody, { version: 1 }],
    ['programme', UpdateProgrammeBody, {}],
    ['register', UpdateRegisterBody, {}],
    ['class', UpdateClassBody, { version: 1 }],
    ['session', UpdateSessionBody, {}],
    ['code', UpdateCodeItemBody, {}],
    ['institution', UpdateInstitutionBody, {}],
    ['lecturer', UpdateLecturerBody, {}],
    ['needs line', UpdateLineBody, {}],
    ['multiyear', UpdateMultiyearBody, {}],
    ['plan', UpdatePlanBody, {}],
    ['plan line', UpdatePlanLineBody, {}],
    ['sponsorship', UpdateSponsorshipBody, { version: 1 }],
    ['qualification', UpdateQualificationBody, {}],
    ['user', UpdateUserBody, {}],
    ['assessment', UpdateAssessmentBody, {}],
    ['report layout', ReportLayoutUpdate, { version: 1 }],
  ];
  it.each(smallest)('%s: parsing adds no field the body did not name', (_name, schema, body) => {
    expect(schema.parse(body)).toEqual(body);
  });
});
