import type { Knex } from 'knex';

export interface DepartmentRow {
  code: string;
  name: string;
  nameEn: string;
}

/** Every department kind, in code order (a short, fixed list). */
export async function listDepartments(db: Knex): Promise<DepartmentRow[]> {
  return db('departments').select('code', 'name', 'name_en as nameEn').orderBy('code');
}

export async function departmentExists(db: Knex, code: string): Promise<boolean> {
  return Boolean(await db('departments').where({ code }).first('code'));
}
