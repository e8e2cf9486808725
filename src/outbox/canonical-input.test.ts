import { describe, expect, it } from "vitest";
import { canonical } from "./canonical-input.js";

describe("canonical", () => {
  it("sorts object keys at every depth", () => {
    expect(canonical({ b: 1, a: { d: [1, 2], c: "x" } })).toBe('{"a":{"c":"x","d":[1,2]},"b":1}');
    expect(canonical({ a: { c: "x", d: [1, 2] }, b: 1 })).toBe(canonical({ b: 1, a: { d: [1, 2], c: "x" } }));
  });

  it("keeps the order of arrays: lines in another order are another input", () => {
    expect(canonical([{ sku: "A" }, { sku: "B" }])).toBe('[{"sku":"A"},{"sku":"B"}]');
    expect(canonical([{ sku: "A" }, { sku: "B" }])).not.toBe(canonical([{ sku: "B" }, { sku: "A" }]));
  });

  it("leaves out keys whose value is undefined, as JSON does, but keeps null", () => {
    expect(canonical({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonical({ a: 1, b: undefined })).toBe(canonical({ a: 1 }));
    expect(canonical({ a: 1, b: null })).toBe('{"a":1,"b":null}');
    expect(canonical({ a: 1, b: null })).not.toBe(canonical({ a: 1 }));
  });

  it("writes scalars as JSON, and undefined or null as null", () => {
    expect(canonical("a\"b")).toBe('"a\\"b"');
    expect(canonical(12.5)).toBe("12.5");
    expect(canonical(false)).toBe("false");
    expect(canonical(null)).toBe("null");
    expect(canonical(undefined)).toBe("null");
    expect(canonical([undefined, null])).toBe("[null,null]");
  });

  it("keeps types apart: the number 1 and the string \"1\" differ", () => {
    expect(canonical({ quantity: 1 })).not.toBe(canonical({ quantity: "1" }));
  });

  it("escapes keys, so a key cannot pass for structure", () => {
    expect(canonical({ 'a":1,"b': 2 })).toBe('{"a\\":1,\\"b":2}');
    expect(canonical({ 'a":1,"b': 2 })).not.toBe(canonical({ a: 1, b: 2 }));
  });

  it("empty objects and arrays", () => {
    expect(canonical({})).toBe("{}");
    expect(canonical([])).toBe("[]");
  });
});
