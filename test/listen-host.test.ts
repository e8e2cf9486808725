import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("HOST", () => {
  it("defaults to localhost: the server is not reachable from other machines unless HOST says so", () => {
    expect(loadConfig({}).host).toBe("localhost");
  });

  it("HOST=0.0.0.0 listens on every interface (containers); an empty HOST is refused", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(() => loadConfig({ HOST: "" })).toThrow(/HOST/);
  });
});
