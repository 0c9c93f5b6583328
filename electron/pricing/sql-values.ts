// Literal tables built from the domain's constants, so SQL and TypeScript read one definition.
import { DRIVER_UNITS } from '../../shared/domain/pricing/drivers';

import { quote } from '../db/sql-literal';

/** (unit, periods, per_region) for every unit a driver may use. */
export const UNITS_SQL = `(VALUES ${DRIVER_UNITS.map((u) => `(${quote(u.unit)}, CAST(${u.periods} AS DECIMAL(7,2)), ${u.basis === 'per_region'})`).join(", ")}) AS u(unit, periods, per_region)`;

/** Provenance status → the quality code cost lines carry: 0 sourced, 1 estimated, 2 unverified. */
export const qualitySql = (status: string) => `CASE ${status} WHEN 'sourced' THEN 0 WHEN 'derived' THEN 1 ELSE 2 END`;

/** A sum of fen as an exact 元 decimal with two places. */
export const yuanSql = (fen: string) => `CAST(CAST(${fen} AS DECIMAL(36,0)) * CAST(0.01 AS DECIMAL(3,2)) AS VARCHAR)`;

