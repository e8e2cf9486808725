import type { ConnectionModel } from "./pagination.js";
import { toGlobalId } from "./ids.js";

/** The `id` resolver of a type whose models carry `source` and `key`. */
export function globalIdOf(type: string) {
  return (model: { source: string; key: string }): string => toGlobalId(model.source, type, model.key);
}

/** Resolvers shared by every `…Connection` type: `totalCount` is counted only when asked for. */
export const connectionResolvers = {
  totalCount: (connection: ConnectionModel<unknown>) => connection.count(),
};
