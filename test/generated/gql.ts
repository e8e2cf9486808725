/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AccessAccount($code: String!) { account(code: $code) { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }": typeof types.AccessAccountDocument,
    "query AccessViewer { viewer { kind account { id code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }": typeof types.AccessViewerDocument,
    "query AccessNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.AccessNodesDocument,
    "query AccessProduct($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { unitPrice { amount } account { code } } } }": typeof types.AccessProductDocument,
    "query AccessViewer2($b: ID!) { viewer { account { orders(first: 100, filter: { accountId: $b }) { totalCount nodes { account { code } } } quotes(filter: { accountId: $b }) { nodes { account { code } } } } } }": typeof types.AccessViewer2Document,
    "query AccessAccounts { accounts { nodes { id code } } }": typeof types.AccessAccountsDocument,
    "query AccessViewer3 { viewer { kind account { id } } products(first: 2) { nodes { sku price(quantity: 10) { source account { code } } inventory { available } } }\n        product(sku: \"SKU-00002\") { sku } warehouses { totalCount } categories { totalCount } category(slug: \"tools\") { slug } warehouse(code: \"WH-EAST\") { code } }": typeof types.AccessViewer3Document,
    "query AccessProduct2($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { source } } }": typeof types.AccessProduct2Document,
    "query AccessProducts($a: ID!, $b: ID!) { products(first: 1) { totalCount } product(sku: \"SKU-00001\") { sku a: price(accountId: $a) { account { code } } b: price(accountId: $b) { account { code } } } }": typeof types.AccessProductsDocument,
    "mutation AccessSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) {\n    customerAccessToken { accessToken expiresAt } userErrors { field code message } } }": typeof types.AccessSignInDocument,
    "query AccessViewer4 { viewer { kind account { code } } }": typeof types.AccessViewer4Document,
    "query AccessOrders { orders { nodes { id } } }": typeof types.AccessOrdersDocument,
    "query AccessAccounts2 { accounts { nodes { id } } }": typeof types.AccessAccounts2Document,
    "query AccessNode { node(id: \"abc\") { id } }": typeof types.AccessNodeDocument,
    "fragment AccountMutationsAccount on Account { id name email phone paymentTerms deletedAt syncStatus shipTos { id name isDefault address { city } } }": typeof types.AccountMutationsAccountFragmentDoc,
    "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n": typeof types.AccountCreateDocument,
    "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n": typeof types.AccountSyncByCodeDocument,
    "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n": typeof types.SignInInitechDocument,
    "\n  query ViewerKind { viewer { kind } }\n": typeof types.ViewerKindDocument,
    "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n": typeof types.CustomerAccessTokenDeleteDocument,
    "mutation AccountMutationsUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": typeof types.AccountMutationsUpdateDocument,
    "query AccountMutationsViewer { viewer { account { id } } }": typeof types.AccountMutationsViewerDocument,
    "query AccountMutationsAccount { account(code: \"C00002\") { id } }": typeof types.AccountMutationsAccountDocument,
    "mutation AccountMutationsShipToAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": typeof types.AccountMutationsShipToAddDocument,
    "mutation AccountMutationsShipToUpdate($input: ShipToUpdateInput!, $key: String!) { shipToUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": typeof types.AccountMutationsShipToUpdateDocument,
    "mutation AccountMutationsShipToRemove($id: ID!, $key: String!) { shipToRemove(shipToId: $id, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": typeof types.AccountMutationsShipToRemoveDocument,
    "mutation AccountMutationsAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { code } } }": typeof types.AccountMutationsAddDocument,
    "mutation AccountMutationsDelete($id: ID!, $key: String!) { accountDelete(account: { id: $id }, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": typeof types.AccountMutationsDeleteDocument,
    "query AccountMutationsAccount2 { account(code: \"C00002\") { id orders(first: 1) { nodes { id } } } }": typeof types.AccountMutationsAccount2Document,
    "query AccountMutationsAccount3 { account(code: \"C00002\") { id } }": typeof types.AccountMutationsAccount3Document,
    "query AccountMutationsViewer2 { viewer { kind } }": typeof types.AccountMutationsViewer2Document,
    "mutation AccountMutationsCustomerAccessTokenCreate { customerAccessTokenCreate(input: { email: \"buyer@globex.example\", password: \"globex-demo-2\" }) { userErrors { code } } }": typeof types.AccountMutationsCustomerAccessTokenCreateDocument,
    "query AccountMutationsOrder($id: ID!) { order(id: $id) { account { deletedAt } } }": typeof types.AccountMutationsOrderDocument,
    "mutation AccountMutationsOrderPlace($a: ID!, $key: String!) { orderPlace(input: { accountId: $a, kind: PREORDER, lines: [{ sku: \"SKU-00001\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code field } } }": typeof types.AccountMutationsOrderPlaceDocument,
    "query AccountsAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": typeof types.AccountsAccountDocument,
    "fragment AccountsAccount on Account { id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }\n    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }\n    restrictedProducts { sku } }": typeof types.AccountsAccountFragmentDoc,
    "query AccountsBAccount { account(code: \"C00001\") { ...AccountsAccount } }": typeof types.AccountsBAccountDocument,
    "query AccountsBAccount2($e: String!) { account(email: $e) { ...AccountsAccount } }": typeof types.AccountsBAccount2Document,
    "query AccountsBAccount3($id: ID!) { account(id: $id) { ...AccountsAccount } }": typeof types.AccountsBAccount3Document,
    "query AccountsAccount2 { c: account(code: \"C99999\") { id } e: account(email: \"nobody@example.com\") { id } i: account(id: \"gid://store/Account/00000000-0000-0000-0000-000000000000\") { id } }": typeof types.AccountsAccount2Document,
    "query AccountsBAccount4($c: String!) { account(code: $c) { ...AccountsAccount } }": typeof types.AccountsBAccount4Document,
    "query AccountsAccount3($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }": typeof types.AccountsAccount3Document,
    "query AccountsAccount4($c: String!) { account(code: $c) { restrictedProducts { sku } } }": typeof types.AccountsAccount4Document,
    "query AccountsAccount5($c: String!) { account(code: $c) { code\n        orders(first: 100) { totalCount nodes { account { code } } }\n        invoices(first: 100) { totalCount nodes { account { code } } }\n        quotes(first: 100) { totalCount nodes { account { code } } } } }": typeof types.AccountsAccount5Document,
    "query AccountsAccount6($g: ID!) { account(code: \"C00001\") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }": typeof types.AccountsAccount6Document,
    "query AccountsBList($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } pageInfo { hasNextPage endCursor } } }": typeof types.AccountsBListDocument,
    "query AccountsAccount7($c: String!) { account(code: $c) { id } }": typeof types.AccountsAccount7Document,
    "mutation ApiKeysSignIn { customerAccessTokenCreate(input: { email: \"buyer@acme.example\", password: \"acme-demo-1\" }) { customerAccessToken { accessToken } } }": typeof types.ApiKeysSignInDocument,
    "mutation ApiKeysCustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }": typeof types.ApiKeysCustomerAccessTokenDeleteDocument,
    "query ApiKeysApiKeys { apiKeys { id lastUsedAt } }": typeof types.ApiKeysApiKeysDocument,
    "query ApiKeysApiKeys2 { apiKeys { id } }": typeof types.ApiKeysApiKeys2Document,
    "query CategoriesBCategory($id: ID!, $after: String) { category(id: $id) { products(first: 100, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } } }": typeof types.CategoriesBCategoryDocument,
    "query CategoriesCategory($slug: String!) { category(slug: $slug) { parent { id slug } children { slug } } }": typeof types.CategoriesCategoryDocument,
    "query CategoriesCategories { categories(first: 100) { totalCount nodes { name parent { id } } } }": typeof types.CategoriesCategoriesDocument,
    "query CategoriesCategories2 { categories(first: 100, topLevel: true) { totalCount nodes { name parent { id } } } }": typeof types.CategoriesCategories2Document,
    "query CategoriesCategory2 { category(slug: \"no-such-category\") { id } }": typeof types.CategoriesCategory2Document,
    "query CategoriesCategory3 { category { id } }": typeof types.CategoriesCategory3Document,
    "query CategoriesCategory4 { category(slug: \"tools\", id: \"gid://store/Category/x\") { id } }": typeof types.CategoriesCategory4Document,
    "mutation ChangeStoredPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id } command { id } userErrors { code } } }": typeof types.ChangeStoredPlaceDocument,
    "query ChangeStoredCatalog { products(first: 5, sortKey: SKU) { nodes { sku } } }": typeof types.ChangeStoredCatalogDocument,
    "query ChangeStoredViewer { viewer { __typename } }": typeof types.ChangeStoredViewerDocument,
    "mutation ConcurrentOrdersPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id status lines { sku quantity } } command { id } userErrors { field code message } } }": typeof types.ConcurrentOrdersPlaceDocument,
    "query ConcurrentOrdersCatalog { products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }": typeof types.ConcurrentOrdersCatalogDocument,
    "query ConcurrentOrdersConnectors { connectors { name circuit status lastError } }": typeof types.ConcurrentOrdersConnectorsDocument,
    "\n  mutation CrossAggregateAccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n": typeof types.CrossAggregateAccountCreateDocument,
    "\n  mutation CrossAggregateOrderPlace($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { code message } }\n  }\n": typeof types.CrossAggregateOrderPlaceDocument,
    "\n  mutation CrossAggregateAccountUpdate($input: AccountUpdateInput!, $key: String!) {\n    accountUpdate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n": typeof types.CrossAggregateAccountUpdateDocument,
    "\n  query CrossAggregateCommand($id: ID!) { command(id: $id) { status lastError deliveries { connector status attempts lastError } } }\n": typeof types.CrossAggregateCommandDocument,
    "\n  mutation CrossAggregateRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }\n": typeof types.CrossAggregateRetryDocument,
    "mutation CrossAggregateQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } command { id } userErrors { code message } } }": typeof types.CrossAggregateQuoteRequestDocument,
    "mutation CrossAggregateQuoteConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) { order { id } command { id } userErrors { code message } } }": typeof types.CrossAggregateQuoteConvertDocument,
    "mutation CrossAggregateInvoiceRegister($id: ID!, $key: String!) { invoiceRegister(input: { orderId: $id }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code message } } }": typeof types.CrossAggregateInvoiceRegisterDocument,
    "mutation DeliveryProjectionOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, poNumber: \"PROJECTION-FAULT\", lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": typeof types.DeliveryProjectionOrderPlaceDocument,
    "query DeliveryProjectionOrder($id: ID!) { order(id: $id) { externalNumber syncStatus } }": typeof types.DeliveryProjectionOrderDocument,
    "mutation DeliveryOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": typeof types.DeliveryOrderPlaceDocument,
    "query DeliveryOrder($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError } } }": typeof types.DeliveryOrderDocument,
    "mutation DeliveryRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }": typeof types.DeliveryRetryDocument,
    "mutation DeliveryRetry2($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { userErrors { code } } }": typeof types.DeliveryRetry2Document,
    "mutation DeliveryAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }": typeof types.DeliveryAddDocument,
    "query DeliveryCommands { commands(first: 100, filter: { status: FAILED, connector: \"erp\", type: \"orderPlace\" }) { totalCount nodes { status type deliveries { connector } } } }": typeof types.DeliveryCommandsDocument,
    "query DeliveryCommands2 { commands { totalCount } }": typeof types.DeliveryCommands2Document,
    "mutation EconnectWritesCreate($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code } } }": typeof types.EconnectWritesCreateDocument,
    "query EconnectWritesAccount { account(code: \"EC-001\") { externalReferences { connector externalId } } }": typeof types.EconnectWritesAccountDocument,
    "query EconnectWritesProduct { product(sku: \"SKU-00002\") { id } warehouse(code: \"WH-EAST\") { id } }": typeof types.EconnectWritesProductDocument,
    "mutation EconnectWritesInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 321 }, idempotencyKey: $key) { command { id } } }": typeof types.EconnectWritesInventorySetDocument,
    "query EconnectWritesConnectors { connectors { name kind status reads receives lastError backlog { pending retrying failed oldestPendingAt } } }": typeof types.EconnectWritesConnectorsDocument,
    "query EconnectWritesAccount2 { account(code: \"EC-001\") { id } warehouse(code: \"WH-WEST\") { id } }": typeof types.EconnectWritesAccount2Document,
    "mutation EconnectWritesInvoiceRegister($a: ID!, $w: ID!, $key: String!) { invoiceRegister(input: { accountId: $a, lines: [{ sku: \"SKU-00004\", quantity: 3, unitPrice: \"40.00\", warehouseId: $w }] }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code } } }": typeof types.EconnectWritesInvoiceRegisterDocument,
    "mutation EconnectWritesPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }": typeof types.EconnectWritesPayDocument,
    "mutation EconnectWritesPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }": typeof types.EconnectWritesPlaceDocument,
    "query EconnectWritesOrder($id: ID!) { order(id: $id) { externalNumber } }": typeof types.EconnectWritesOrderDocument,
    "query FederationAccount { byCode: account(code: \"C00003\") { id code name email }\n           byEmail: account(email: \"ERP4@example.com\") { code }\n           byId: node(id: \"gid://erp/Account/5\") { ... on Account { code customerGroup { code } } }\n           accounts(first: 3) { nodes { code } totalCount pageInfo { hasNextPage } } }": typeof types.FederationAccountDocument,
    "query FederationViewer { viewer { account { id code email externalReferences { connector externalId } } } }": typeof types.FederationViewerDocument,
    "query FederationViewer2 { viewer { account { id orders(first: 2) { nodes { id account { id } } } } }\n         byId: node(id: \"gid://erp/Account/1\") { id }\n         byCode: account(code: \"C00001\") { id } }": typeof types.FederationViewer2Document,
    "query FederationOrder($id: ID!) { order(id: $id) { account { id } } }": typeof types.FederationOrderDocument,
    "query FederationProduct { bySku: product(sku: \"SKU-00007\") { id name listPrice { amount currencyCode } inventoryLevels { warehouse { code } onHand available } }\n           byBarcode: product(barcode: \"4000000000008\") { sku }\n           byId: node(id: \"gid://erp/Product/109\") { ... on Product { sku } }\n           products(first: 2, after: null) { nodes { sku } totalCount } }": typeof types.FederationProductDocument,
    "query FederationOrders($first: Int!) { orders(first: $first) { nodes { number account { code name } lines { sku product { name inventoryLevels { onHand } } } } } }": typeof types.FederationOrdersDocument,
    "query FederationHistory($first: Int, $after: String, $last: Int, $before: String) {\n    orders(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id number createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }": typeof types.FederationHistoryDocument,
    "query FederationQuery { orders(first: 5) { nodes { number lines { sku product { name } } } } }": typeof types.FederationQueryDocument,
    "query FederationOrders2 { orders(first: 1) { nodes { number account { code } } } products(first: 2) { nodes { sku } totalCount } warehouses(first: 1) { nodes { code } } }": typeof types.FederationOrders2Document,
    "query FederationConnectors { connectors { name status circuit lastError } }": typeof types.FederationConnectorsDocument,
    "query FederationConnectors2 { connectors { name status circuit } }": typeof types.FederationConnectors2Document,
    "query FederationOrders3 { orders(first: 5) { nodes { id } totalCount } }": typeof types.FederationOrders3Document,
    "query FederationProducts($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id sku } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }": typeof types.FederationProductsDocument,
    "mutation FederationPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n    order { id account { id } lines { sku product { id } } } userErrors { code field message } } }": typeof types.FederationPlaceDocument,
    "mutation FederationUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { id } userErrors { code } } }": typeof types.FederationUpdateDocument,
    "mutation FederationProduct2($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { userErrors { code } } }": typeof types.FederationProduct2Document,
    "mutation IdempotencyKeysPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code } } }": typeof types.IdempotencyKeysPlaceDocument,
    "\n  query InboundApplyChanges($connector: String!, $statuses: [InboundChangeStatus!], $first: Int, $after: String) {\n    inboundChanges(connector: $connector, statuses: $statuses, first: $first, after: $after) {\n      nodes { eventId type aggregate status error attempts occurredAt receivedAt appliedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.InboundApplyChangesDocument,
    "\n  query InboundApplyConnectorStats { connectors { name inbound { received waiting applied parked rejected lastAppliedAt } } }\n": typeof types.InboundApplyConnectorStatsDocument,
    "\n  mutation InboundApplyPlaceOrder($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) {\n      order { id number }\n      command { id }\n      userErrors { code message }\n    }\n  }\n": typeof types.InboundApplyPlaceOrderDocument,
    "\n  query InboundApplyCustomerOrder($id: ID!) {\n    order(id: $id) {\n      status\n      lines { sku quantity shippedQuantity }\n      shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n      events { kind fromStatus toStatus connector trackingNumber }\n    }\n  }\n": typeof types.InboundApplyCustomerOrderDocument,
    "mutation InboundFlowPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status lines { lineNumber sku quantity } } command { id } userErrors { field code message } } }": typeof types.InboundFlowPlaceDocument,
    "query InboundFlowHistory { orders(first: 10, sortKey: CREATED_AT) { nodes {\n  id number externalNumber status\n  lines { lineNumber sku quantity shippedQuantity returnedQuantity }\n  events { kind fromStatus toStatus connector }\n  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n} } }": typeof types.InboundFlowHistoryDocument,
    "query InboundFlowChanges($statuses: [InboundChangeStatus!]) { inboundChanges(connector: \"erp\", statuses: $statuses, first: 50) {\n  nodes { eventId type aggregate status error } } }": typeof types.InboundFlowChangesDocument,
    "mutation InboundFlowReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n  order { status } command { id } userErrors { field code message } } }": typeof types.InboundFlowReturnDocument,
    "query InboundFlowAccount($code: String!) { account(code: $code) { code name email phone } }": typeof types.InboundFlowAccountDocument,
    "query IntSumsProduct { product(sku: \"SKU-00042\") { id } }": typeof types.IntSumsProductDocument,
    "query IntSumsWarehouses { warehouses(first: 10) { nodes { id } } }": typeof types.IntSumsWarehousesDocument,
    "mutation IntSumsInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 1000000000 }, idempotencyKey: $key) { userErrors { code } } }": typeof types.IntSumsInventorySetDocument,
    "query IntSumsProduct2 { product(sku: \"SKU-00042\") { inventory { onHand available } } }": typeof types.IntSumsProduct2Document,
    "query IntSumsProducts { products(first: 5, filter: { skus: [\"SKU-00042\"] }) { nodes { inventory { available } } } }": typeof types.IntSumsProductsDocument,
    "query IntSumsStockReservationAllowance { stockReservationAllowance { activeReservations unitsHeld } }": typeof types.IntSumsStockReservationAllowanceDocument,
    "mutation InvoiceMutationsPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) {\n    invoice { status amountPaid { amount } amountDue { amount } payments { amount { amount } method reference } syncStatus } command { id } userErrors { code field } } }": typeof types.InvoiceMutationsPayDocument,
    "mutation InvoiceMutationsRegister($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) {\n    invoice { number status total { amount } amountPaid { amount } dueDate order { id } lines { sku quantity unitPrice { amount } lineTotal { amount } } } command { id } userErrors { code field } } }": typeof types.InvoiceMutationsRegisterDocument,
    "query InvoiceMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }": typeof types.InvoiceMutationsWarehouseDocument,
    "mutation InvoiceMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00402\", quantity: 3, warehouseId: $wh }] }, idempotencyKey: $key) { order { id total { amount } } } }": typeof types.InvoiceMutationsOrderPlaceDocument,
    "query InvoiceMutationsAccount { account(code: \"C00003\") { id } }": typeof types.InvoiceMutationsAccountDocument,
    "query InvoicesAccount { account(code: \"C00001\") { id } }": typeof types.InvoicesAccountDocument,
    "fragment InvoicesInvoice on Invoice { id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }\n    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }\n    account { code } order { number account { code } } }": typeof types.InvoicesInvoiceFragmentDoc,
    "query InvoicesBInvoices($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ...InvoicesInvoice } } }": typeof types.InvoicesBInvoicesDocument,
    "query InvoicesBInvoice($id: ID!) { invoice(id: $id) { ...InvoicesInvoice } }": typeof types.InvoicesBInvoiceDocument,
    "query InvoicesBInvoices2($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ...InvoicesInvoice } } }": typeof types.InvoicesBInvoices2Document,
    "query InvoicesBList($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } pageInfo { hasNextPage endCursor } } }": typeof types.InvoicesBListDocument,
    "query InvoicesInvoices { invoices(first: 100) { nodes { issuedAt } } }": typeof types.InvoicesInvoicesDocument,
    "query InvoicesInvoices2 { invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }": typeof types.InvoicesInvoices2Document,
    "mutation LeaksWritesAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id } userErrors { code field } } }": typeof types.LeaksWritesAddDocument,
    "mutation LeaksWritesCreate($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { allowedIps } userErrors { code field } } }": typeof types.LeaksWritesCreateDocument,
    "mutation LeaksWritesPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": typeof types.LeaksWritesPlaceDocument,
    "query LeaksWritesSync($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError deliveries { connector status lastError } } } }": typeof types.LeaksWritesSyncDocument,
    "query NPlusOneOrderHistory($code: String!, $first: Int!) {\n  account(code: $code) {\n    name\n    orders(first: $first) {\n      nodes {\n        number status total { amount }\n        lines { sku quantity shippedQuantity unitPrice { amount }\n          product { sku name inventoryLevels { available warehouse { code } } } }\n        shipments { id trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n        events { kind toStatus occurredAt }\n      }\n    }\n  }\n}": typeof types.NPlusOneOrderHistoryDocument,
    "fragment NodeFields on Node { __typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }\n    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number } }": typeof types.NodeFieldsFragmentDoc,
    "query NodeAccount { account(code: \"C00002\") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }\n         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }": typeof types.NodeAccountDocument,
    "query NodeBNode($id: ID!) { node(id: $id) { ...NodeFields } }": typeof types.NodeBNodeDocument,
    "query NodeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.NodeNodesDocument,
    "query NodeNodes2 { nodes(ids: []) { id } }": typeof types.NodeNodes2Document,
    "query NodeNode($id: ID!) { node(id: $id) { id } order(id: $id) { id } }": typeof types.NodeNodeDocument,
    "query NodeNodes3($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodeNodes3Document,
    "query NodeNodes4($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodeNodes4Document,
    "query ObservabilityNode { node(id: \"abc\") { id } }": typeof types.ObservabilityNodeDocument,
    "query ObservabilityProducts { products(first: 3) { nodes { sku } } }": typeof types.ObservabilityProductsDocument,
    "mutation OrderFulfilmentPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { message } } }": typeof types.OrderFulfilmentPlaceDocument,
    "mutation OrderLifecyclePlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }": typeof types.OrderLifecyclePlaceDocument,
    "mutation OrderLifecycleProcess($input: OrderStatusChangeInput!, $key: String!) { orderProcess(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }": typeof types.OrderLifecycleProcessDocument,
    "mutation OrderLifecycleComplete($input: OrderStatusChangeInput!, $key: String!) { orderComplete(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }": typeof types.OrderLifecycleCompleteDocument,
    "mutation OrderLifecycleShip($input: OrderShipmentCreateInput!, $key: String!) { orderShipmentCreate(input: $input, idempotencyKey: $key) {\n  order { status shipments { id } lines { lineNumber shippedQuantity } } command { id type } userErrors { code field message } } }": typeof types.OrderLifecycleShipDocument,
    "mutation OrderLifecycleCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status } userErrors { code message } } }": typeof types.OrderLifecycleCancelDocument,
    "mutation OrderLifecycleReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) { order { status lines { returnedQuantity } } userErrors { code field message } } }": typeof types.OrderLifecycleReturnDocument,
    "mutation OrderLifecycleInvoice($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { userErrors { code message } } }": typeof types.OrderLifecycleInvoiceDocument,
    "query OrderLifecycleHistory($id: ID!) { order(id: $id) {\n  status\n  lines { lineNumber quantity shippedQuantity returnedQuantity }\n  shipments { id carrierCode trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n  events { kind fromStatus toStatus connector note carrierCode trackingNumber trackingUrl occurredAt recordedAt }\n} }": typeof types.OrderLifecycleHistoryDocument,
    "mutation OrderMutationsPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status kind syncStatus total { amount } lines { sku quantity unit unitPrice { amount } lineTotal { amount } warehouse { code } } account { code } shipTo { isDefault } }\n  command { id type status deliveries { connector status } }\n  userErrors { field message code } } }": typeof types.OrderMutationsPlaceDocument,
    "query OrderMutationsProduct($sku: String!) { product(sku: $sku) { price(quantity: 3) { unitPrice { amount } total { amount } } } }": typeof types.OrderMutationsProductDocument,
    "query OrderMutationsOrder($id: ID!) { order(id: $id) { status syncStatus externalNumber lastCommand { status } } }": typeof types.OrderMutationsOrderDocument,
    "query OrderMutationsAccount { account(code: \"C00002\") { id } }": typeof types.OrderMutationsAccountDocument,
    "mutation OrderMutationsCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status syncStatus } command { id type } userErrors { code message } } }": typeof types.OrderMutationsCancelDocument,
    "mutation OrderMutationsReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n    order { status lines { lineNumber quantity returnedQuantity } } command { id type } userErrors { code field } } }": typeof types.OrderMutationsReturnDocument,
    "query OrderMutationsOrder2($id: ID!) { order(id: $id) { lines { lineNumber quantity } } }": typeof types.OrderMutationsOrder2Document,
    "query OrderMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }": typeof types.OrderMutationsWarehouseDocument,
    "mutation OrderMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00401\", quantity: 10, warehouseId: $wh }] }, idempotencyKey: $key) { order { id } userErrors { code } } }": typeof types.OrderMutationsOrderPlaceDocument,
    "mutation OrderMutationsCancel2($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status lines { quantity cancelledQuantity } } userErrors { code field } } }": typeof types.OrderMutationsCancel2Document,
    "query OrdersAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": typeof types.OrdersAccountDocument,
    "fragment OrdersOrder on Order { id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }\n    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }\n    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }\n    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } } }": typeof types.OrdersOrderFragmentDoc,
    "query OrdersBOrders($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ...OrdersOrder } } }": typeof types.OrdersBOrdersDocument,
    "query OrdersBOrder($id: ID!) { order(id: $id) { ...OrdersOrder } }": typeof types.OrdersBOrderDocument,
    "query OrdersOrders { orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }\n      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }": typeof types.OrdersOrdersDocument,
    "query OrdersOrders2($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number\n      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }\n      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }": typeof types.OrdersOrders2Document,
    "query OrdersBList($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } pageInfo { hasNextPage endCursor } } }": typeof types.OrdersBListDocument,
    "query OrdersOrders3($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }": typeof types.OrdersOrders3Document,
    "query OrdersOrders4 { orders(filter: { createdAfter: \"yesterday\" }) { totalCount } }": typeof types.OrdersOrders4Document,
    "query OrdersOrders5 { orders(filter: { accountId: \"gid://store/Order/00000000-0000-0000-0000-000000000000\" }) { totalCount } }": typeof types.OrdersOrders5Document,
    "query OrdersProducts { products(first: 1) { edges { cursor } } }": typeof types.OrdersProductsDocument,
    "query OrdersQuotes($c: String) { quotes(first: 5, after: $c) { nodes { id } } }": typeof types.OrdersQuotesDocument,
    "query OrdersOrders6($c: String) { orders(first: 5, after: $c) { nodes { id } } }": typeof types.OrdersOrders6Document,
    "query OrdersOrders7 { orders(first: 100) { nodes { createdAt } } }": typeof types.OrdersOrders7Document,
    "query OrdersOrders8 { orders(first: 100, reverse: true) { nodes { createdAt } } }": typeof types.OrdersOrders8Document,
    "query OrdersOrders9 { orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }": typeof types.OrdersOrders9Document,
    "query PaginationWarehouses { warehouses { nodes { id } } }": typeof types.PaginationWarehousesDocument,
    "query PaginationProducts { products(first: 5) { nodes { id } edges { node { id } } } }": typeof types.PaginationProductsDocument,
    "query PaginationProducts2 { products { nodes { id } pageInfo { hasNextPage } } }": typeof types.PaginationProducts2Document,
    "mutation PaymentMethodsAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id provider brand last4 expiryMonth expiryYear } command { id } userErrors { code field message } } }": typeof types.PaymentMethodsAddDocument,
    "query PaymentMethodsViewer { viewer { account { paymentMethods { id last4 } } } }": typeof types.PaymentMethodsViewerDocument,
    "query PaymentMethodsNode($id: ID!) { node(id: $id) { id } }": typeof types.PaymentMethodsNodeDocument,
    "mutation PaymentMethodsOrderPlace($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": typeof types.PaymentMethodsOrderPlaceDocument,
    "mutation PaymentMethodsOrderPlaceUpper($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code } } }": typeof types.PaymentMethodsOrderPlaceUpperDocument,
    "mutation PaymentMethodsOrderPlace2($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code field } } }": typeof types.PaymentMethodsOrderPlace2Document,
    "mutation PaymentMethodsRemove($id: ID!, $key: String!) { paymentMethodRemove(paymentMethodId: $id, idempotencyKey: $key) { removedPaymentMethodId userErrors { code } } }": typeof types.PaymentMethodsRemoveDocument,
    "query PaymentMethodsViewer2 { viewer { account { paymentMethods { id } } } }": typeof types.PaymentMethodsViewer2Document,
    "query PricingAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": typeof types.PricingAccountDocument,
    "query PricingPrice($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {\n  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {\n    unitPrice { amount currencyCode } total { amount currencyCode } listUnitPrice { amount } quantity unit { code factor } source\n    breaks { minQuantity unitPrice { amount } } account { code } } } }": typeof types.PricingPriceDocument,
    "query PricingProducts($a: ID!, $g: ID!) { products(first: 100) { nodes { sku\n          a: price(accountId: $a, quantity: 10) { source unitPrice { amount } }\n          g: price(accountId: $g, quantity: 50) { source unitPrice { amount } }\n          l: price(quantity: 100) { source unitPrice { amount } } } } }": typeof types.PricingProductsDocument,
    "mutation ProductMutationsUpdate($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) {\n      product { name description listPrice { amount } priceBreaks { minQuantity unitPrice { amount } } presell syncStatus } command { id } userErrors { code field } } }": typeof types.ProductMutationsUpdateDocument,
    "query ProductMutationsProduct { product(sku: \"SKU-00123\") { id description } }": typeof types.ProductMutationsProductDocument,
    "query ProductMutationsProduct2 { product(sku: \"SKU-00123\") { one: price { unitPrice { amount } } ten: price(quantity: 10) { unitPrice { amount } } } }": typeof types.ProductMutationsProduct2Document,
    "mutation ProductMutationsSet($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { inventoryLevel { onHand reserved available restockDate warehouse { code } } command { id } userErrors { code field } } }": typeof types.ProductMutationsSetDocument,
    "query ProductMutationsProduct3 { product(sku: \"SKU-00200\") { id } warehouse(code: \"WH-WEST\") { id } }": typeof types.ProductMutationsProduct3Document,
    "fragment ProductsFields on Product { id sku barcode name description listPrice { amount currencyCode } }": typeof types.ProductsFieldsFragmentDoc,
    "query ProductsBProduct($sku: String!) { product(sku: $sku) { ...ProductsFields } }": typeof types.ProductsBProductDocument,
    "query ProductsBProduct2($b: String!) { product(barcode: $b) { ...ProductsFields } }": typeof types.ProductsBProduct2Document,
    "query ProductsBProduct3($id: ID!) { product(id: $id) { ...ProductsFields } }": typeof types.ProductsBProduct3Document,
    "query ProductsProduct {\n      sku: product(sku: \"NO-SUCH-SKU\") { id }\n      lower: product(sku: \"sku-00001\") { id }\n      barcode: product(barcode: \"0000\") { id }\n      id: product(id: \"gid://store/Product/00000000-0000-0000-0000-000000000000\") { id } }": typeof types.ProductsProductDocument,
    "query ProductsProduct2($id: ID!) { product(id: $id) { id } }": typeof types.ProductsProduct2Document,
    "query ProductsProduct3($sku: String!) { product(sku: $sku) { images { url altText } categories { slug } baseUnit { code name factor } units { code name factor } } }": typeof types.ProductsProduct3Document,
    "query ProductsProduct4($sku: String!) { product(sku: $sku) { specialOrder presell restricted } }": typeof types.ProductsProduct4Document,
    "query ProductsProduct5($sku: String!, $one: [ProductRelationKind!], $two: [ProductRelationKind!]) { product(sku: $sku) {\n          all: relatedProducts { kind product { sku } }\n          one: relatedProducts(kinds: $one) { kind product { sku } }\n          two: relatedProducts(kinds: $two) { kind product { sku } } } }": typeof types.ProductsProduct5Document,
    "query ProductsBProducts($after: String) { products(first: 100, after: $after) { nodes { sku\n        inventory { onHand reserved available } inventoryLevels { warehouse { code } onHand reserved available restockDate } } pageInfo { hasNextPage endCursor } } }": typeof types.ProductsBProductsDocument,
    "query ProductsProducts($search: String) { products(filter: { search: $search }) { totalCount } }": typeof types.ProductsProductsDocument,
    "query ProductsCategory($slug: String!) { category(slug: $slug) { id } }": typeof types.ProductsCategoryDocument,
    "query ProductsCategory2($slug: String!) { category(slug: $slug) { id } }": typeof types.ProductsCategory2Document,
    "query ProductsProducts2($skus: [String!]) { products(filter: { skus: $skus }) { totalCount } }": typeof types.ProductsProducts2Document,
    "query ProductsProducts3 { products(filter: { categoryId: \"gid://store/Product/x\" }) { totalCount } }": typeof types.ProductsProducts3Document,
    "query ProductsProducts4 { products(first: 1) { edges { cursor } } }": typeof types.ProductsProducts4Document,
    "query ProductsProducts5($after: String) { products(first: 5, after: $after, sortKey: CREATED_AT) { nodes { sku } } }": typeof types.ProductsProducts5Document,
    "query ProductsViewer {\n      viewer { kind }\n      products(first: 3) { totalCount nodes { id sku price(quantity: 10) { source unitPrice { amount } } inventory { available } relatedProducts { kind } kitComponents { quantity } } }\n      product(sku: \"SKU-00001\") { sku categories { id } }\n      categories(topLevel: true) { totalCount nodes { id } }\n      category(slug: \"tools\") { slug children { slug } products(first: 1) { totalCount } }\n      warehouses { totalCount nodes { id } }\n      warehouse(code: \"WH-EAST\") { code inventoryLevels(first: 1) { totalCount } } }": typeof types.ProductsViewerDocument,
    "query ProductsNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": typeof types.ProductsNodesDocument,
    "mutation QuoteMutationsConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) {\n    order { id status lines { sku quantity unit unitPrice { amount } } total { amount } account { code } }\n    quote { status convertedOrder { id } } command { id type } userErrors { code message } } }": typeof types.QuoteMutationsConvertDocument,
    "query QuoteMutationsQuote($id: ID!) { quote(id: $id) { lines { sku quantity unit unitPrice { amount } } } }": typeof types.QuoteMutationsQuoteDocument,
    "mutation QuoteMutationsRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00031\", quantity: 12 }, { sku: \"SKU-00032\", quantity: 2 }] }, idempotencyKey: $key) {\n      quote { id number status validUntil total { amount } lines { sku quantity unitPrice { amount } lineTotal { amount } } account { code } } command { id type } userErrors { code field } } }": typeof types.QuoteMutationsRequestDocument,
    "query QuoteMutationsProduct { product(sku: \"SKU-00031\") { price(quantity: 12) { unitPrice { amount } } } }": typeof types.QuoteMutationsProductDocument,
    "mutation QuoteMutationsQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"NOPE\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } userErrors { code field } } }": typeof types.QuoteMutationsQuoteRequestDocument,
    "query QuotesAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": typeof types.QuotesAccountDocument,
    "fragment QuotesQuote on Quote { id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }\n    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } } }": typeof types.QuotesQuoteFragmentDoc,
    "query QuotesBQuotes($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ...QuotesQuote } } }": typeof types.QuotesBQuotesDocument,
    "query QuotesBQuote($id: ID!) { quote(id: $id) { ...QuotesQuote } }": typeof types.QuotesBQuoteDocument,
    "query QuotesBList($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } pageInfo { hasNextPage endCursor } } }": typeof types.QuotesBListDocument,
    "query ReadinessProducts { products(first: 5) { nodes { sku inventory { onHand } } } }": typeof types.ReadinessProductsDocument,
    "mutation ReservationCapsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code field } } }": typeof types.ReservationCapsReserveDocument,
    "mutation ReservationCapsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { userErrors { code } } }": typeof types.ReservationCapsReleaseDocument,
    "query ReservationCapsAllowance { stockReservationAllowance { activeReservations unitsHeld maxActiveReservations maxUnitsHeld maxMinutes } }": typeof types.ReservationCapsAllowanceDocument,
    "query ReservationCapsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }": typeof types.ReservationCapsProductDocument,
    "mutation StockReservationsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) {\n  reservation { id reference status expiresAt lines { product { sku } warehouse { code } quantity } } command { id type } userErrors { code field } } }": typeof types.StockReservationsReserveDocument,
    "mutation StockReservationsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { reservation { status } userErrors { code } } }": typeof types.StockReservationsReleaseDocument,
    "query StockReservationsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }": typeof types.StockReservationsProductDocument,
    "query StockReservationsStockReservation($id: ID!) { stockReservation(id: $id) { status } }": typeof types.StockReservationsStockReservationDocument,
    "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n": typeof types.TestSignInDocument,
    "\n  query WriteHarnessCommand($id: ID!) { command(id: $id) { id type status attempts lastError nextAttemptAt deliveries { connector status attempts lastError reference } } }\n": typeof types.WriteHarnessCommandDocument,
    "\n  query SyncTestConnectors {\n    connectors { name syncs { domain schedule runningSince lastRunAt lastSuccessAt itemsApplied errors lastError nextRunAt } }\n  }\n": typeof types.SyncTestConnectorsDocument,
    "\n  query SyncTestAccountAndStockSource($code: String!, $sku: String!) {\n    account(code: $code) { code source { connector syncedAt } }\n    product(sku: $sku) { inventoryLevels { onHand warehouse { code } source { connector syncedAt } } }\n  }\n": typeof types.SyncTestAccountAndStockSourceDocument,
    "\n  query SyncTestProductSource($sku: String!) { product(sku: $sku) { sku source { connector syncedAt } inventoryLevels { source { connector } } } }\n": typeof types.SyncTestProductSourceDocument,
    "query TracingOff { products(first: 2) { nodes { sku } } }": typeof types.TracingOffDocument,
    "query CatalogPage { products(first: 3) { nodes { sku } } product(sku: \"SKU-00002\") { name } }": typeof types.CatalogPageDocument,
    "query CatalogWhileDown { product(sku: \"SKU-00003\") { name } }": typeof types.CatalogWhileDownDocument,
    "query ViewerViewer { viewer { kind scopes account { code } } }": typeof types.ViewerViewerDocument,
    "query WarehousesWarehouses { warehouses { totalCount nodes { code name address { line1 line2 city region postalCode countryCode } } } }": typeof types.WarehousesWarehousesDocument,
    "query WarehousesWarehouse { warehouse(code: \"WH-WEST\") { id code name } }": typeof types.WarehousesWarehouseDocument,
    "query WarehousesWarehouse2($id: ID!) { warehouse(id: $id) { id code name } }": typeof types.WarehousesWarehouse2Document,
    "query WarehousesWarehouse3 { warehouse(code: \"WH-NOPE\") { id } }": typeof types.WarehousesWarehouse3Document,
    "query WarehousesWarehouse4 { warehouse { id } }": typeof types.WarehousesWarehouse4Document,
    "query WarehousesWarehouse5($code: String!) { warehouse(code: $code) { id } }": typeof types.WarehousesWarehouse5Document,
    "query WarehousesBWarehouse($id: ID!, $after: String, $available: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, after: $after, filter: { available: $available }) {\n          nodes { product { sku } warehouse { code } onHand reserved available } pageInfo { hasNextPage endCursor } } } }": typeof types.WarehousesBWarehouseDocument,
};
const documents: Documents = {
    "query AccessAccount($code: String!) { account(code: $code) { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }": types.AccessAccountDocument,
    "query AccessViewer { viewer { kind account { id code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }": types.AccessViewerDocument,
    "query AccessNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.AccessNodesDocument,
    "query AccessProduct($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { unitPrice { amount } account { code } } } }": types.AccessProductDocument,
    "query AccessViewer2($b: ID!) { viewer { account { orders(first: 100, filter: { accountId: $b }) { totalCount nodes { account { code } } } quotes(filter: { accountId: $b }) { nodes { account { code } } } } } }": types.AccessViewer2Document,
    "query AccessAccounts { accounts { nodes { id code } } }": types.AccessAccountsDocument,
    "query AccessViewer3 { viewer { kind account { id } } products(first: 2) { nodes { sku price(quantity: 10) { source account { code } } inventory { available } } }\n        product(sku: \"SKU-00002\") { sku } warehouses { totalCount } categories { totalCount } category(slug: \"tools\") { slug } warehouse(code: \"WH-EAST\") { code } }": types.AccessViewer3Document,
    "query AccessProduct2($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { source } } }": types.AccessProduct2Document,
    "query AccessProducts($a: ID!, $b: ID!) { products(first: 1) { totalCount } product(sku: \"SKU-00001\") { sku a: price(accountId: $a) { account { code } } b: price(accountId: $b) { account { code } } } }": types.AccessProductsDocument,
    "mutation AccessSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) {\n    customerAccessToken { accessToken expiresAt } userErrors { field code message } } }": types.AccessSignInDocument,
    "query AccessViewer4 { viewer { kind account { code } } }": types.AccessViewer4Document,
    "query AccessOrders { orders { nodes { id } } }": types.AccessOrdersDocument,
    "query AccessAccounts2 { accounts { nodes { id } } }": types.AccessAccounts2Document,
    "query AccessNode { node(id: \"abc\") { id } }": types.AccessNodeDocument,
    "fragment AccountMutationsAccount on Account { id name email phone paymentTerms deletedAt syncStatus shipTos { id name isDefault address { city } } }": types.AccountMutationsAccountFragmentDoc,
    "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n": types.AccountCreateDocument,
    "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n": types.AccountSyncByCodeDocument,
    "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n": types.SignInInitechDocument,
    "\n  query ViewerKind { viewer { kind } }\n": types.ViewerKindDocument,
    "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n": types.CustomerAccessTokenDeleteDocument,
    "mutation AccountMutationsUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": types.AccountMutationsUpdateDocument,
    "query AccountMutationsViewer { viewer { account { id } } }": types.AccountMutationsViewerDocument,
    "query AccountMutationsAccount { account(code: \"C00002\") { id } }": types.AccountMutationsAccountDocument,
    "mutation AccountMutationsShipToAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": types.AccountMutationsShipToAddDocument,
    "mutation AccountMutationsShipToUpdate($input: ShipToUpdateInput!, $key: String!) { shipToUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": types.AccountMutationsShipToUpdateDocument,
    "mutation AccountMutationsShipToRemove($id: ID!, $key: String!) { shipToRemove(shipToId: $id, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": types.AccountMutationsShipToRemoveDocument,
    "mutation AccountMutationsAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { code } } }": types.AccountMutationsAddDocument,
    "mutation AccountMutationsDelete($id: ID!, $key: String!) { accountDelete(account: { id: $id }, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }": types.AccountMutationsDeleteDocument,
    "query AccountMutationsAccount2 { account(code: \"C00002\") { id orders(first: 1) { nodes { id } } } }": types.AccountMutationsAccount2Document,
    "query AccountMutationsAccount3 { account(code: \"C00002\") { id } }": types.AccountMutationsAccount3Document,
    "query AccountMutationsViewer2 { viewer { kind } }": types.AccountMutationsViewer2Document,
    "mutation AccountMutationsCustomerAccessTokenCreate { customerAccessTokenCreate(input: { email: \"buyer@globex.example\", password: \"globex-demo-2\" }) { userErrors { code } } }": types.AccountMutationsCustomerAccessTokenCreateDocument,
    "query AccountMutationsOrder($id: ID!) { order(id: $id) { account { deletedAt } } }": types.AccountMutationsOrderDocument,
    "mutation AccountMutationsOrderPlace($a: ID!, $key: String!) { orderPlace(input: { accountId: $a, kind: PREORDER, lines: [{ sku: \"SKU-00001\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code field } } }": types.AccountMutationsOrderPlaceDocument,
    "query AccountsAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": types.AccountsAccountDocument,
    "fragment AccountsAccount on Account { id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }\n    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }\n    restrictedProducts { sku } }": types.AccountsAccountFragmentDoc,
    "query AccountsBAccount { account(code: \"C00001\") { ...AccountsAccount } }": types.AccountsBAccountDocument,
    "query AccountsBAccount2($e: String!) { account(email: $e) { ...AccountsAccount } }": types.AccountsBAccount2Document,
    "query AccountsBAccount3($id: ID!) { account(id: $id) { ...AccountsAccount } }": types.AccountsBAccount3Document,
    "query AccountsAccount2 { c: account(code: \"C99999\") { id } e: account(email: \"nobody@example.com\") { id } i: account(id: \"gid://store/Account/00000000-0000-0000-0000-000000000000\") { id } }": types.AccountsAccount2Document,
    "query AccountsBAccount4($c: String!) { account(code: $c) { ...AccountsAccount } }": types.AccountsBAccount4Document,
    "query AccountsAccount3($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }": types.AccountsAccount3Document,
    "query AccountsAccount4($c: String!) { account(code: $c) { restrictedProducts { sku } } }": types.AccountsAccount4Document,
    "query AccountsAccount5($c: String!) { account(code: $c) { code\n        orders(first: 100) { totalCount nodes { account { code } } }\n        invoices(first: 100) { totalCount nodes { account { code } } }\n        quotes(first: 100) { totalCount nodes { account { code } } } } }": types.AccountsAccount5Document,
    "query AccountsAccount6($g: ID!) { account(code: \"C00001\") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }": types.AccountsAccount6Document,
    "query AccountsBList($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } pageInfo { hasNextPage endCursor } } }": types.AccountsBListDocument,
    "query AccountsAccount7($c: String!) { account(code: $c) { id } }": types.AccountsAccount7Document,
    "mutation ApiKeysSignIn { customerAccessTokenCreate(input: { email: \"buyer@acme.example\", password: \"acme-demo-1\" }) { customerAccessToken { accessToken } } }": types.ApiKeysSignInDocument,
    "mutation ApiKeysCustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }": types.ApiKeysCustomerAccessTokenDeleteDocument,
    "query ApiKeysApiKeys { apiKeys { id lastUsedAt } }": types.ApiKeysApiKeysDocument,
    "query ApiKeysApiKeys2 { apiKeys { id } }": types.ApiKeysApiKeys2Document,
    "query CategoriesBCategory($id: ID!, $after: String) { category(id: $id) { products(first: 100, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } } }": types.CategoriesBCategoryDocument,
    "query CategoriesCategory($slug: String!) { category(slug: $slug) { parent { id slug } children { slug } } }": types.CategoriesCategoryDocument,
    "query CategoriesCategories { categories(first: 100) { totalCount nodes { name parent { id } } } }": types.CategoriesCategoriesDocument,
    "query CategoriesCategories2 { categories(first: 100, topLevel: true) { totalCount nodes { name parent { id } } } }": types.CategoriesCategories2Document,
    "query CategoriesCategory2 { category(slug: \"no-such-category\") { id } }": types.CategoriesCategory2Document,
    "query CategoriesCategory3 { category { id } }": types.CategoriesCategory3Document,
    "query CategoriesCategory4 { category(slug: \"tools\", id: \"gid://store/Category/x\") { id } }": types.CategoriesCategory4Document,
    "mutation ChangeStoredPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id } command { id } userErrors { code } } }": types.ChangeStoredPlaceDocument,
    "query ChangeStoredCatalog { products(first: 5, sortKey: SKU) { nodes { sku } } }": types.ChangeStoredCatalogDocument,
    "query ChangeStoredViewer { viewer { __typename } }": types.ChangeStoredViewerDocument,
    "mutation ConcurrentOrdersPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id status lines { sku quantity } } command { id } userErrors { field code message } } }": types.ConcurrentOrdersPlaceDocument,
    "query ConcurrentOrdersCatalog { products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }": types.ConcurrentOrdersCatalogDocument,
    "query ConcurrentOrdersConnectors { connectors { name circuit status lastError } }": types.ConcurrentOrdersConnectorsDocument,
    "\n  mutation CrossAggregateAccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n": types.CrossAggregateAccountCreateDocument,
    "\n  mutation CrossAggregateOrderPlace($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { code message } }\n  }\n": types.CrossAggregateOrderPlaceDocument,
    "\n  mutation CrossAggregateAccountUpdate($input: AccountUpdateInput!, $key: String!) {\n    accountUpdate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n": types.CrossAggregateAccountUpdateDocument,
    "\n  query CrossAggregateCommand($id: ID!) { command(id: $id) { status lastError deliveries { connector status attempts lastError } } }\n": types.CrossAggregateCommandDocument,
    "\n  mutation CrossAggregateRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }\n": types.CrossAggregateRetryDocument,
    "mutation CrossAggregateQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } command { id } userErrors { code message } } }": types.CrossAggregateQuoteRequestDocument,
    "mutation CrossAggregateQuoteConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) { order { id } command { id } userErrors { code message } } }": types.CrossAggregateQuoteConvertDocument,
    "mutation CrossAggregateInvoiceRegister($id: ID!, $key: String!) { invoiceRegister(input: { orderId: $id }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code message } } }": types.CrossAggregateInvoiceRegisterDocument,
    "mutation DeliveryProjectionOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, poNumber: \"PROJECTION-FAULT\", lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": types.DeliveryProjectionOrderPlaceDocument,
    "query DeliveryProjectionOrder($id: ID!) { order(id: $id) { externalNumber syncStatus } }": types.DeliveryProjectionOrderDocument,
    "mutation DeliveryOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": types.DeliveryOrderPlaceDocument,
    "query DeliveryOrder($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError } } }": types.DeliveryOrderDocument,
    "mutation DeliveryRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }": types.DeliveryRetryDocument,
    "mutation DeliveryRetry2($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { userErrors { code } } }": types.DeliveryRetry2Document,
    "mutation DeliveryAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }": types.DeliveryAddDocument,
    "query DeliveryCommands { commands(first: 100, filter: { status: FAILED, connector: \"erp\", type: \"orderPlace\" }) { totalCount nodes { status type deliveries { connector } } } }": types.DeliveryCommandsDocument,
    "query DeliveryCommands2 { commands { totalCount } }": types.DeliveryCommands2Document,
    "mutation EconnectWritesCreate($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code } } }": types.EconnectWritesCreateDocument,
    "query EconnectWritesAccount { account(code: \"EC-001\") { externalReferences { connector externalId } } }": types.EconnectWritesAccountDocument,
    "query EconnectWritesProduct { product(sku: \"SKU-00002\") { id } warehouse(code: \"WH-EAST\") { id } }": types.EconnectWritesProductDocument,
    "mutation EconnectWritesInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 321 }, idempotencyKey: $key) { command { id } } }": types.EconnectWritesInventorySetDocument,
    "query EconnectWritesConnectors { connectors { name kind status reads receives lastError backlog { pending retrying failed oldestPendingAt } } }": types.EconnectWritesConnectorsDocument,
    "query EconnectWritesAccount2 { account(code: \"EC-001\") { id } warehouse(code: \"WH-WEST\") { id } }": types.EconnectWritesAccount2Document,
    "mutation EconnectWritesInvoiceRegister($a: ID!, $w: ID!, $key: String!) { invoiceRegister(input: { accountId: $a, lines: [{ sku: \"SKU-00004\", quantity: 3, unitPrice: \"40.00\", warehouseId: $w }] }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code } } }": types.EconnectWritesInvoiceRegisterDocument,
    "mutation EconnectWritesPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }": types.EconnectWritesPayDocument,
    "mutation EconnectWritesPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }": types.EconnectWritesPlaceDocument,
    "query EconnectWritesOrder($id: ID!) { order(id: $id) { externalNumber } }": types.EconnectWritesOrderDocument,
    "query FederationAccount { byCode: account(code: \"C00003\") { id code name email }\n           byEmail: account(email: \"ERP4@example.com\") { code }\n           byId: node(id: \"gid://erp/Account/5\") { ... on Account { code customerGroup { code } } }\n           accounts(first: 3) { nodes { code } totalCount pageInfo { hasNextPage } } }": types.FederationAccountDocument,
    "query FederationViewer { viewer { account { id code email externalReferences { connector externalId } } } }": types.FederationViewerDocument,
    "query FederationViewer2 { viewer { account { id orders(first: 2) { nodes { id account { id } } } } }\n         byId: node(id: \"gid://erp/Account/1\") { id }\n         byCode: account(code: \"C00001\") { id } }": types.FederationViewer2Document,
    "query FederationOrder($id: ID!) { order(id: $id) { account { id } } }": types.FederationOrderDocument,
    "query FederationProduct { bySku: product(sku: \"SKU-00007\") { id name listPrice { amount currencyCode } inventoryLevels { warehouse { code } onHand available } }\n           byBarcode: product(barcode: \"4000000000008\") { sku }\n           byId: node(id: \"gid://erp/Product/109\") { ... on Product { sku } }\n           products(first: 2, after: null) { nodes { sku } totalCount } }": types.FederationProductDocument,
    "query FederationOrders($first: Int!) { orders(first: $first) { nodes { number account { code name } lines { sku product { name inventoryLevels { onHand } } } } } }": types.FederationOrdersDocument,
    "query FederationHistory($first: Int, $after: String, $last: Int, $before: String) {\n    orders(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id number createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }": types.FederationHistoryDocument,
    "query FederationQuery { orders(first: 5) { nodes { number lines { sku product { name } } } } }": types.FederationQueryDocument,
    "query FederationOrders2 { orders(first: 1) { nodes { number account { code } } } products(first: 2) { nodes { sku } totalCount } warehouses(first: 1) { nodes { code } } }": types.FederationOrders2Document,
    "query FederationConnectors { connectors { name status circuit lastError } }": types.FederationConnectorsDocument,
    "query FederationConnectors2 { connectors { name status circuit } }": types.FederationConnectors2Document,
    "query FederationOrders3 { orders(first: 5) { nodes { id } totalCount } }": types.FederationOrders3Document,
    "query FederationProducts($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id sku } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }": types.FederationProductsDocument,
    "mutation FederationPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n    order { id account { id } lines { sku product { id } } } userErrors { code field message } } }": types.FederationPlaceDocument,
    "mutation FederationUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { id } userErrors { code } } }": types.FederationUpdateDocument,
    "mutation FederationProduct2($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { userErrors { code } } }": types.FederationProduct2Document,
    "mutation IdempotencyKeysPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code } } }": types.IdempotencyKeysPlaceDocument,
    "\n  query InboundApplyChanges($connector: String!, $statuses: [InboundChangeStatus!], $first: Int, $after: String) {\n    inboundChanges(connector: $connector, statuses: $statuses, first: $first, after: $after) {\n      nodes { eventId type aggregate status error attempts occurredAt receivedAt appliedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.InboundApplyChangesDocument,
    "\n  query InboundApplyConnectorStats { connectors { name inbound { received waiting applied parked rejected lastAppliedAt } } }\n": types.InboundApplyConnectorStatsDocument,
    "\n  mutation InboundApplyPlaceOrder($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) {\n      order { id number }\n      command { id }\n      userErrors { code message }\n    }\n  }\n": types.InboundApplyPlaceOrderDocument,
    "\n  query InboundApplyCustomerOrder($id: ID!) {\n    order(id: $id) {\n      status\n      lines { sku quantity shippedQuantity }\n      shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n      events { kind fromStatus toStatus connector trackingNumber }\n    }\n  }\n": types.InboundApplyCustomerOrderDocument,
    "mutation InboundFlowPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status lines { lineNumber sku quantity } } command { id } userErrors { field code message } } }": types.InboundFlowPlaceDocument,
    "query InboundFlowHistory { orders(first: 10, sortKey: CREATED_AT) { nodes {\n  id number externalNumber status\n  lines { lineNumber sku quantity shippedQuantity returnedQuantity }\n  events { kind fromStatus toStatus connector }\n  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n} } }": types.InboundFlowHistoryDocument,
    "query InboundFlowChanges($statuses: [InboundChangeStatus!]) { inboundChanges(connector: \"erp\", statuses: $statuses, first: 50) {\n  nodes { eventId type aggregate status error } } }": types.InboundFlowChangesDocument,
    "mutation InboundFlowReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n  order { status } command { id } userErrors { field code message } } }": types.InboundFlowReturnDocument,
    "query InboundFlowAccount($code: String!) { account(code: $code) { code name email phone } }": types.InboundFlowAccountDocument,
    "query IntSumsProduct { product(sku: \"SKU-00042\") { id } }": types.IntSumsProductDocument,
    "query IntSumsWarehouses { warehouses(first: 10) { nodes { id } } }": types.IntSumsWarehousesDocument,
    "mutation IntSumsInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 1000000000 }, idempotencyKey: $key) { userErrors { code } } }": types.IntSumsInventorySetDocument,
    "query IntSumsProduct2 { product(sku: \"SKU-00042\") { inventory { onHand available } } }": types.IntSumsProduct2Document,
    "query IntSumsProducts { products(first: 5, filter: { skus: [\"SKU-00042\"] }) { nodes { inventory { available } } } }": types.IntSumsProductsDocument,
    "query IntSumsStockReservationAllowance { stockReservationAllowance { activeReservations unitsHeld } }": types.IntSumsStockReservationAllowanceDocument,
    "mutation InvoiceMutationsPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) {\n    invoice { status amountPaid { amount } amountDue { amount } payments { amount { amount } method reference } syncStatus } command { id } userErrors { code field } } }": types.InvoiceMutationsPayDocument,
    "mutation InvoiceMutationsRegister($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) {\n    invoice { number status total { amount } amountPaid { amount } dueDate order { id } lines { sku quantity unitPrice { amount } lineTotal { amount } } } command { id } userErrors { code field } } }": types.InvoiceMutationsRegisterDocument,
    "query InvoiceMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }": types.InvoiceMutationsWarehouseDocument,
    "mutation InvoiceMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00402\", quantity: 3, warehouseId: $wh }] }, idempotencyKey: $key) { order { id total { amount } } } }": types.InvoiceMutationsOrderPlaceDocument,
    "query InvoiceMutationsAccount { account(code: \"C00003\") { id } }": types.InvoiceMutationsAccountDocument,
    "query InvoicesAccount { account(code: \"C00001\") { id } }": types.InvoicesAccountDocument,
    "fragment InvoicesInvoice on Invoice { id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }\n    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }\n    account { code } order { number account { code } } }": types.InvoicesInvoiceFragmentDoc,
    "query InvoicesBInvoices($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ...InvoicesInvoice } } }": types.InvoicesBInvoicesDocument,
    "query InvoicesBInvoice($id: ID!) { invoice(id: $id) { ...InvoicesInvoice } }": types.InvoicesBInvoiceDocument,
    "query InvoicesBInvoices2($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ...InvoicesInvoice } } }": types.InvoicesBInvoices2Document,
    "query InvoicesBList($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } pageInfo { hasNextPage endCursor } } }": types.InvoicesBListDocument,
    "query InvoicesInvoices { invoices(first: 100) { nodes { issuedAt } } }": types.InvoicesInvoicesDocument,
    "query InvoicesInvoices2 { invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }": types.InvoicesInvoices2Document,
    "mutation LeaksWritesAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id } userErrors { code field } } }": types.LeaksWritesAddDocument,
    "mutation LeaksWritesCreate($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { allowedIps } userErrors { code field } } }": types.LeaksWritesCreateDocument,
    "mutation LeaksWritesPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": types.LeaksWritesPlaceDocument,
    "query LeaksWritesSync($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError deliveries { connector status lastError } } } }": types.LeaksWritesSyncDocument,
    "query NPlusOneOrderHistory($code: String!, $first: Int!) {\n  account(code: $code) {\n    name\n    orders(first: $first) {\n      nodes {\n        number status total { amount }\n        lines { sku quantity shippedQuantity unitPrice { amount }\n          product { sku name inventoryLevels { available warehouse { code } } } }\n        shipments { id trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n        events { kind toStatus occurredAt }\n      }\n    }\n  }\n}": types.NPlusOneOrderHistoryDocument,
    "fragment NodeFields on Node { __typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }\n    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number } }": types.NodeFieldsFragmentDoc,
    "query NodeAccount { account(code: \"C00002\") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }\n         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }": types.NodeAccountDocument,
    "query NodeBNode($id: ID!) { node(id: $id) { ...NodeFields } }": types.NodeBNodeDocument,
    "query NodeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.NodeNodesDocument,
    "query NodeNodes2 { nodes(ids: []) { id } }": types.NodeNodes2Document,
    "query NodeNode($id: ID!) { node(id: $id) { id } order(id: $id) { id } }": types.NodeNodeDocument,
    "query NodeNodes3($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodeNodes3Document,
    "query NodeNodes4($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodeNodes4Document,
    "query ObservabilityNode { node(id: \"abc\") { id } }": types.ObservabilityNodeDocument,
    "query ObservabilityProducts { products(first: 3) { nodes { sku } } }": types.ObservabilityProductsDocument,
    "mutation OrderFulfilmentPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { message } } }": types.OrderFulfilmentPlaceDocument,
    "mutation OrderLifecyclePlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }": types.OrderLifecyclePlaceDocument,
    "mutation OrderLifecycleProcess($input: OrderStatusChangeInput!, $key: String!) { orderProcess(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }": types.OrderLifecycleProcessDocument,
    "mutation OrderLifecycleComplete($input: OrderStatusChangeInput!, $key: String!) { orderComplete(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }": types.OrderLifecycleCompleteDocument,
    "mutation OrderLifecycleShip($input: OrderShipmentCreateInput!, $key: String!) { orderShipmentCreate(input: $input, idempotencyKey: $key) {\n  order { status shipments { id } lines { lineNumber shippedQuantity } } command { id type } userErrors { code field message } } }": types.OrderLifecycleShipDocument,
    "mutation OrderLifecycleCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status } userErrors { code message } } }": types.OrderLifecycleCancelDocument,
    "mutation OrderLifecycleReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) { order { status lines { returnedQuantity } } userErrors { code field message } } }": types.OrderLifecycleReturnDocument,
    "mutation OrderLifecycleInvoice($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { userErrors { code message } } }": types.OrderLifecycleInvoiceDocument,
    "query OrderLifecycleHistory($id: ID!) { order(id: $id) {\n  status\n  lines { lineNumber quantity shippedQuantity returnedQuantity }\n  shipments { id carrierCode trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n  events { kind fromStatus toStatus connector note carrierCode trackingNumber trackingUrl occurredAt recordedAt }\n} }": types.OrderLifecycleHistoryDocument,
    "mutation OrderMutationsPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status kind syncStatus total { amount } lines { sku quantity unit unitPrice { amount } lineTotal { amount } warehouse { code } } account { code } shipTo { isDefault } }\n  command { id type status deliveries { connector status } }\n  userErrors { field message code } } }": types.OrderMutationsPlaceDocument,
    "query OrderMutationsProduct($sku: String!) { product(sku: $sku) { price(quantity: 3) { unitPrice { amount } total { amount } } } }": types.OrderMutationsProductDocument,
    "query OrderMutationsOrder($id: ID!) { order(id: $id) { status syncStatus externalNumber lastCommand { status } } }": types.OrderMutationsOrderDocument,
    "query OrderMutationsAccount { account(code: \"C00002\") { id } }": types.OrderMutationsAccountDocument,
    "mutation OrderMutationsCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status syncStatus } command { id type } userErrors { code message } } }": types.OrderMutationsCancelDocument,
    "mutation OrderMutationsReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n    order { status lines { lineNumber quantity returnedQuantity } } command { id type } userErrors { code field } } }": types.OrderMutationsReturnDocument,
    "query OrderMutationsOrder2($id: ID!) { order(id: $id) { lines { lineNumber quantity } } }": types.OrderMutationsOrder2Document,
    "query OrderMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }": types.OrderMutationsWarehouseDocument,
    "mutation OrderMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00401\", quantity: 10, warehouseId: $wh }] }, idempotencyKey: $key) { order { id } userErrors { code } } }": types.OrderMutationsOrderPlaceDocument,
    "mutation OrderMutationsCancel2($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status lines { quantity cancelledQuantity } } userErrors { code field } } }": types.OrderMutationsCancel2Document,
    "query OrdersAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": types.OrdersAccountDocument,
    "fragment OrdersOrder on Order { id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }\n    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }\n    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }\n    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } } }": types.OrdersOrderFragmentDoc,
    "query OrdersBOrders($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ...OrdersOrder } } }": types.OrdersBOrdersDocument,
    "query OrdersBOrder($id: ID!) { order(id: $id) { ...OrdersOrder } }": types.OrdersBOrderDocument,
    "query OrdersOrders { orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }\n      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }": types.OrdersOrdersDocument,
    "query OrdersOrders2($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number\n      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }\n      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }": types.OrdersOrders2Document,
    "query OrdersBList($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } pageInfo { hasNextPage endCursor } } }": types.OrdersBListDocument,
    "query OrdersOrders3($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }": types.OrdersOrders3Document,
    "query OrdersOrders4 { orders(filter: { createdAfter: \"yesterday\" }) { totalCount } }": types.OrdersOrders4Document,
    "query OrdersOrders5 { orders(filter: { accountId: \"gid://store/Order/00000000-0000-0000-0000-000000000000\" }) { totalCount } }": types.OrdersOrders5Document,
    "query OrdersProducts { products(first: 1) { edges { cursor } } }": types.OrdersProductsDocument,
    "query OrdersQuotes($c: String) { quotes(first: 5, after: $c) { nodes { id } } }": types.OrdersQuotesDocument,
    "query OrdersOrders6($c: String) { orders(first: 5, after: $c) { nodes { id } } }": types.OrdersOrders6Document,
    "query OrdersOrders7 { orders(first: 100) { nodes { createdAt } } }": types.OrdersOrders7Document,
    "query OrdersOrders8 { orders(first: 100, reverse: true) { nodes { createdAt } } }": types.OrdersOrders8Document,
    "query OrdersOrders9 { orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }": types.OrdersOrders9Document,
    "query PaginationWarehouses { warehouses { nodes { id } } }": types.PaginationWarehousesDocument,
    "query PaginationProducts { products(first: 5) { nodes { id } edges { node { id } } } }": types.PaginationProductsDocument,
    "query PaginationProducts2 { products { nodes { id } pageInfo { hasNextPage } } }": types.PaginationProducts2Document,
    "mutation PaymentMethodsAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id provider brand last4 expiryMonth expiryYear } command { id } userErrors { code field message } } }": types.PaymentMethodsAddDocument,
    "query PaymentMethodsViewer { viewer { account { paymentMethods { id last4 } } } }": types.PaymentMethodsViewerDocument,
    "query PaymentMethodsNode($id: ID!) { node(id: $id) { id } }": types.PaymentMethodsNodeDocument,
    "mutation PaymentMethodsOrderPlace($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }": types.PaymentMethodsOrderPlaceDocument,
    "mutation PaymentMethodsOrderPlaceUpper($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code } } }": types.PaymentMethodsOrderPlaceUpperDocument,
    "mutation PaymentMethodsOrderPlace2($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code field } } }": types.PaymentMethodsOrderPlace2Document,
    "mutation PaymentMethodsRemove($id: ID!, $key: String!) { paymentMethodRemove(paymentMethodId: $id, idempotencyKey: $key) { removedPaymentMethodId userErrors { code } } }": types.PaymentMethodsRemoveDocument,
    "query PaymentMethodsViewer2 { viewer { account { paymentMethods { id } } } }": types.PaymentMethodsViewer2Document,
    "query PricingAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": types.PricingAccountDocument,
    "query PricingPrice($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {\n  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {\n    unitPrice { amount currencyCode } total { amount currencyCode } listUnitPrice { amount } quantity unit { code factor } source\n    breaks { minQuantity unitPrice { amount } } account { code } } } }": types.PricingPriceDocument,
    "query PricingProducts($a: ID!, $g: ID!) { products(first: 100) { nodes { sku\n          a: price(accountId: $a, quantity: 10) { source unitPrice { amount } }\n          g: price(accountId: $g, quantity: 50) { source unitPrice { amount } }\n          l: price(quantity: 100) { source unitPrice { amount } } } } }": types.PricingProductsDocument,
    "mutation ProductMutationsUpdate($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) {\n      product { name description listPrice { amount } priceBreaks { minQuantity unitPrice { amount } } presell syncStatus } command { id } userErrors { code field } } }": types.ProductMutationsUpdateDocument,
    "query ProductMutationsProduct { product(sku: \"SKU-00123\") { id description } }": types.ProductMutationsProductDocument,
    "query ProductMutationsProduct2 { product(sku: \"SKU-00123\") { one: price { unitPrice { amount } } ten: price(quantity: 10) { unitPrice { amount } } } }": types.ProductMutationsProduct2Document,
    "mutation ProductMutationsSet($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { inventoryLevel { onHand reserved available restockDate warehouse { code } } command { id } userErrors { code field } } }": types.ProductMutationsSetDocument,
    "query ProductMutationsProduct3 { product(sku: \"SKU-00200\") { id } warehouse(code: \"WH-WEST\") { id } }": types.ProductMutationsProduct3Document,
    "fragment ProductsFields on Product { id sku barcode name description listPrice { amount currencyCode } }": types.ProductsFieldsFragmentDoc,
    "query ProductsBProduct($sku: String!) { product(sku: $sku) { ...ProductsFields } }": types.ProductsBProductDocument,
    "query ProductsBProduct2($b: String!) { product(barcode: $b) { ...ProductsFields } }": types.ProductsBProduct2Document,
    "query ProductsBProduct3($id: ID!) { product(id: $id) { ...ProductsFields } }": types.ProductsBProduct3Document,
    "query ProductsProduct {\n      sku: product(sku: \"NO-SUCH-SKU\") { id }\n      lower: product(sku: \"sku-00001\") { id }\n      barcode: product(barcode: \"0000\") { id }\n      id: product(id: \"gid://store/Product/00000000-0000-0000-0000-000000000000\") { id } }": types.ProductsProductDocument,
    "query ProductsProduct2($id: ID!) { product(id: $id) { id } }": types.ProductsProduct2Document,
    "query ProductsProduct3($sku: String!) { product(sku: $sku) { images { url altText } categories { slug } baseUnit { code name factor } units { code name factor } } }": types.ProductsProduct3Document,
    "query ProductsProduct4($sku: String!) { product(sku: $sku) { specialOrder presell restricted } }": types.ProductsProduct4Document,
    "query ProductsProduct5($sku: String!, $one: [ProductRelationKind!], $two: [ProductRelationKind!]) { product(sku: $sku) {\n          all: relatedProducts { kind product { sku } }\n          one: relatedProducts(kinds: $one) { kind product { sku } }\n          two: relatedProducts(kinds: $two) { kind product { sku } } } }": types.ProductsProduct5Document,
    "query ProductsBProducts($after: String) { products(first: 100, after: $after) { nodes { sku\n        inventory { onHand reserved available } inventoryLevels { warehouse { code } onHand reserved available restockDate } } pageInfo { hasNextPage endCursor } } }": types.ProductsBProductsDocument,
    "query ProductsProducts($search: String) { products(filter: { search: $search }) { totalCount } }": types.ProductsProductsDocument,
    "query ProductsCategory($slug: String!) { category(slug: $slug) { id } }": types.ProductsCategoryDocument,
    "query ProductsCategory2($slug: String!) { category(slug: $slug) { id } }": types.ProductsCategory2Document,
    "query ProductsProducts2($skus: [String!]) { products(filter: { skus: $skus }) { totalCount } }": types.ProductsProducts2Document,
    "query ProductsProducts3 { products(filter: { categoryId: \"gid://store/Product/x\" }) { totalCount } }": types.ProductsProducts3Document,
    "query ProductsProducts4 { products(first: 1) { edges { cursor } } }": types.ProductsProducts4Document,
    "query ProductsProducts5($after: String) { products(first: 5, after: $after, sortKey: CREATED_AT) { nodes { sku } } }": types.ProductsProducts5Document,
    "query ProductsViewer {\n      viewer { kind }\n      products(first: 3) { totalCount nodes { id sku price(quantity: 10) { source unitPrice { amount } } inventory { available } relatedProducts { kind } kitComponents { quantity } } }\n      product(sku: \"SKU-00001\") { sku categories { id } }\n      categories(topLevel: true) { totalCount nodes { id } }\n      category(slug: \"tools\") { slug children { slug } products(first: 1) { totalCount } }\n      warehouses { totalCount nodes { id } }\n      warehouse(code: \"WH-EAST\") { code inventoryLevels(first: 1) { totalCount } } }": types.ProductsViewerDocument,
    "query ProductsNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }": types.ProductsNodesDocument,
    "mutation QuoteMutationsConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) {\n    order { id status lines { sku quantity unit unitPrice { amount } } total { amount } account { code } }\n    quote { status convertedOrder { id } } command { id type } userErrors { code message } } }": types.QuoteMutationsConvertDocument,
    "query QuoteMutationsQuote($id: ID!) { quote(id: $id) { lines { sku quantity unit unitPrice { amount } } } }": types.QuoteMutationsQuoteDocument,
    "mutation QuoteMutationsRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00031\", quantity: 12 }, { sku: \"SKU-00032\", quantity: 2 }] }, idempotencyKey: $key) {\n      quote { id number status validUntil total { amount } lines { sku quantity unitPrice { amount } lineTotal { amount } } account { code } } command { id type } userErrors { code field } } }": types.QuoteMutationsRequestDocument,
    "query QuoteMutationsProduct { product(sku: \"SKU-00031\") { price(quantity: 12) { unitPrice { amount } } } }": types.QuoteMutationsProductDocument,
    "mutation QuoteMutationsQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"NOPE\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } userErrors { code field } } }": types.QuoteMutationsQuoteRequestDocument,
    "query QuotesAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }": types.QuotesAccountDocument,
    "fragment QuotesQuote on Quote { id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }\n    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } } }": types.QuotesQuoteFragmentDoc,
    "query QuotesBQuotes($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ...QuotesQuote } } }": types.QuotesBQuotesDocument,
    "query QuotesBQuote($id: ID!) { quote(id: $id) { ...QuotesQuote } }": types.QuotesBQuoteDocument,
    "query QuotesBList($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } pageInfo { hasNextPage endCursor } } }": types.QuotesBListDocument,
    "query ReadinessProducts { products(first: 5) { nodes { sku inventory { onHand } } } }": types.ReadinessProductsDocument,
    "mutation ReservationCapsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code field } } }": types.ReservationCapsReserveDocument,
    "mutation ReservationCapsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { userErrors { code } } }": types.ReservationCapsReleaseDocument,
    "query ReservationCapsAllowance { stockReservationAllowance { activeReservations unitsHeld maxActiveReservations maxUnitsHeld maxMinutes } }": types.ReservationCapsAllowanceDocument,
    "query ReservationCapsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }": types.ReservationCapsProductDocument,
    "mutation StockReservationsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) {\n  reservation { id reference status expiresAt lines { product { sku } warehouse { code } quantity } } command { id type } userErrors { code field } } }": types.StockReservationsReserveDocument,
    "mutation StockReservationsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { reservation { status } userErrors { code } } }": types.StockReservationsReleaseDocument,
    "query StockReservationsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }": types.StockReservationsProductDocument,
    "query StockReservationsStockReservation($id: ID!) { stockReservation(id: $id) { status } }": types.StockReservationsStockReservationDocument,
    "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n": types.TestSignInDocument,
    "\n  query WriteHarnessCommand($id: ID!) { command(id: $id) { id type status attempts lastError nextAttemptAt deliveries { connector status attempts lastError reference } } }\n": types.WriteHarnessCommandDocument,
    "\n  query SyncTestConnectors {\n    connectors { name syncs { domain schedule runningSince lastRunAt lastSuccessAt itemsApplied errors lastError nextRunAt } }\n  }\n": types.SyncTestConnectorsDocument,
    "\n  query SyncTestAccountAndStockSource($code: String!, $sku: String!) {\n    account(code: $code) { code source { connector syncedAt } }\n    product(sku: $sku) { inventoryLevels { onHand warehouse { code } source { connector syncedAt } } }\n  }\n": types.SyncTestAccountAndStockSourceDocument,
    "\n  query SyncTestProductSource($sku: String!) { product(sku: $sku) { sku source { connector syncedAt } inventoryLevels { source { connector } } } }\n": types.SyncTestProductSourceDocument,
    "query TracingOff { products(first: 2) { nodes { sku } } }": types.TracingOffDocument,
    "query CatalogPage { products(first: 3) { nodes { sku } } product(sku: \"SKU-00002\") { name } }": types.CatalogPageDocument,
    "query CatalogWhileDown { product(sku: \"SKU-00003\") { name } }": types.CatalogWhileDownDocument,
    "query ViewerViewer { viewer { kind scopes account { code } } }": types.ViewerViewerDocument,
    "query WarehousesWarehouses { warehouses { totalCount nodes { code name address { line1 line2 city region postalCode countryCode } } } }": types.WarehousesWarehousesDocument,
    "query WarehousesWarehouse { warehouse(code: \"WH-WEST\") { id code name } }": types.WarehousesWarehouseDocument,
    "query WarehousesWarehouse2($id: ID!) { warehouse(id: $id) { id code name } }": types.WarehousesWarehouse2Document,
    "query WarehousesWarehouse3 { warehouse(code: \"WH-NOPE\") { id } }": types.WarehousesWarehouse3Document,
    "query WarehousesWarehouse4 { warehouse { id } }": types.WarehousesWarehouse4Document,
    "query WarehousesWarehouse5($code: String!) { warehouse(code: $code) { id } }": types.WarehousesWarehouse5Document,
    "query WarehousesBWarehouse($id: ID!, $after: String, $available: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, after: $after, filter: { available: $available }) {\n          nodes { product { sku } warehouse { code } onHand reserved available } pageInfo { hasNextPage endCursor } } } }": types.WarehousesBWarehouseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessAccount($code: String!) { account(code: $code) { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }"): (typeof documents)["query AccessAccount($code: String!) { account(code: $code) { id shipTos { id } orders(first: 1) { nodes { id } } invoices(first: 1) { nodes { id } } quotes(first: 1) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessViewer { viewer { kind account { id code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }"): (typeof documents)["query AccessViewer { viewer { kind account { id code orders { totalCount } invoices { totalCount } quotes { totalCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query AccessNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessProduct($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { unitPrice { amount } account { code } } } }"): (typeof documents)["query AccessProduct($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { unitPrice { amount } account { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessViewer2($b: ID!) { viewer { account { orders(first: 100, filter: { accountId: $b }) { totalCount nodes { account { code } } } quotes(filter: { accountId: $b }) { nodes { account { code } } } } } }"): (typeof documents)["query AccessViewer2($b: ID!) { viewer { account { orders(first: 100, filter: { accountId: $b }) { totalCount nodes { account { code } } } quotes(filter: { accountId: $b }) { nodes { account { code } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessAccounts { accounts { nodes { id code } } }"): (typeof documents)["query AccessAccounts { accounts { nodes { id code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessViewer3 { viewer { kind account { id } } products(first: 2) { nodes { sku price(quantity: 10) { source account { code } } inventory { available } } }\n        product(sku: \"SKU-00002\") { sku } warehouses { totalCount } categories { totalCount } category(slug: \"tools\") { slug } warehouse(code: \"WH-EAST\") { code } }"): (typeof documents)["query AccessViewer3 { viewer { kind account { id } } products(first: 2) { nodes { sku price(quantity: 10) { source account { code } } inventory { available } } }\n        product(sku: \"SKU-00002\") { sku } warehouses { totalCount } categories { totalCount } category(slug: \"tools\") { slug } warehouse(code: \"WH-EAST\") { code } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessProduct2($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { source } } }"): (typeof documents)["query AccessProduct2($id: ID!) { product(sku: \"SKU-00001\") { price(accountId: $id) { source } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessProducts($a: ID!, $b: ID!) { products(first: 1) { totalCount } product(sku: \"SKU-00001\") { sku a: price(accountId: $a) { account { code } } b: price(accountId: $b) { account { code } } } }"): (typeof documents)["query AccessProducts($a: ID!, $b: ID!) { products(first: 1) { totalCount } product(sku: \"SKU-00001\") { sku a: price(accountId: $a) { account { code } } b: price(accountId: $b) { account { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) {\n    customerAccessToken { accessToken expiresAt } userErrors { field code message } } }"): (typeof documents)["mutation AccessSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) {\n    customerAccessToken { accessToken expiresAt } userErrors { field code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessViewer4 { viewer { kind account { code } } }"): (typeof documents)["query AccessViewer4 { viewer { kind account { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOrders { orders { nodes { id } } }"): (typeof documents)["query AccessOrders { orders { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessAccounts2 { accounts { nodes { id } } }"): (typeof documents)["query AccessAccounts2 { accounts { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessNode { node(id: \"abc\") { id } }"): (typeof documents)["query AccessNode { node(id: \"abc\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AccountMutationsAccount on Account { id name email phone paymentTerms deletedAt syncStatus shipTos { id name isDefault address { city } } }"): (typeof documents)["fragment AccountMutationsAccount on Account { id name email phone paymentTerms deletedAt syncStatus shipTos { id name isDefault address { city } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) {\n      account { id code email customerGroup { code } syncStatus externalReferences { connector externalId } }\n      command { id status }\n      userErrors { field code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n"): (typeof documents)["\n  query AccountSyncByCode($code: String!) { account(code: $code) { syncStatus externalReferences { connector externalId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n"): (typeof documents)["\n  mutation SignInInitech { customerAccessTokenCreate(input: { email: \"BUYER@initech.example\", password: \"initech-password\" }) { customerAccessToken { accessToken } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerKind { viewer { kind } }\n"): (typeof documents)["\n  query ViewerKind { viewer { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n"): (typeof documents)["\n  mutation CustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted userErrors { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsViewer { viewer { account { id } } }"): (typeof documents)["query AccountMutationsViewer { viewer { account { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsAccount { account(code: \"C00002\") { id } }"): (typeof documents)["query AccountMutationsAccount { account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsShipToAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsShipToAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsShipToUpdate($input: ShipToUpdateInput!, $key: String!) { shipToUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsShipToUpdate($input: ShipToUpdateInput!, $key: String!) { shipToUpdate(input: $input, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsShipToRemove($id: ID!, $key: String!) { shipToRemove(shipToId: $id, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsShipToRemove($id: ID!, $key: String!) { shipToRemove(shipToId: $id, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation AccountMutationsAdd($input: ShipToAddInput!, $key: String!) { shipToAdd(input: $input, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsDelete($id: ID!, $key: String!) { accountDelete(account: { id: $id }, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsDelete($id: ID!, $key: String!) { accountDelete(account: { id: $id }, idempotencyKey: $key) { account { ...AccountMutationsAccount } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsAccount2 { account(code: \"C00002\") { id orders(first: 1) { nodes { id } } } }"): (typeof documents)["query AccountMutationsAccount2 { account(code: \"C00002\") { id orders(first: 1) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsAccount3 { account(code: \"C00002\") { id } }"): (typeof documents)["query AccountMutationsAccount3 { account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsViewer2 { viewer { kind } }"): (typeof documents)["query AccountMutationsViewer2 { viewer { kind } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsCustomerAccessTokenCreate { customerAccessTokenCreate(input: { email: \"buyer@globex.example\", password: \"globex-demo-2\" }) { userErrors { code } } }"): (typeof documents)["mutation AccountMutationsCustomerAccessTokenCreate { customerAccessTokenCreate(input: { email: \"buyer@globex.example\", password: \"globex-demo-2\" }) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMutationsOrder($id: ID!) { order(id: $id) { account { deletedAt } } }"): (typeof documents)["query AccountMutationsOrder($id: ID!) { order(id: $id) { account { deletedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountMutationsOrderPlace($a: ID!, $key: String!) { orderPlace(input: { accountId: $a, kind: PREORDER, lines: [{ sku: \"SKU-00001\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code field } } }"): (typeof documents)["mutation AccountMutationsOrderPlace($a: ID!, $key: String!) { orderPlace(input: { accountId: $a, kind: PREORDER, lines: [{ sku: \"SKU-00001\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"): (typeof documents)["query AccountsAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AccountsAccount on Account { id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }\n    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }\n    restrictedProducts { sku } }"): (typeof documents)["fragment AccountsAccount on Account { id code name email phone paymentTerms currencyCode externalReferences { connector externalId } customerGroup { code name } corporateGroup { code }\n    defaultWarehouse { code } shipTos { id name isDefault erpShipToId address { line1 city postalCode countryCode } } parentAccount { code } subAccounts { code }\n    restrictedProducts { sku } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsBAccount { account(code: \"C00001\") { ...AccountsAccount } }"): (typeof documents)["query AccountsBAccount { account(code: \"C00001\") { ...AccountsAccount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsBAccount2($e: String!) { account(email: $e) { ...AccountsAccount } }"): (typeof documents)["query AccountsBAccount2($e: String!) { account(email: $e) { ...AccountsAccount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsBAccount3($id: ID!) { account(id: $id) { ...AccountsAccount } }"): (typeof documents)["query AccountsBAccount3($id: ID!) { account(id: $id) { ...AccountsAccount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount2 { c: account(code: \"C99999\") { id } e: account(email: \"nobody@example.com\") { id } i: account(id: \"gid://store/Account/00000000-0000-0000-0000-000000000000\") { id } }"): (typeof documents)["query AccountsAccount2 { c: account(code: \"C99999\") { id } e: account(email: \"nobody@example.com\") { id } i: account(id: \"gid://store/Account/00000000-0000-0000-0000-000000000000\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsBAccount4($c: String!) { account(code: $c) { ...AccountsAccount } }"): (typeof documents)["query AccountsBAccount4($c: String!) { account(code: $c) { ...AccountsAccount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount3($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }"): (typeof documents)["query AccountsAccount3($c: String!) { account(code: $c) { parentAccount { code parentAccount { code } subAccounts { code parentAccount { code } } } subAccounts { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount4($c: String!) { account(code: $c) { restrictedProducts { sku } } }"): (typeof documents)["query AccountsAccount4($c: String!) { account(code: $c) { restrictedProducts { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount5($c: String!) { account(code: $c) { code\n        orders(first: 100) { totalCount nodes { account { code } } }\n        invoices(first: 100) { totalCount nodes { account { code } } }\n        quotes(first: 100) { totalCount nodes { account { code } } } } }"): (typeof documents)["query AccountsAccount5($c: String!) { account(code: $c) { code\n        orders(first: 100) { totalCount nodes { account { code } } }\n        invoices(first: 100) { totalCount nodes { account { code } } }\n        quotes(first: 100) { totalCount nodes { account { code } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount6($g: ID!) { account(code: \"C00001\") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }"): (typeof documents)["query AccountsAccount6($g: ID!) { account(code: \"C00001\") { orders(first: 100, filter: { accountId: $g, statuses: [COMPLETED] }) { totalCount nodes { status account { code } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsBList($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query AccountsBList($filter: AccountFilter, $after: String) { accounts(first: 100, after: $after, filter: $filter) { totalCount nodes { code name email customerGroup { code } parentAccount { code } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountsAccount7($c: String!) { account(code: $c) { id } }"): (typeof documents)["query AccountsAccount7($c: String!) { account(code: $c) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiKeysSignIn { customerAccessTokenCreate(input: { email: \"buyer@acme.example\", password: \"acme-demo-1\" }) { customerAccessToken { accessToken } } }"): (typeof documents)["mutation ApiKeysSignIn { customerAccessTokenCreate(input: { email: \"buyer@acme.example\", password: \"acme-demo-1\" }) { customerAccessToken { accessToken } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiKeysCustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }"): (typeof documents)["mutation ApiKeysCustomerAccessTokenDelete($t: String!) { customerAccessTokenDelete(accessToken: $t) { deleted } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysApiKeys { apiKeys { id lastUsedAt } }"): (typeof documents)["query ApiKeysApiKeys { apiKeys { id lastUsedAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiKeysApiKeys2 { apiKeys { id } }"): (typeof documents)["query ApiKeysApiKeys2 { apiKeys { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesBCategory($id: ID!, $after: String) { category(id: $id) { products(first: 100, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } } }"): (typeof documents)["query CategoriesBCategory($id: ID!, $after: String) { category(id: $id) { products(first: 100, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategory($slug: String!) { category(slug: $slug) { parent { id slug } children { slug } } }"): (typeof documents)["query CategoriesCategory($slug: String!) { category(slug: $slug) { parent { id slug } children { slug } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategories { categories(first: 100) { totalCount nodes { name parent { id } } } }"): (typeof documents)["query CategoriesCategories { categories(first: 100) { totalCount nodes { name parent { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategories2 { categories(first: 100, topLevel: true) { totalCount nodes { name parent { id } } } }"): (typeof documents)["query CategoriesCategories2 { categories(first: 100, topLevel: true) { totalCount nodes { name parent { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategory2 { category(slug: \"no-such-category\") { id } }"): (typeof documents)["query CategoriesCategory2 { category(slug: \"no-such-category\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategory3 { category { id } }"): (typeof documents)["query CategoriesCategory3 { category { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CategoriesCategory4 { category(slug: \"tools\", id: \"gid://store/Category/x\") { id } }"): (typeof documents)["query CategoriesCategory4 { category(slug: \"tools\", id: \"gid://store/Category/x\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeStoredPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id } command { id } userErrors { code } } }"): (typeof documents)["mutation ChangeStoredPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChangeStoredCatalog { products(first: 5, sortKey: SKU) { nodes { sku } } }"): (typeof documents)["query ChangeStoredCatalog { products(first: 5, sortKey: SKU) { nodes { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ChangeStoredViewer { viewer { __typename } }"): (typeof documents)["query ChangeStoredViewer { viewer { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConcurrentOrdersPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id status lines { sku quantity } } command { id } userErrors { field code message } } }"): (typeof documents)["mutation ConcurrentOrdersPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id status lines { sku quantity } } command { id } userErrors { field code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConcurrentOrdersCatalog { products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }"): (typeof documents)["query ConcurrentOrdersCatalog { products(first: 5, sortKey: SKU) { nodes { sku name inventory { available } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConcurrentOrdersConnectors { connectors { name circuit status lastError } }"): (typeof documents)["query ConcurrentOrdersConnectors { connectors { name circuit status lastError } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrossAggregateAccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation CrossAggregateAccountCreate($input: AccountCreateInput!, $key: String!) {\n    accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrossAggregateOrderPlace($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation CrossAggregateOrderPlace($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) { order { id } command { id } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrossAggregateAccountUpdate($input: AccountUpdateInput!, $key: String!) {\n    accountUpdate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n"): (typeof documents)["\n  mutation CrossAggregateAccountUpdate($input: AccountUpdateInput!, $key: String!) {\n    accountUpdate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrossAggregateCommand($id: ID!) { command(id: $id) { status lastError deliveries { connector status attempts lastError } } }\n"): (typeof documents)["\n  query CrossAggregateCommand($id: ID!) { command(id: $id) { status lastError deliveries { connector status attempts lastError } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrossAggregateRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }\n"): (typeof documents)["\n  mutation CrossAggregateRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CrossAggregateQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } command { id } userErrors { code message } } }"): (typeof documents)["mutation CrossAggregateQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } command { id } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CrossAggregateQuoteConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) { order { id } command { id } userErrors { code message } } }"): (typeof documents)["mutation CrossAggregateQuoteConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) { order { id } command { id } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CrossAggregateInvoiceRegister($id: ID!, $key: String!) { invoiceRegister(input: { orderId: $id }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code message } } }"): (typeof documents)["mutation CrossAggregateInvoiceRegister($id: ID!, $key: String!) { invoiceRegister(input: { orderId: $id }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeliveryProjectionOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, poNumber: \"PROJECTION-FAULT\", lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"): (typeof documents)["mutation DeliveryProjectionOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, poNumber: \"PROJECTION-FAULT\", lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeliveryProjectionOrder($id: ID!) { order(id: $id) { externalNumber syncStatus } }"): (typeof documents)["query DeliveryProjectionOrder($id: ID!) { order(id: $id) { externalNumber syncStatus } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeliveryOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"): (typeof documents)["mutation DeliveryOrderPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeliveryOrder($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError } } }"): (typeof documents)["query DeliveryOrder($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeliveryRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }"): (typeof documents)["mutation DeliveryRetry($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { command { status } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeliveryRetry2($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation DeliveryRetry2($id: ID!, $key: String!) { commandRetry(id: $id, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeliveryAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }"): (typeof documents)["mutation DeliveryAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeliveryCommands { commands(first: 100, filter: { status: FAILED, connector: \"erp\", type: \"orderPlace\" }) { totalCount nodes { status type deliveries { connector } } } }"): (typeof documents)["query DeliveryCommands { commands(first: 100, filter: { status: FAILED, connector: \"erp\", type: \"orderPlace\" }) { totalCount nodes { status type deliveries { connector } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeliveryCommands2 { commands { totalCount } }"): (typeof documents)["query DeliveryCommands2 { commands { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EconnectWritesCreate($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code } } }"): (typeof documents)["mutation EconnectWritesCreate($input: AccountCreateInput!, $key: String!) { accountCreate(input: $input, idempotencyKey: $key) { account { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconnectWritesAccount { account(code: \"EC-001\") { externalReferences { connector externalId } } }"): (typeof documents)["query EconnectWritesAccount { account(code: \"EC-001\") { externalReferences { connector externalId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconnectWritesProduct { product(sku: \"SKU-00002\") { id } warehouse(code: \"WH-EAST\") { id } }"): (typeof documents)["query EconnectWritesProduct { product(sku: \"SKU-00002\") { id } warehouse(code: \"WH-EAST\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EconnectWritesInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 321 }, idempotencyKey: $key) { command { id } } }"): (typeof documents)["mutation EconnectWritesInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 321 }, idempotencyKey: $key) { command { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconnectWritesConnectors { connectors { name kind status reads receives lastError backlog { pending retrying failed oldestPendingAt } } }"): (typeof documents)["query EconnectWritesConnectors { connectors { name kind status reads receives lastError backlog { pending retrying failed oldestPendingAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconnectWritesAccount2 { account(code: \"EC-001\") { id } warehouse(code: \"WH-WEST\") { id } }"): (typeof documents)["query EconnectWritesAccount2 { account(code: \"EC-001\") { id } warehouse(code: \"WH-WEST\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EconnectWritesInvoiceRegister($a: ID!, $w: ID!, $key: String!) { invoiceRegister(input: { accountId: $a, lines: [{ sku: \"SKU-00004\", quantity: 3, unitPrice: \"40.00\", warehouseId: $w }] }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code } } }"): (typeof documents)["mutation EconnectWritesInvoiceRegister($a: ID!, $w: ID!, $key: String!) { invoiceRegister(input: { accountId: $a, lines: [{ sku: \"SKU-00004\", quantity: 3, unitPrice: \"40.00\", warehouseId: $w }] }, idempotencyKey: $key) { invoice { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EconnectWritesPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }"): (typeof documents)["mutation EconnectWritesPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) { command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EconnectWritesPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }"): (typeof documents)["mutation EconnectWritesPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EconnectWritesOrder($id: ID!) { order(id: $id) { externalNumber } }"): (typeof documents)["query EconnectWritesOrder($id: ID!) { order(id: $id) { externalNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationAccount { byCode: account(code: \"C00003\") { id code name email }\n           byEmail: account(email: \"ERP4@example.com\") { code }\n           byId: node(id: \"gid://erp/Account/5\") { ... on Account { code customerGroup { code } } }\n           accounts(first: 3) { nodes { code } totalCount pageInfo { hasNextPage } } }"): (typeof documents)["query FederationAccount { byCode: account(code: \"C00003\") { id code name email }\n           byEmail: account(email: \"ERP4@example.com\") { code }\n           byId: node(id: \"gid://erp/Account/5\") { ... on Account { code customerGroup { code } } }\n           accounts(first: 3) { nodes { code } totalCount pageInfo { hasNextPage } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationViewer { viewer { account { id code email externalReferences { connector externalId } } } }"): (typeof documents)["query FederationViewer { viewer { account { id code email externalReferences { connector externalId } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationViewer2 { viewer { account { id orders(first: 2) { nodes { id account { id } } } } }\n         byId: node(id: \"gid://erp/Account/1\") { id }\n         byCode: account(code: \"C00001\") { id } }"): (typeof documents)["query FederationViewer2 { viewer { account { id orders(first: 2) { nodes { id account { id } } } } }\n         byId: node(id: \"gid://erp/Account/1\") { id }\n         byCode: account(code: \"C00001\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationOrder($id: ID!) { order(id: $id) { account { id } } }"): (typeof documents)["query FederationOrder($id: ID!) { order(id: $id) { account { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationProduct { bySku: product(sku: \"SKU-00007\") { id name listPrice { amount currencyCode } inventoryLevels { warehouse { code } onHand available } }\n           byBarcode: product(barcode: \"4000000000008\") { sku }\n           byId: node(id: \"gid://erp/Product/109\") { ... on Product { sku } }\n           products(first: 2, after: null) { nodes { sku } totalCount } }"): (typeof documents)["query FederationProduct { bySku: product(sku: \"SKU-00007\") { id name listPrice { amount currencyCode } inventoryLevels { warehouse { code } onHand available } }\n           byBarcode: product(barcode: \"4000000000008\") { sku }\n           byId: node(id: \"gid://erp/Product/109\") { ... on Product { sku } }\n           products(first: 2, after: null) { nodes { sku } totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationOrders($first: Int!) { orders(first: $first) { nodes { number account { code name } lines { sku product { name inventoryLevels { onHand } } } } } }"): (typeof documents)["query FederationOrders($first: Int!) { orders(first: $first) { nodes { number account { code name } lines { sku product { name inventoryLevels { onHand } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationHistory($first: Int, $after: String, $last: Int, $before: String) {\n    orders(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id number createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"): (typeof documents)["query FederationHistory($first: Int, $after: String, $last: Int, $before: String) {\n    orders(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id number createdAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationQuery { orders(first: 5) { nodes { number lines { sku product { name } } } } }"): (typeof documents)["query FederationQuery { orders(first: 5) { nodes { number lines { sku product { name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationOrders2 { orders(first: 1) { nodes { number account { code } } } products(first: 2) { nodes { sku } totalCount } warehouses(first: 1) { nodes { code } } }"): (typeof documents)["query FederationOrders2 { orders(first: 1) { nodes { number account { code } } } products(first: 2) { nodes { sku } totalCount } warehouses(first: 1) { nodes { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationConnectors { connectors { name status circuit lastError } }"): (typeof documents)["query FederationConnectors { connectors { name status circuit lastError } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationConnectors2 { connectors { name status circuit } }"): (typeof documents)["query FederationConnectors2 { connectors { name status circuit } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationOrders3 { orders(first: 5) { nodes { id } totalCount } }"): (typeof documents)["query FederationOrders3 { orders(first: 5) { nodes { id } totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FederationProducts($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id sku } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"): (typeof documents)["query FederationProducts($first: Int, $after: String, $last: Int, $before: String) { products(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id sku } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FederationPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n    order { id account { id } lines { sku product { id } } } userErrors { code field message } } }"): (typeof documents)["mutation FederationPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n    order { id account { id } lines { sku product { id } } } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FederationUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { id } userErrors { code } } }"): (typeof documents)["mutation FederationUpdate($input: AccountUpdateInput!, $key: String!) { accountUpdate(input: $input, idempotencyKey: $key) { account { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FederationProduct2($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation FederationProduct2($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IdempotencyKeysPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code } } }"): (typeof documents)["mutation IdempotencyKeysPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundApplyChanges($connector: String!, $statuses: [InboundChangeStatus!], $first: Int, $after: String) {\n    inboundChanges(connector: $connector, statuses: $statuses, first: $first, after: $after) {\n      nodes { eventId type aggregate status error attempts occurredAt receivedAt appliedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query InboundApplyChanges($connector: String!, $statuses: [InboundChangeStatus!], $first: Int, $after: String) {\n    inboundChanges(connector: $connector, statuses: $statuses, first: $first, after: $after) {\n      nodes { eventId type aggregate status error attempts occurredAt receivedAt appliedAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundApplyConnectorStats { connectors { name inbound { received waiting applied parked rejected lastAppliedAt } } }\n"): (typeof documents)["\n  query InboundApplyConnectorStats { connectors { name inbound { received waiting applied parked rejected lastAppliedAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InboundApplyPlaceOrder($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) {\n      order { id number }\n      command { id }\n      userErrors { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation InboundApplyPlaceOrder($input: OrderPlaceInput!, $key: String!) {\n    orderPlace(input: $input, idempotencyKey: $key) {\n      order { id number }\n      command { id }\n      userErrors { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundApplyCustomerOrder($id: ID!) {\n    order(id: $id) {\n      status\n      lines { sku quantity shippedQuantity }\n      shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n      events { kind fromStatus toStatus connector trackingNumber }\n    }\n  }\n"): (typeof documents)["\n  query InboundApplyCustomerOrder($id: ID!) {\n    order(id: $id) {\n      status\n      lines { sku quantity shippedQuantity }\n      shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n      events { kind fromStatus toStatus connector trackingNumber }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboundFlowPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status lines { lineNumber sku quantity } } command { id } userErrors { field code message } } }"): (typeof documents)["mutation InboundFlowPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status lines { lineNumber sku quantity } } command { id } userErrors { field code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboundFlowHistory { orders(first: 10, sortKey: CREATED_AT) { nodes {\n  id number externalNumber status\n  lines { lineNumber sku quantity shippedQuantity returnedQuantity }\n  events { kind fromStatus toStatus connector }\n  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n} } }"): (typeof documents)["query InboundFlowHistory { orders(first: 10, sortKey: CREATED_AT) { nodes {\n  id number externalNumber status\n  lines { lineNumber sku quantity shippedQuantity returnedQuantity }\n  events { kind fromStatus toStatus connector }\n  shipments { carrierCode trackingNumber trackingUrl lines { lineNumber quantity } }\n} } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboundFlowChanges($statuses: [InboundChangeStatus!]) { inboundChanges(connector: \"erp\", statuses: $statuses, first: 50) {\n  nodes { eventId type aggregate status error } } }"): (typeof documents)["query InboundFlowChanges($statuses: [InboundChangeStatus!]) { inboundChanges(connector: \"erp\", statuses: $statuses, first: 50) {\n  nodes { eventId type aggregate status error } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboundFlowReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n  order { status } command { id } userErrors { field code message } } }"): (typeof documents)["mutation InboundFlowReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n  order { status } command { id } userErrors { field code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboundFlowAccount($code: String!) { account(code: $code) { code name email phone } }"): (typeof documents)["query InboundFlowAccount($code: String!) { account(code: $code) { code name email phone } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntSumsProduct { product(sku: \"SKU-00042\") { id } }"): (typeof documents)["query IntSumsProduct { product(sku: \"SKU-00042\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntSumsWarehouses { warehouses(first: 10) { nodes { id } } }"): (typeof documents)["query IntSumsWarehouses { warehouses(first: 10) { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IntSumsInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 1000000000 }, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation IntSumsInventorySet($p: ID!, $w: ID!, $key: String!) { inventorySet(input: { productId: $p, warehouseId: $w, onHand: 1000000000 }, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntSumsProduct2 { product(sku: \"SKU-00042\") { inventory { onHand available } } }"): (typeof documents)["query IntSumsProduct2 { product(sku: \"SKU-00042\") { inventory { onHand available } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntSumsProducts { products(first: 5, filter: { skus: [\"SKU-00042\"] }) { nodes { inventory { available } } } }"): (typeof documents)["query IntSumsProducts { products(first: 5, filter: { skus: [\"SKU-00042\"] }) { nodes { inventory { available } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IntSumsStockReservationAllowance { stockReservationAllowance { activeReservations unitsHeld } }"): (typeof documents)["query IntSumsStockReservationAllowance { stockReservationAllowance { activeReservations unitsHeld } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvoiceMutationsPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) {\n    invoice { status amountPaid { amount } amountDue { amount } payments { amount { amount } method reference } syncStatus } command { id } userErrors { code field } } }"): (typeof documents)["mutation InvoiceMutationsPay($input: InvoicePaymentRecordInput!, $key: String!) { invoicePaymentRecord(input: $input, idempotencyKey: $key) {\n    invoice { status amountPaid { amount } amountDue { amount } payments { amount { amount } method reference } syncStatus } command { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvoiceMutationsRegister($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) {\n    invoice { number status total { amount } amountPaid { amount } dueDate order { id } lines { sku quantity unitPrice { amount } lineTotal { amount } } } command { id } userErrors { code field } } }"): (typeof documents)["mutation InvoiceMutationsRegister($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) {\n    invoice { number status total { amount } amountPaid { amount } dueDate order { id } lines { sku quantity unitPrice { amount } lineTotal { amount } } } command { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoiceMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }"): (typeof documents)["query InvoiceMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvoiceMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00402\", quantity: 3, warehouseId: $wh }] }, idempotencyKey: $key) { order { id total { amount } } } }"): (typeof documents)["mutation InvoiceMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00402\", quantity: 3, warehouseId: $wh }] }, idempotencyKey: $key) { order { id total { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoiceMutationsAccount { account(code: \"C00003\") { id } }"): (typeof documents)["query InvoiceMutationsAccount { account(code: \"C00003\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesAccount { account(code: \"C00001\") { id } }"): (typeof documents)["query InvoicesAccount { account(code: \"C00001\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment InvoicesInvoice on Invoice { id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }\n    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }\n    account { code } order { number account { code } } }"): (typeof documents)["fragment InvoicesInvoice on Invoice { id number status dueDate issuedAt total { amount currencyCode } amountPaid { amount } amountDue { amount currencyCode }\n    payments { amount { amount } method reference paidAt } lines { lineNumber sku quantity unitPrice { amount } lineTotal { amount } }\n    account { code } order { number account { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesBInvoices($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ...InvoicesInvoice } } }"): (typeof documents)["query InvoicesBInvoices($a: ID!) { invoices(first: 5, filter: { accountId: $a }) { nodes { ...InvoicesInvoice } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesBInvoice($id: ID!) { invoice(id: $id) { ...InvoicesInvoice } }"): (typeof documents)["query InvoicesBInvoice($id: ID!) { invoice(id: $id) { ...InvoicesInvoice } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesBInvoices2($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ...InvoicesInvoice } } }"): (typeof documents)["query InvoicesBInvoices2($s: [InvoiceStatus!]) { invoices(first: 100, filter: { statuses: $s }) { totalCount nodes { ...InvoicesInvoice } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesBList($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query InvoicesBList($filter: InvoiceFilter, $after: String) { invoices(first: 100, after: $after, filter: $filter) { totalCount nodes { number status dueDate account { code } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesInvoices { invoices(first: 100) { nodes { issuedAt } } }"): (typeof documents)["query InvoicesInvoices { invoices(first: 100) { nodes { issuedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvoicesInvoices2 { invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }"): (typeof documents)["query InvoicesInvoices2 { invoices(first: 100, sortKey: DUE_DATE) { nodes { dueDate } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaksWritesAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id } userErrors { code field } } }"): (typeof documents)["mutation LeaksWritesAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaksWritesCreate($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { allowedIps } userErrors { code field } } }"): (typeof documents)["mutation LeaksWritesCreate($input: ApiKeyCreateInput!, $key: String!) { apiKeyCreate(input: $input, idempotencyKey: $key) { apiKey { allowedIps } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaksWritesPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"): (typeof documents)["mutation LeaksWritesPlace($key: String!) { orderPlace(input: { kind: PREORDER, lines: [{ sku: \"SKU-00042\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LeaksWritesSync($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError deliveries { connector status lastError } } } }"): (typeof documents)["query LeaksWritesSync($id: ID!) { order(id: $id) { syncStatus lastCommand { status lastError deliveries { connector status lastError } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NPlusOneOrderHistory($code: String!, $first: Int!) {\n  account(code: $code) {\n    name\n    orders(first: $first) {\n      nodes {\n        number status total { amount }\n        lines { sku quantity shippedQuantity unitPrice { amount }\n          product { sku name inventoryLevels { available warehouse { code } } } }\n        shipments { id trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n        events { kind toStatus occurredAt }\n      }\n    }\n  }\n}"): (typeof documents)["query NPlusOneOrderHistory($code: String!, $first: Int!) {\n  account(code: $code) {\n    name\n    orders(first: $first) {\n      nodes {\n        number status total { amount }\n        lines { sku quantity shippedQuantity unitPrice { amount }\n          product { sku name inventoryLevels { available warehouse { code } } } }\n        shipments { id trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n        events { kind toStatus occurredAt }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeFields on Node { __typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }\n    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number } }"): (typeof documents)["fragment NodeFields on Node { __typename id ... on Account { code } ... on ShipTo { name } ... on Product { sku } ... on Category { slug }\n    ... on Warehouse { code } ... on Order { number } ... on Invoice { number } ... on Quote { number } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeAccount { account(code: \"C00002\") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }\n         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }"): (typeof documents)["query NodeAccount { account(code: \"C00002\") { id code shipTos { id name } orders(first: 1) { nodes { id number } } invoices(first: 1) { nodes { id number } } quotes(first: 1) { nodes { id number } } }\n         products(first: 1) { nodes { id sku } } categories(first: 1) { nodes { id slug } } warehouses(first: 1) { nodes { id code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeBNode($id: ID!) { node(id: $id) { ...NodeFields } }"): (typeof documents)["query NodeBNode($id: ID!) { node(id: $id) { ...NodeFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query NodeNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNodes2 { nodes(ids: []) { id } }"): (typeof documents)["query NodeNodes2 { nodes(ids: []) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNode($id: ID!) { node(id: $id) { id } order(id: $id) { id } }"): (typeof documents)["query NodeNode($id: ID!) { node(id: $id) { id } order(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNodes3($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query NodeNodes3($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodeNodes4($ids: [ID!]!) { nodes(ids: $ids) { id } }"): (typeof documents)["query NodeNodes4($ids: [ID!]!) { nodes(ids: $ids) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObservabilityNode { node(id: \"abc\") { id } }"): (typeof documents)["query ObservabilityNode { node(id: \"abc\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ObservabilityProducts { products(first: 3) { nodes { sku } } }"): (typeof documents)["query ObservabilityProducts { products(first: 3) { nodes { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderFulfilmentPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { message } } }"): (typeof documents)["mutation OrderFulfilmentPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecyclePlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }"): (typeof documents)["mutation OrderLifecyclePlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) { order { id number } command { id } userErrors { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleProcess($input: OrderStatusChangeInput!, $key: String!) { orderProcess(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }"): (typeof documents)["mutation OrderLifecycleProcess($input: OrderStatusChangeInput!, $key: String!) { orderProcess(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleComplete($input: OrderStatusChangeInput!, $key: String!) { orderComplete(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }"): (typeof documents)["mutation OrderLifecycleComplete($input: OrderStatusChangeInput!, $key: String!) { orderComplete(input: $input, idempotencyKey: $key) {\n  order { status } command { id type } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleShip($input: OrderShipmentCreateInput!, $key: String!) { orderShipmentCreate(input: $input, idempotencyKey: $key) {\n  order { status shipments { id } lines { lineNumber shippedQuantity } } command { id type } userErrors { code field message } } }"): (typeof documents)["mutation OrderLifecycleShip($input: OrderShipmentCreateInput!, $key: String!) { orderShipmentCreate(input: $input, idempotencyKey: $key) {\n  order { status shipments { id } lines { lineNumber shippedQuantity } } command { id type } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status } userErrors { code message } } }"): (typeof documents)["mutation OrderLifecycleCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) { order { status lines { returnedQuantity } } userErrors { code field message } } }"): (typeof documents)["mutation OrderLifecycleReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) { order { status lines { returnedQuantity } } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderLifecycleInvoice($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { userErrors { code message } } }"): (typeof documents)["mutation OrderLifecycleInvoice($input: InvoiceRegisterInput!, $key: String!) { invoiceRegister(input: $input, idempotencyKey: $key) { userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderLifecycleHistory($id: ID!) { order(id: $id) {\n  status\n  lines { lineNumber quantity shippedQuantity returnedQuantity }\n  shipments { id carrierCode trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n  events { kind fromStatus toStatus connector note carrierCode trackingNumber trackingUrl occurredAt recordedAt }\n} }"): (typeof documents)["query OrderLifecycleHistory($id: ID!) { order(id: $id) {\n  status\n  lines { lineNumber quantity shippedQuantity returnedQuantity }\n  shipments { id carrierCode trackingNumber trackingUrl warehouse { code } lines { lineNumber quantity } }\n  events { kind fromStatus toStatus connector note carrierCode trackingNumber trackingUrl occurredAt recordedAt }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderMutationsPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status kind syncStatus total { amount } lines { sku quantity unit unitPrice { amount } lineTotal { amount } warehouse { code } } account { code } shipTo { isDefault } }\n  command { id type status deliveries { connector status } }\n  userErrors { field message code } } }"): (typeof documents)["mutation OrderMutationsPlace($input: OrderPlaceInput!, $key: String!) { orderPlace(input: $input, idempotencyKey: $key) {\n  order { id number status kind syncStatus total { amount } lines { sku quantity unit unitPrice { amount } lineTotal { amount } warehouse { code } } account { code } shipTo { isDefault } }\n  command { id type status deliveries { connector status } }\n  userErrors { field message code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderMutationsProduct($sku: String!) { product(sku: $sku) { price(quantity: 3) { unitPrice { amount } total { amount } } } }"): (typeof documents)["query OrderMutationsProduct($sku: String!) { product(sku: $sku) { price(quantity: 3) { unitPrice { amount } total { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderMutationsOrder($id: ID!) { order(id: $id) { status syncStatus externalNumber lastCommand { status } } }"): (typeof documents)["query OrderMutationsOrder($id: ID!) { order(id: $id) { status syncStatus externalNumber lastCommand { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderMutationsAccount { account(code: \"C00002\") { id } }"): (typeof documents)["query OrderMutationsAccount { account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderMutationsCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status syncStatus } command { id type } userErrors { code message } } }"): (typeof documents)["mutation OrderMutationsCancel($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status syncStatus } command { id type } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderMutationsReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n    order { status lines { lineNumber quantity returnedQuantity } } command { id type } userErrors { code field } } }"): (typeof documents)["mutation OrderMutationsReturn($input: OrderReturnInput!, $key: String!) { orderReturn(input: $input, idempotencyKey: $key) {\n    order { status lines { lineNumber quantity returnedQuantity } } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderMutationsOrder2($id: ID!) { order(id: $id) { lines { lineNumber quantity } } }"): (typeof documents)["query OrderMutationsOrder2($id: ID!) { order(id: $id) { lines { lineNumber quantity } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }"): (typeof documents)["query OrderMutationsWarehouse { wh: warehouse(code: \"WH-EAST\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00401\", quantity: 10, warehouseId: $wh }] }, idempotencyKey: $key) { order { id } userErrors { code } } }"): (typeof documents)["mutation OrderMutationsOrderPlace($wh: ID!, $key: String!) { orderPlace(input: { lines: [{ sku: \"SKU-00401\", quantity: 10, warehouseId: $wh }] }, idempotencyKey: $key) { order { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderMutationsCancel2($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status lines { quantity cancelledQuantity } } userErrors { code field } } }"): (typeof documents)["mutation OrderMutationsCancel2($input: OrderCancelInput!, $key: String!) { orderCancel(input: $input, idempotencyKey: $key) { order { status lines { quantity cancelledQuantity } } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"): (typeof documents)["query OrdersAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrdersOrder on Order { id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }\n    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }\n    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }\n    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } } }"): (typeof documents)["fragment OrdersOrder on Order { id number externalNumber kind status createdAt updatedAt poNumber notes account { code } shipTo { id name isDefault }\n    subtotal { amount currencyCode } taxTotal { amount } shippingTotal { amount } total { amount currencyCode }\n    lines { lineNumber sku quantity unit unitPrice { amount currencyCode } lineTotal { amount } product { sku } warehouse { code } }\n    shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number order { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersBOrders($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ...OrdersOrder } } }"): (typeof documents)["query OrdersBOrders($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { ...OrdersOrder } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersBOrder($id: ID!) { order(id: $id) { ...OrdersOrder } }"): (typeof documents)["query OrdersBOrder($id: ID!) { order(id: $id) { ...OrdersOrder } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders { orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }\n      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }"): (typeof documents)["query OrdersOrders { orders(first: 100) { nodes { number total { amount } subtotal { amount } taxTotal { amount } shippingTotal { amount }\n      lines { lineNumber quantity unitPrice { amount } lineTotal { amount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders2($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number\n      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }\n      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }"): (typeof documents)["query OrdersOrders2($a: ID!) { orders(first: 100, filter: { accountId: $a }) { nodes { number\n      lines { lineNumber sku quantity unit unitPrice { amount } product { sku } warehouse { code } }\n      shipments { carrierCode trackingNumber shippedAt warehouse { code } } invoices { number } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersBList($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query OrdersBList($filter: OrderFilter, $after: String) { orders(first: 100, after: $after, filter: $filter) { totalCount nodes { number status kind createdAt account { code } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders3($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }"): (typeof documents)["query OrdersOrders3($d: DateTime) { orders(filter: { createdAfter: $d }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders4 { orders(filter: { createdAfter: \"yesterday\" }) { totalCount } }"): (typeof documents)["query OrdersOrders4 { orders(filter: { createdAfter: \"yesterday\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders5 { orders(filter: { accountId: \"gid://store/Order/00000000-0000-0000-0000-000000000000\" }) { totalCount } }"): (typeof documents)["query OrdersOrders5 { orders(filter: { accountId: \"gid://store/Order/00000000-0000-0000-0000-000000000000\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersProducts { products(first: 1) { edges { cursor } } }"): (typeof documents)["query OrdersProducts { products(first: 1) { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersQuotes($c: String) { quotes(first: 5, after: $c) { nodes { id } } }"): (typeof documents)["query OrdersQuotes($c: String) { quotes(first: 5, after: $c) { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders6($c: String) { orders(first: 5, after: $c) { nodes { id } } }"): (typeof documents)["query OrdersOrders6($c: String) { orders(first: 5, after: $c) { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders7 { orders(first: 100) { nodes { createdAt } } }"): (typeof documents)["query OrdersOrders7 { orders(first: 100) { nodes { createdAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders8 { orders(first: 100, reverse: true) { nodes { createdAt } } }"): (typeof documents)["query OrdersOrders8 { orders(first: 100, reverse: true) { nodes { createdAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrdersOrders9 { orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }"): (typeof documents)["query OrdersOrders9 { orders(first: 3, sortKey: NUMBER, reverse: true) { nodes { number } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationWarehouses { warehouses { nodes { id } } }"): (typeof documents)["query PaginationWarehouses { warehouses { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationProducts { products(first: 5) { nodes { id } edges { node { id } } } }"): (typeof documents)["query PaginationProducts { products(first: 5) { nodes { id } edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationProducts2 { products { nodes { id } pageInfo { hasNextPage } } }"): (typeof documents)["query PaginationProducts2 { products { nodes { id } pageInfo { hasNextPage } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PaymentMethodsAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id provider brand last4 expiryMonth expiryYear } command { id } userErrors { code field message } } }"): (typeof documents)["mutation PaymentMethodsAdd($input: PaymentMethodAddInput!, $key: String!) { paymentMethodAdd(input: $input, idempotencyKey: $key) { paymentMethod { id provider brand last4 expiryMonth expiryYear } command { id } userErrors { code field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaymentMethodsViewer { viewer { account { paymentMethods { id last4 } } } }"): (typeof documents)["query PaymentMethodsViewer { viewer { account { paymentMethods { id last4 } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaymentMethodsNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query PaymentMethodsNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PaymentMethodsOrderPlace($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"): (typeof documents)["mutation PaymentMethodsOrderPlace($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { order { id } command { id } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PaymentMethodsOrderPlaceUpper($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation PaymentMethodsOrderPlaceUpper($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PaymentMethodsOrderPlace2($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code field } } }"): (typeof documents)["mutation PaymentMethodsOrderPlace2($pm: ID!, $key: String!) { orderPlace(input: { kind: PREORDER, paymentMethodId: $pm, lines: [{ sku: \"SKU-00010\", quantity: 1 }] }, idempotencyKey: $key) { userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PaymentMethodsRemove($id: ID!, $key: String!) { paymentMethodRemove(paymentMethodId: $id, idempotencyKey: $key) { removedPaymentMethodId userErrors { code } } }"): (typeof documents)["mutation PaymentMethodsRemove($id: ID!, $key: String!) { paymentMethodRemove(paymentMethodId: $id, idempotencyKey: $key) { removedPaymentMethodId userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaymentMethodsViewer2 { viewer { account { paymentMethods { id } } } }"): (typeof documents)["query PaymentMethodsViewer2 { viewer { account { paymentMethods { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PricingAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"): (typeof documents)["query PricingAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PricingPrice($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {\n  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {\n    unitPrice { amount currencyCode } total { amount currencyCode } listUnitPrice { amount } quantity unit { code factor } source\n    breaks { minQuantity unitPrice { amount } } account { code } } } }"): (typeof documents)["query PricingPrice($sku: String!, $accountId: ID, $quantity: Int, $unit: String) {\n  product(sku: $sku) { price(accountId: $accountId, quantity: $quantity, unit: $unit) {\n    unitPrice { amount currencyCode } total { amount currencyCode } listUnitPrice { amount } quantity unit { code factor } source\n    breaks { minQuantity unitPrice { amount } } account { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PricingProducts($a: ID!, $g: ID!) { products(first: 100) { nodes { sku\n          a: price(accountId: $a, quantity: 10) { source unitPrice { amount } }\n          g: price(accountId: $g, quantity: 50) { source unitPrice { amount } }\n          l: price(quantity: 100) { source unitPrice { amount } } } } }"): (typeof documents)["query PricingProducts($a: ID!, $g: ID!) { products(first: 100) { nodes { sku\n          a: price(accountId: $a, quantity: 10) { source unitPrice { amount } }\n          g: price(accountId: $g, quantity: 50) { source unitPrice { amount } }\n          l: price(quantity: 100) { source unitPrice { amount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductMutationsUpdate($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) {\n      product { name description listPrice { amount } priceBreaks { minQuantity unitPrice { amount } } presell syncStatus } command { id } userErrors { code field } } }"): (typeof documents)["mutation ProductMutationsUpdate($input: ProductUpdateInput!, $key: String!) { productUpdate(input: $input, idempotencyKey: $key) {\n      product { name description listPrice { amount } priceBreaks { minQuantity unitPrice { amount } } presell syncStatus } command { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductMutationsProduct { product(sku: \"SKU-00123\") { id description } }"): (typeof documents)["query ProductMutationsProduct { product(sku: \"SKU-00123\") { id description } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductMutationsProduct2 { product(sku: \"SKU-00123\") { one: price { unitPrice { amount } } ten: price(quantity: 10) { unitPrice { amount } } } }"): (typeof documents)["query ProductMutationsProduct2 { product(sku: \"SKU-00123\") { one: price { unitPrice { amount } } ten: price(quantity: 10) { unitPrice { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProductMutationsSet($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { inventoryLevel { onHand reserved available restockDate warehouse { code } } command { id } userErrors { code field } } }"): (typeof documents)["mutation ProductMutationsSet($input: InventorySetInput!, $key: String!) { inventorySet(input: $input, idempotencyKey: $key) { inventoryLevel { onHand reserved available restockDate warehouse { code } } command { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductMutationsProduct3 { product(sku: \"SKU-00200\") { id } warehouse(code: \"WH-WEST\") { id } }"): (typeof documents)["query ProductMutationsProduct3 { product(sku: \"SKU-00200\") { id } warehouse(code: \"WH-WEST\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProductsFields on Product { id sku barcode name description listPrice { amount currencyCode } }"): (typeof documents)["fragment ProductsFields on Product { id sku barcode name description listPrice { amount currencyCode } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsBProduct($sku: String!) { product(sku: $sku) { ...ProductsFields } }"): (typeof documents)["query ProductsBProduct($sku: String!) { product(sku: $sku) { ...ProductsFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsBProduct2($b: String!) { product(barcode: $b) { ...ProductsFields } }"): (typeof documents)["query ProductsBProduct2($b: String!) { product(barcode: $b) { ...ProductsFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsBProduct3($id: ID!) { product(id: $id) { ...ProductsFields } }"): (typeof documents)["query ProductsBProduct3($id: ID!) { product(id: $id) { ...ProductsFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProduct {\n      sku: product(sku: \"NO-SUCH-SKU\") { id }\n      lower: product(sku: \"sku-00001\") { id }\n      barcode: product(barcode: \"0000\") { id }\n      id: product(id: \"gid://store/Product/00000000-0000-0000-0000-000000000000\") { id } }"): (typeof documents)["query ProductsProduct {\n      sku: product(sku: \"NO-SUCH-SKU\") { id }\n      lower: product(sku: \"sku-00001\") { id }\n      barcode: product(barcode: \"0000\") { id }\n      id: product(id: \"gid://store/Product/00000000-0000-0000-0000-000000000000\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProduct2($id: ID!) { product(id: $id) { id } }"): (typeof documents)["query ProductsProduct2($id: ID!) { product(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProduct3($sku: String!) { product(sku: $sku) { images { url altText } categories { slug } baseUnit { code name factor } units { code name factor } } }"): (typeof documents)["query ProductsProduct3($sku: String!) { product(sku: $sku) { images { url altText } categories { slug } baseUnit { code name factor } units { code name factor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProduct4($sku: String!) { product(sku: $sku) { specialOrder presell restricted } }"): (typeof documents)["query ProductsProduct4($sku: String!) { product(sku: $sku) { specialOrder presell restricted } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProduct5($sku: String!, $one: [ProductRelationKind!], $two: [ProductRelationKind!]) { product(sku: $sku) {\n          all: relatedProducts { kind product { sku } }\n          one: relatedProducts(kinds: $one) { kind product { sku } }\n          two: relatedProducts(kinds: $two) { kind product { sku } } } }"): (typeof documents)["query ProductsProduct5($sku: String!, $one: [ProductRelationKind!], $two: [ProductRelationKind!]) { product(sku: $sku) {\n          all: relatedProducts { kind product { sku } }\n          one: relatedProducts(kinds: $one) { kind product { sku } }\n          two: relatedProducts(kinds: $two) { kind product { sku } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsBProducts($after: String) { products(first: 100, after: $after) { nodes { sku\n        inventory { onHand reserved available } inventoryLevels { warehouse { code } onHand reserved available restockDate } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query ProductsBProducts($after: String) { products(first: 100, after: $after) { nodes { sku\n        inventory { onHand reserved available } inventoryLevels { warehouse { code } onHand reserved available restockDate } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProducts($search: String) { products(filter: { search: $search }) { totalCount } }"): (typeof documents)["query ProductsProducts($search: String) { products(filter: { search: $search }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsCategory($slug: String!) { category(slug: $slug) { id } }"): (typeof documents)["query ProductsCategory($slug: String!) { category(slug: $slug) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsCategory2($slug: String!) { category(slug: $slug) { id } }"): (typeof documents)["query ProductsCategory2($slug: String!) { category(slug: $slug) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProducts2($skus: [String!]) { products(filter: { skus: $skus }) { totalCount } }"): (typeof documents)["query ProductsProducts2($skus: [String!]) { products(filter: { skus: $skus }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProducts3 { products(filter: { categoryId: \"gid://store/Product/x\" }) { totalCount } }"): (typeof documents)["query ProductsProducts3 { products(filter: { categoryId: \"gid://store/Product/x\" }) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProducts4 { products(first: 1) { edges { cursor } } }"): (typeof documents)["query ProductsProducts4 { products(first: 1) { edges { cursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsProducts5($after: String) { products(first: 5, after: $after, sortKey: CREATED_AT) { nodes { sku } } }"): (typeof documents)["query ProductsProducts5($after: String) { products(first: 5, after: $after, sortKey: CREATED_AT) { nodes { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsViewer {\n      viewer { kind }\n      products(first: 3) { totalCount nodes { id sku price(quantity: 10) { source unitPrice { amount } } inventory { available } relatedProducts { kind } kitComponents { quantity } } }\n      product(sku: \"SKU-00001\") { sku categories { id } }\n      categories(topLevel: true) { totalCount nodes { id } }\n      category(slug: \"tools\") { slug children { slug } products(first: 1) { totalCount } }\n      warehouses { totalCount nodes { id } }\n      warehouse(code: \"WH-EAST\") { code inventoryLevels(first: 1) { totalCount } } }"): (typeof documents)["query ProductsViewer {\n      viewer { kind }\n      products(first: 3) { totalCount nodes { id sku price(quantity: 10) { source unitPrice { amount } } inventory { available } relatedProducts { kind } kitComponents { quantity } } }\n      product(sku: \"SKU-00001\") { sku categories { id } }\n      categories(topLevel: true) { totalCount nodes { id } }\n      category(slug: \"tools\") { slug children { slug } products(first: 1) { totalCount } }\n      warehouses { totalCount nodes { id } }\n      warehouse(code: \"WH-EAST\") { code inventoryLevels(first: 1) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"): (typeof documents)["query ProductsNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuoteMutationsConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) {\n    order { id status lines { sku quantity unit unitPrice { amount } } total { amount } account { code } }\n    quote { status convertedOrder { id } } command { id type } userErrors { code message } } }"): (typeof documents)["mutation QuoteMutationsConvert($id: ID!, $key: String!) { quoteConvertToOrder(input: { quoteId: $id }, idempotencyKey: $key) {\n    order { id status lines { sku quantity unit unitPrice { amount } } total { amount } account { code } }\n    quote { status convertedOrder { id } } command { id type } userErrors { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuoteMutationsQuote($id: ID!) { quote(id: $id) { lines { sku quantity unit unitPrice { amount } } } }"): (typeof documents)["query QuoteMutationsQuote($id: ID!) { quote(id: $id) { lines { sku quantity unit unitPrice { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuoteMutationsRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00031\", quantity: 12 }, { sku: \"SKU-00032\", quantity: 2 }] }, idempotencyKey: $key) {\n      quote { id number status validUntil total { amount } lines { sku quantity unitPrice { amount } lineTotal { amount } } account { code } } command { id type } userErrors { code field } } }"): (typeof documents)["mutation QuoteMutationsRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"SKU-00031\", quantity: 12 }, { sku: \"SKU-00032\", quantity: 2 }] }, idempotencyKey: $key) {\n      quote { id number status validUntil total { amount } lines { sku quantity unitPrice { amount } lineTotal { amount } } account { code } } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuoteMutationsProduct { product(sku: \"SKU-00031\") { price(quantity: 12) { unitPrice { amount } } } }"): (typeof documents)["query QuoteMutationsProduct { product(sku: \"SKU-00031\") { price(quantity: 12) { unitPrice { amount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuoteMutationsQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"NOPE\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } userErrors { code field } } }"): (typeof documents)["mutation QuoteMutationsQuoteRequest($key: String!) { quoteRequest(input: { lines: [{ sku: \"NOPE\", quantity: 1 }] }, idempotencyKey: $key) { quote { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"): (typeof documents)["query QuotesAccount { a: account(code: \"C00001\") { id } g: account(code: \"C00002\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment QuotesQuote on Quote { id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }\n    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } } }"): (typeof documents)["fragment QuotesQuote on Quote { id number status validUntil createdAt total { amount } account { code } convertedOrder { number account { code } }\n    lines { lineNumber sku quantity unit unitPrice { amount } lineTotal { amount } product { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesBQuotes($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ...QuotesQuote } } }"): (typeof documents)["query QuotesBQuotes($a: ID!) { quotes(first: 100, filter: { accountId: $a }) { totalCount nodes { ...QuotesQuote } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesBQuote($id: ID!) { quote(id: $id) { ...QuotesQuote } }"): (typeof documents)["query QuotesBQuote($id: ID!) { quote(id: $id) { ...QuotesQuote } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesBList($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query QuotesBList($filter: QuoteFilter, $after: String) { quotes(first: 100, after: $after, filter: $filter) { nodes { number status account { code } convertedOrder { number account { code } } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReadinessProducts { products(first: 5) { nodes { sku inventory { onHand } } } }"): (typeof documents)["query ReadinessProducts { products(first: 5) { nodes { sku inventory { onHand } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReservationCapsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code field } } }"): (typeof documents)["mutation ReservationCapsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) { reservation { id } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReservationCapsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { userErrors { code } } }"): (typeof documents)["mutation ReservationCapsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReservationCapsAllowance { stockReservationAllowance { activeReservations unitsHeld maxActiveReservations maxUnitsHeld maxMinutes } }"): (typeof documents)["query ReservationCapsAllowance { stockReservationAllowance { activeReservations unitsHeld maxActiveReservations maxUnitsHeld maxMinutes } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReservationCapsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }"): (typeof documents)["query ReservationCapsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StockReservationsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) {\n  reservation { id reference status expiresAt lines { product { sku } warehouse { code } quantity } } command { id type } userErrors { code field } } }"): (typeof documents)["mutation StockReservationsReserve($input: StockReserveInput!, $key: String!) { stockReserve(input: $input, idempotencyKey: $key) {\n  reservation { id reference status expiresAt lines { product { sku } warehouse { code } quantity } } command { id type } userErrors { code field } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StockReservationsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { reservation { status } userErrors { code } } }"): (typeof documents)["mutation StockReservationsRelease($id: ID!, $key: String!) { stockReservationRelease(id: $id, idempotencyKey: $key) { reservation { status } userErrors { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StockReservationsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }"): (typeof documents)["query StockReservationsProduct($id: ID!) { product(id: $id) { inventoryLevels { available warehouse { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StockReservationsStockReservation($id: ID!) { stockReservation(id: $id) { status } }"): (typeof documents)["query StockReservationsStockReservation($id: ID!) { stockReservation(id: $id) { status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n"): (typeof documents)["\n  mutation TestSignIn($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } userErrors { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WriteHarnessCommand($id: ID!) { command(id: $id) { id type status attempts lastError nextAttemptAt deliveries { connector status attempts lastError reference } } }\n"): (typeof documents)["\n  query WriteHarnessCommand($id: ID!) { command(id: $id) { id type status attempts lastError nextAttemptAt deliveries { connector status attempts lastError reference } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncTestConnectors {\n    connectors { name syncs { domain schedule runningSince lastRunAt lastSuccessAt itemsApplied errors lastError nextRunAt } }\n  }\n"): (typeof documents)["\n  query SyncTestConnectors {\n    connectors { name syncs { domain schedule runningSince lastRunAt lastSuccessAt itemsApplied errors lastError nextRunAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncTestAccountAndStockSource($code: String!, $sku: String!) {\n    account(code: $code) { code source { connector syncedAt } }\n    product(sku: $sku) { inventoryLevels { onHand warehouse { code } source { connector syncedAt } } }\n  }\n"): (typeof documents)["\n  query SyncTestAccountAndStockSource($code: String!, $sku: String!) {\n    account(code: $code) { code source { connector syncedAt } }\n    product(sku: $sku) { inventoryLevels { onHand warehouse { code } source { connector syncedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncTestProductSource($sku: String!) { product(sku: $sku) { sku source { connector syncedAt } inventoryLevels { source { connector } } } }\n"): (typeof documents)["\n  query SyncTestProductSource($sku: String!) { product(sku: $sku) { sku source { connector syncedAt } inventoryLevels { source { connector } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TracingOff { products(first: 2) { nodes { sku } } }"): (typeof documents)["query TracingOff { products(first: 2) { nodes { sku } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogPage { products(first: 3) { nodes { sku } } product(sku: \"SKU-00002\") { name } }"): (typeof documents)["query CatalogPage { products(first: 3) { nodes { sku } } product(sku: \"SKU-00002\") { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogWhileDown { product(sku: \"SKU-00003\") { name } }"): (typeof documents)["query CatalogWhileDown { product(sku: \"SKU-00003\") { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerViewer { viewer { kind scopes account { code } } }"): (typeof documents)["query ViewerViewer { viewer { kind scopes account { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouses { warehouses { totalCount nodes { code name address { line1 line2 city region postalCode countryCode } } } }"): (typeof documents)["query WarehousesWarehouses { warehouses { totalCount nodes { code name address { line1 line2 city region postalCode countryCode } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouse { warehouse(code: \"WH-WEST\") { id code name } }"): (typeof documents)["query WarehousesWarehouse { warehouse(code: \"WH-WEST\") { id code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouse2($id: ID!) { warehouse(id: $id) { id code name } }"): (typeof documents)["query WarehousesWarehouse2($id: ID!) { warehouse(id: $id) { id code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouse3 { warehouse(code: \"WH-NOPE\") { id } }"): (typeof documents)["query WarehousesWarehouse3 { warehouse(code: \"WH-NOPE\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouse4 { warehouse { id } }"): (typeof documents)["query WarehousesWarehouse4 { warehouse { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesWarehouse5($code: String!) { warehouse(code: $code) { id } }"): (typeof documents)["query WarehousesWarehouse5($code: String!) { warehouse(code: $code) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarehousesBWarehouse($id: ID!, $after: String, $available: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, after: $after, filter: { available: $available }) {\n          nodes { product { sku } warehouse { code } onHand reserved available } pageInfo { hasNextPage endCursor } } } }"): (typeof documents)["query WarehousesBWarehouse($id: ID!, $after: String, $available: Boolean) { warehouse(id: $id) { inventoryLevels(first: 100, after: $after, filter: { available: $available }) {\n          nodes { product { sku } warehouse { code } onHand reserved available } pageInfo { hasNextPage endCursor } } } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;