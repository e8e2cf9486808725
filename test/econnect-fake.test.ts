import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EconnectFake } from "./fakes/econnect/econnect-fake.js";

let fake: EconnectFake;
beforeAll(async () => {
  fake = await new EconnectFake("k-123").seed().start();
});
afterAll(() => fake.stop());

const parser = new XMLParser({ parseTagValue: false });

/** Calls a command the way the guide shows: POST, form-encoded, apikey among the parameters. */
async function call(command: string, params: Array<[string, string]>, apikey = "k-123") {
  const response = await fetch(`${fake.url}/nep/api/econnect/${command}.jsp`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([["apikey", apikey], ...params]).toString(),
  });
  return { http: response.status, packet: parser.parse(await response.text()).packet };
}

describe("the eConnect fake speaks the documented packet format", () => {
  it("an invalid api key is an error result, not a not-found", async () => {
    const { http, packet } = await call("account.get", [["id", "1"]], "wrong");
    expect(http).toBe(200);
    expect(packet).toMatchObject({ status: "up", result: "error", data: "invalid api key", command: "account.get" });
  });

  it("accounts are found by ID, CID or e-mail, added once, changed and removed", async () => {
    for (const params of [[["id", "2"]], [["cid", "C00002"]], [["email", "BUYER@globex.example"]]] as Array<Array<[string, string]>>) {
      expect((await call("account.get", params)).packet).toMatchObject({ result: "done", data: { account: { id: "2", cid: "C00002" } } });
    }
    const added = await call("account.add", [["cid", "W-9"], ["name", "Web shop customer"], ["email", "web9@example.com"]]);
    expect(added.packet.result).toBe("done");
    expect((await call("account.add", [["name", "Again"], ["email", "web9@example.com"]])).packet).toMatchObject({ result: "error", data: "duplicate email or cid" });
    const id = added.packet.data.id;
    expect((await call("account.set", [["id", id], ["phone", "555"]])).packet.result).toBe("done");
    expect((await call("account.del", [["id", id]])).packet.result).toBe("done");
    expect((await call("account.get", [["id", id]])).packet).toMatchObject({ result: "error", data: "account not found" });
    expect((await call("account.list", [["limit", "2"]])).packet.data.count).toBe("5");
  });

  it("invoice.register adjusts stock of the named store and applies a ref once", async () => {
    expect((await call("inventory.get", [["barcode", "4000000000003"]])).packet.data.item).toMatchObject({ code: "SKU-00003", onhand: "21" });
    const rows: Array<[string, string]> = [["cid", "C00001"], ["ref", "key-1"], ["code", "SKU-00003"], ["qty", "4"], ["price", "30.00"], ["store", "1"]];
    const first = await call("invoice.register", rows);
    const again = await call("invoice.register", rows);
    expect(first.packet.result).toBe("done");
    expect(again.packet.data).toEqual(first.packet.data);
    expect((await call("inventory.get", [["code", "SKU-00003"]])).packet.data.item.onhand).toBe("17");
  });

  it("can be told to go down or fail the next calls, and counts every request", async () => {
    const before = fake.requests.length;
    fake.goDown();
    expect((await call("account.get", [["id", "1"]])).http).toBe(503);
    fake.goUp();
    fake.failNext(1, 500);
    expect((await call("account.get", [["id", "1"]])).http).toBe(500);
    expect((await call("account.get", [["id", "1"]])).packet.result).toBe("done");
    expect((await call("nope.cmd", [])).packet.status).toBe("down");
    expect(fake.requests.length - before).toBe(4);
  });
});
