import { bandOf, RUBRIC_DIMENSION_IDS, type RubricBandId, type RubricDimensionId } from './rubric';

/**
 * What each score of the self-assessment means, summarised from the partnership manual's rubric
 * ("guideposts" per band) and its advice on reading the result ("where to start next"). Shown
 * beside the scores; the team decides the score, this only helps it read the scale.
 */

export interface BandGuide {
  /** What a region in this band typically looks like on this dimension. */
  guidepost: string;
  /** Where the team could put its effort next. */
  next: string;
}

export interface DimensionGuide {
  id: RubricDimensionId;
  title: string;
  /** One line saying what the dimension measures. */
  description: string;
  bands: Record<RubricBandId, BandGuide>;
}

export const RUBRIC_GUIDE: Record<RubricDimensionId, DimensionGuide> = {
  'industry-engagement': {
    id: 'industry-engagement',
    title: 'Industry engagement',
    description: 'How strong and how deep the region’s working relationships with businesses of the sector are.',
    bands: {
      exploring: {
        guidepost:
          'Colleges, workforce and economic-development partners each reach out to employers on their own, and there is no place where business leaders meet all of them together.',
        next:
          'Get the public partners coordinated before approaching industry: form the core support team and agree on why a new way of working with business is needed (step 1 of the manual). Many Tables, Many Knocks and Universe of Connections are good first boards.',
      },
      developing: {
        guidepost:
          'A few venues bring sector employers in, but they serve one program’s or institution’s needs; attendance is thin or irregular, a critical mass of businesses is hard to keep, and staff rather than business leaders set the agenda.',
        next:
          'Move from occasional, program-by-program outreach to one long-term, strategic effort: firm up the regional support team and its case for change (step 1), and map today’s tables and knocks to see where effort is duplicated.',
      },
      active: {
        guidepost:
          'Business leaders of the sector have a regular forum of their own to work with each other and with education, workforce and economic-development partners; they set and champion their own agenda and can show progress on outcomes they chose.',
        next:
          'Look at staying power: plan how the partnership will last (the manual’s advice on sustainable implementation) and ask whether business leaders have the influence they want on the region’s education and training systems. Check that the support team can respond to the priorities industry sets.',
      },
      'role-model': {
        guidepost:
          'The partnership keeps drawing in new, influential business leaders, who lead its action teams and committees; it stops regularly to review what it has achieved and turns to the next opportunity or problem.',
        next:
          'Keep it durable: review how the partnership sustains itself and renews its leadership, test whether industry’s voice is really shaping the public systems, and keep the support team ready to act on what industry decides.',
      },
    },
  },
  'regional-coordination': {
    id: 'regional-coordination',
    title: 'Regional coordination',
    description: 'How far education, workforce and economic-development partners work with one another rather than side by side.',
    bands: {
      exploring: {
        guidepost:
          'Partners have no shared strategy for which industries to target or how to meet their needs, and each of them contacts employers separately.',
        next:
          'Start with the support team (step 1): coordination among the public partners is the foundation of any strong industry engagement. Time spent getting key organizations to commit to targeting and answering industry together pays off once businesses set an agenda. Universe of Connections shows who is missing.',
      },
      developing: {
        guidepost:
          'Some partners work together, for example a workforce board and a community college on training for current workers, but these links depend on grants or fade; outreach to business is coordinated only in small pockets, such as one pathway advisory group spanning schools and colleges.',
        next:
          'Turn occasional, grant-bound collaborations into a standing commitment: agree on shared target sectors, on roles and on who convenes (step 1), so the team is ready to act together once businesses bring their priorities.',
      },
      active: {
        guidepost:
          'Education, workforce and economic-development partners form a regional team that jointly decides how industry-led partnerships are started, backed and kept alive, and their leaders take part in delivering what the partnership has prioritised.',
        next:
          'Check whether the team’s involvement is changing the frontline services and programs for jobseekers, students and businesses, and whether the partnership’s information reaches frontline staff. The Frontline communication flows board maps that path.',
      },
      'role-model': {
        guidepost:
          'The partnership is where everyone turns to learn what the sector needs; public partners follow its lead when shaping their programs, and it survives when people leave or leaders change at partner organizations and companies.',
        next:
          'A real achievement. Keep asking how the partnership shapes what frontline staff do every day, and shorten the path information takes from the partnership to the people who serve jobseekers, students and businesses.',
      },
    },
  },
  'career-pathways': {
    id: 'career-pathways',
    title: 'Career pathway systems',
    description:
      'How industry and education partners keep talking so that programs across institutions stay matched to employers’ needs and serve students and jobseekers.',
    bands: {
      exploring: {
        guidepost: 'Each institution builds its own pathway programs, for example with one program’s advisory board, and employers have little say in them.',
        next:
          'Once a regional team is forming and industry engagement is becoming strategic, aim beyond single programs: work toward a pathway system in which industry can guide pathways across many institutions, not only inside one or between two.',
      },
      developing: {
        guidepost: 'Several institutions develop pathway programs, but there is no common strategy for making sure those programs answer industry demand.',
        next:
          'Bring the institutions’ separate programs under one industry-guided strategy: let the partnership’s employers set the priorities that pathways across the region’s schools, colleges and training providers respond to.',
      },
      active: {
        guidepost:
          'Schools, two- and four-year colleges and workforce training providers all back the partnership’s talent committee and act together on the priorities industry chose.',
        next:
          'Industry needs and course offerings keep changing: make sure there is a standing way for business leaders and education and training providers to keep talking, such as regional advisory meetings or the partnership’s talent team.',
      },
      'role-model': {
        guidepost:
          'Industry leaders lead the building of the pathway system: they point to the skill gaps that matter most, work with education and workforce partners on a strategy for the whole talent pipeline, and answer together for the direction they give several public partners.',
        next:
          'Treat the pathway system as never finished: keep the conversation between employers and providers going so pathways adapt as the labor market shifts.',
      },
    },
  },
};

/**
 * What a region in each band looks like overall, across the three dimensions (the manual's
 * one-line summary above each band of its rubric), in our words.
 */
export const BAND_DESCRIPTIONS: Record<RubricBandId, string> = {
  exploring: 'The regional team is looking for ways to coordinate its outreach to industry and to build closer partnerships with businesses.',
  developing:
    'Partnerships with business exist but are mostly run program by program or institution by institution; public partners coordinate with each other only on a small scale.',
  active:
    'An industry-led sector partnership is the shared table where partners work together and answer industry’s needs, and it shapes programs across several institutions.',
  'role-model':
    'A lasting industry-led partnership shows action and results, keeps drawing in new and influential business leaders, and shapes the region’s career pathway systems.',
};

/** The dimensions in display order. */
export const RUBRIC_GUIDES: readonly DimensionGuide[] = RUBRIC_DIMENSION_IDS.map((d) => RUBRIC_GUIDE[d]);

/** The band of a score with its guidepost and advice for a dimension; throws a RangeError for a bad score. */
export function guideFor(dimension: RubricDimensionId, score: number): { band: ReturnType<typeof bandOf> } & BandGuide {
  const band = bandOf(score);
  return { band, ...RUBRIC_GUIDE[dimension].bands[band.id] };
}
