import { fixtureFor } from '../kit/testing';
import { careerPathways } from './index';

/**
 * Upper Valley healthcare pathways: four industry needs, ten programs across six institutions.
 * Edge cases: an institution written two ways on programs, a program whose institution has no
 * card, a need no program answers, a need whose only pathway takes no beginners, a program that
 * is both a dead end and unlinked to industry, an Answers arrow drawn backwards, a Leads to arrow
 * from a program to a need (misdrawn), a loose arrow, an empty program card and a sticky.
 */
export function careerPathwaysFixture() {
  const f = fixtureFor(careerPathways);
  const need = (n: number) => ({ zone: 'needs', x: 30 + n * 255, y: 80 });
  const prog = (col: number, row: number) => ({ zone: 'programs', x: 30 + col * 255, y: 60 + row * 215 });
  const inst = (n: number) => ({ zone: 'institutions', x: 30 + (n % 3) * 290, y: 70 + Math.floor(n / 3) * 180 });

  const rn = f.item('industry-need', { name: 'Registered nurse', openings: 120, source: 'Talent task force, 2026' }, need(0));
  const surgTech = f.item('industry-need', { name: 'Surgical technologist', openings: 40 }, need(1));
  const aide = f.item('industry-need', { name: 'Home health aide', openings: 200 }, need(2));
  const coder = f.item('industry-need', { name: 'Medical coder', openings: 25 }, need(3));

  const academy = f.item('pathway-program', { name: 'Health careers academy', institution: 'Upper Valley Unified', credential: '6 dual-credit hours', stackable: true, entryPoint: true }, prog(0, 0));
  const bridge = f.item('pathway-program', { name: 'Healthcare bridge', institution: 'Northside Adult Education', supportServices: 'Tutoring, childcare', entryPoint: true }, prog(0, 1));
  const cna = f.item('pathway-program', { name: 'Certified nursing assistant', institution: 'Valley Community College', credential: 'State CNA licence', stackable: true, leadsToJob: true }, prog(1, 0));
  const lpn = f.item('pathway-program', { name: 'Practical nursing (LPN)', institution: 'valley  community college', credential: 'LPN licence', stackable: true }, prog(2, 0));
  const adn = f.item('pathway-program', { name: 'Associate degree in nursing', institution: 'Valley Community College', credential: 'RN licence', leadsToJob: true }, prog(3, 0));
  const bsn = f.item('pathway-program', { name: 'BSN completion', institution: 'State University', credential: 'Bachelor of nursing', leadsToJob: true }, prog(4, 0));
  const surgical = f.item('pathway-program', { name: 'Surgical technology AAS', institution: 'Valley Community College', credential: 'AAS, certification exam' }, prog(1, 2));
  const phlebotomy = f.item('pathway-program', { name: 'Phlebotomy certificate', institution: 'Riverside Career Institute', entryPoint: true }, prog(0, 3));
  const hha = f.item('pathway-program', { name: 'Home health aide training', institution: 'Upper Valley Workforce Board', supportServices: 'Bus passes', entryPoint: true, leadsToJob: true }, prog(2, 2));
  const emptyProgram = f.item('pathway-program', {}, prog(3, 3));

  f.connect('leads-to', academy, cna, { link: 'credits' });
  f.connect('leads-to', bridge, cna, { link: 'referral' });
  f.connect('leads-to', cna, lpn, { link: 'agreement' });
  f.connect('leads-to', lpn, adn, { link: 'credits' });
  f.connect('leads-to', adn, bsn, { link: 'credits' });
  f.connect('answers', adn, rn);
  f.connect('answers', bsn, rn);
  f.connect('answers', cna, aide);
  // Drawn from the need to the program: still an answer.
  f.connect('answers', aide, hha);
  f.connect('answers', surgical, surgTech);
  const misdrawn = f.connect('leads-to', phlebotomy, coder);
  const loose = f.connect('leads-to', surgical, null);

  const unified = f.item('institution', { name: 'Upper Valley Unified', type: 'k12', openness: 'open' }, inst(0));
  const adultEd = f.item('institution', { name: 'Northside Adult Education', type: 'adult-education', openness: 'open' }, inst(1));
  const college = f.item('institution', { name: 'Valley Community College', type: 'community-college', openness: 'open' }, inst(2));
  const university = f.item('institution', { name: 'State University', type: 'university', openness: 'closed' }, inst(3));
  const riverside = f.item('institution', { name: 'Riverside Career Institute', type: 'workforce', openness: 'closed' }, inst(4));
  f.sticky('Ask the hospitals about coder apprenticeships', need(4));

  return {
    records: f.build(),
    ids: {
      rn, surgTech, aide, coder, academy, bridge, cna, lpn, adn, bsn, surgical, phlebotomy, hha, emptyProgram, misdrawn, loose,
      unified, adultEd, college, university, riverside,
    },
  };
}
