import type { Router } from "../../connectors/router.js";
import { refLoader } from "../../common/loaders.js";
import type { QuoteLineModel, QuoteModel } from "../../models/quote.js";

/** Per-request loaders for quotes. */
export function createQuoteLoaders(router: Router) {
  const quotes = (source: string) => router.readerOf("quotes", source);
  return {
    quote: refLoader<QuoteModel | null>((source, keys) => quotes(source).byKeys(keys)),
    quoteLines: refLoader<QuoteLineModel[]>((source, keys) => quotes(source).linesOf(keys)),
  };
}
