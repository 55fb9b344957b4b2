import { indicatorById } from './catalogue.js';
import type { IndicatorDef } from './types.js';

/** A name people use for several standards at once: 低保标准 is the 城乡统一 one, or the 城市 and 农村 ones. */
export interface IndicatorFamily {
  id: string;
  name: string;
  aliases: readonly string[];
  members: readonly string[];
}

export const FAMILIES: readonly IndicatorFamily[] = [
  { id: 'dibao', name: '低保标准', aliases: ['最低生活保障标准', '城乡低保标准', '城乡最低生活保障标准', '低保'], members: ['dibao_unified', 'dibao_urban', 'dibao_rural'] },
  { id: 'tekun', name: '特困人员基本生活标准', aliases: ['特困供养标准', '特困人员供养标准', '特困标准', '城乡特困供养标准'], members: ['tekun_urban', 'tekun_rural'] },
  { id: 'orphan', name: '孤儿基本生活费', aliases: ['孤儿标准', '孤儿基本生活费标准', '孤儿养育标准'], members: ['orphan_basic', 'orphan_centralized', 'orphan_dispersed'] },
  { id: 'assistance_money', name: '低保和特困资金', aliases: ['低保特困资金'], members: ['assistance_funds', 'dibao_funds', 'tekun_funds'] },
  { id: 'disability_subsidies', name: '残疾人两项补贴标准', aliases: ['两项补贴标准', '残疾人两项补贴'], members: ['disability_living_subsidy', 'disability_care_subsidy'] },
];

function key(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s()（）]/g, '');
}

/** The family a name means exactly (id, name or alias), if any. */
export function familyNamed(input: string): IndicatorFamily | undefined {
  const wanted = key(input);
  return FAMILIES.find((family) => [family.id, family.name, ...family.aliases].some((name) => key(name) === wanted));
}

export function membersOf(family: IndicatorFamily): IndicatorDef[] {
  return family.members.map((id) => indicatorById(id)).filter((indicator) => indicator !== undefined);
}

/** The other members of the family an indicator belongs to. */
export function siblingsOf(indicatorId: string): IndicatorDef[] {
  const family = FAMILIES.find((candidate) => candidate.members.includes(indicatorId));
  return family ? membersOf(family).filter((member) => member.id !== indicatorId) : [];
}
