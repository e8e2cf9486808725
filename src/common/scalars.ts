import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { isIsoDate, isIsoDateTime } from "./arguments.js";

function scalarError(name: string, detail: string): GraphQLError {
  return new GraphQLError(`${name} ${detail}`, { extensions: { code: "BAD_USER_INPUT" } });
}

/** Builds a string-backed scalar that validates its input with `parse`. */
function stringScalar(name: string, description: string, parse: (value: string) => string): GraphQLScalarType {
  const parseInput = (value: unknown): string => {
    if (typeof value !== "string") throw scalarError(name, "must be a string.");
    return parse(value);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
    parseValue: parseInput,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw scalarError(name, "must be a string literal.");
      return parseInput(ast.value);
    },
  });
}

/** Scalars of `schema/base.graphql`. */
export const scalarResolvers = {
  Decimal: stringScalar("Decimal", "A decimal number as a string.", (value) => {
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw scalarError("Decimal", `must look like "12.34", got "${value}".`);
    return value;
  }),
  DateTime: stringScalar("DateTime", "An ISO 8601 date-time.", (value) => {
    if (!isIsoDateTime(value)) throw scalarError("DateTime", `must be an ISO 8601 date-time of a real day, like "2026-11-01T09:30:00Z", got "${value}".`);
    return value;
  }),
  Date: stringScalar("Date", "An ISO 8601 calendar date.", (value) => {
    if (!isIsoDate(value)) throw scalarError("Date", `must be a real calendar date like "2026-12-24", got "${value}".`);
    return value;
  }),
  CurrencyCode: stringScalar("CurrencyCode", "An ISO 4217 currency code.", (value) => {
    if (!/^[A-Z]{3}$/.test(value)) throw scalarError("CurrencyCode", `must be three capital letters, got "${value}".`);
    return value;
  }),
};
