import { isAdmin } from "../../auth/principal.js";
import { toGlobalId } from "../../common/ids.js";
import { connectionResolvers } from "../../common/resolvers.js";
import type { Resolvers } from "../../generated/graphql.js";
import { commandStatusOf } from "../../models/command.js";
import { commandPayload } from "./mutation-payload.js";
import { commandById, COMMAND_SOURCE, listCommands, retryCommand } from "./command.service.js";

/** Resolvers of `schema/command.graphql`. */
export const commandResolvers: Resolvers = {
  Query: {
    command: (_, { id }, ctx) => commandById(ctx, id),
    commands: (_, args, ctx) => listCommands(ctx, args),
  },
  Mutation: {
    commandRetry: async (_, { id, idempotencyKey }, ctx) => {
      return commandPayload(ctx, await retryCommand(ctx, id, idempotencyKey));
    },
  },
  Command: {
    id: (command) => toGlobalId(COMMAND_SOURCE, "Command", command.key),
    status: (command) => commandStatusOf(command),
    attempts: (command) => command.deliveries.reduce((sum, d) => sum + d.attempts, 0),
    // A backend's error text is for operators: it can name hosts, accounts and internals.
    lastError: (command, _, ctx) => (isAdmin(ctx.principal) ? (command.deliveries.find((d) => d.lastError)?.lastError ?? null) : null),
    nextAttemptAt: (command) =>
      command.deliveries.map((d) => d.nextAttemptAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
  },
  CommandDelivery: {
    lastError: (delivery, _, ctx) => (isAdmin(ctx.principal) ? delivery.lastError : null),
  },
  CommandConnection: connectionResolvers,
};
