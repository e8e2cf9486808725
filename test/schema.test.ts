import { describe, expect, it } from "vitest";
import { buildSchema } from "../src/schema.js";

const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID", "Query", "Mutation"]);

describe("schema", () => {
  it("describes every type, field, argument and enum value", () => {
    const missing: string[] = [];
    // Duck-typed on purpose: test code and the schema may load different builds (ESM/CJS) of graphql.
    for (const type of Object.values(buildSchema().getTypeMap()) as any[]) {
      if (type.name.startsWith("__")) continue;
      if (!type.description && !BUILT_IN.has(type.name)) missing.push(type.name);
      if (typeof type.getFields === "function") {
        for (const field of Object.values(type.getFields()) as any[]) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (typeof type.getValues === "function") for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
