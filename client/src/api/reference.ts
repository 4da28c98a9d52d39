import { api } from './http';

export interface Department {
  code: string;
  name: string;
  nameEn: string;
}

let departments: Promise<Department[]> | null = null;

/** Department kinds, fetched once per page load (a short list that never changes while it runs). */
export function loadDepartments(): Promise<Department[]> {
  departments ??= api<{ departments: Department[] }>('GET', '/api/departments').then((r) => r.departments);
  departments.catch(() => (departments = null));
  return departments;
}

export function departmentName(list: Department[] | undefined, code: string | null | undefined, english: boolean): string {
  if (!code) return '';
  const d = list?.find((x) => x.code === code);
  return d ? (english ? d.nameEn : d.name) : code;
}
