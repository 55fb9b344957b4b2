import fs from 'node:fs';
import { MinzhengError } from '../errors.js';
import { groupByKeys } from '../group-by.js';
import { GAZETTEER_FILE } from './gazetteer-file.js';
import { levelOf, prefectureCodeOf, provinceCodeOf } from './levels.js';
import type { GazetteerTable, PlaceUnit } from './types.js';

/** China's administrative divisions: every unit by code, full name, short name and pinyin id. */
export class Gazetteer {
  readonly units: readonly PlaceUnit[];
  readonly version: string;
  private readonly byCode = new Map<string, PlaceUnit>();
  private readonly byName: Map<string, PlaceUnit[]>;
  private byParent: Map<string, PlaceUnit[]> | undefined;

  constructor(table: GazetteerTable) {
    this.version = `${table.source}@${table.version}`;
    const codes = new Set(table.units.map(([code]) => code));
    this.units = table.units.map(([code, name, short, id]) => {
      const level = levelOf(code, name);
      const province = provinceCodeOf(code);
      const prefecture = prefectureCodeOf(code);
      const parent = code === province ? '' : code !== prefecture && codes.has(prefecture) ? prefecture : province;
      return { code, name, short, id, level, parent, province };
    });
    for (const unit of this.units) this.byCode.set(unit.code, unit);
    this.byName = groupByKeys(this.units, (unit) => [unit.name, unit.short, unit.id]);
  }

  /** Reads the table `npm run build` compiled; a missing or damaged table names the command that rebuilds it. */
  static load(file = GAZETTEER_FILE): Gazetteer {
    let table: GazetteerTable;
    try {
      table = JSON.parse(fs.readFileSync(file, 'utf8')) as GazetteerTable;
    } catch (error) {
      throw new MinzhengError('GAZETTEER_UNUSABLE', `cannot read the gazetteer ${file} (${(error as Error).message}); run npm run build`);
    }
    if (!Array.isArray(table.units) || table.units.length < 3000) {
      throw new MinzhengError('GAZETTEER_UNUSABLE', `the gazetteer ${file} is incomplete; run npm run build`);
    }
    return new Gazetteer(table);
  }

  byCodeOf(code: string): PlaceUnit | undefined {
    return this.byCode.get(code);
  }

  /** Units whose full name, short name or pinyin id is exactly `key`. */
  named(key: string): readonly PlaceUnit[] {
    return this.byName.get(key) ?? [];
  }

  parentOf(unit: PlaceUnit): PlaceUnit | undefined {
    return unit.parent ? this.byCode.get(unit.parent) : undefined;
  }

  /** The units right below `unit` (a city's districts and counties). */
  childrenOf(unit: PlaceUnit): readonly PlaceUnit[] {
    this.byParent ??= groupByKeys(this.units, (child) => (child.parent ? [child.parent] : []));
    return this.byParent.get(unit.code) ?? [];
  }

  provinceOf(unit: PlaceUnit): PlaceUnit {
    return this.byCode.get(unit.province) ?? unit;
  }

  /** True when `unit` is `ancestor` or lies inside it. */
  isWithin(unit: PlaceUnit, ancestor: PlaceUnit): boolean {
    for (let current: PlaceUnit | undefined = unit; current; current = this.parentOf(current)) {
      if (current.code === ancestor.code) return true;
    }
    return false;
  }

  /** 朝阳区 (吉林省长春市, 220104): enough to tell same-named units apart. */
  describe(unit: PlaceUnit): string {
    const chain: string[] = [];
    for (let current = this.parentOf(unit); current; current = this.parentOf(current)) chain.unshift(current.name);
    return chain.length > 0 ? `${unit.name}(${chain.join('')}, ${unit.code})` : `${unit.name}(${unit.code})`;
  }
}

