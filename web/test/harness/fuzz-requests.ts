import fc from "fast-check";

/** What the fuzz test sends: one request to one route of the API. */
export type FuzzRequest = {
  /** The route as the README names it, for the per-route counts. */
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** null: no Content-Type header at all. */
  contentType: string | null;
  body?: string;
};

/** What the generators need to know of the bakery under test: real ids reach deeper code than made-up ones. */
export type FuzzTargets = {
  orderIds: readonly string[];
  itemIds: readonly string[];
  /** An active staff session's cookie (never signed out by the fuzz). */
  staffCookie: string;
  /** Sessions the fuzz may sign out. */
  spareCookies: readonly string[];
  staffPassword: string;
  /** The host the harness sends requests to: an Origin of it is same-origin. */
  host: string;
};

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Percent-encodes like a browser would; a lone surrogate (which no URL can carry) becomes U+FFFD,
 * and a segment of only "." or ".." (which URLs resolve before any route is chosen, encoded or
 * not) gets a character in front.
 */
const encode = (text: string): string => {
  const encoded = encodeURIComponent(text.replace(LONE_SURROGATE, "\ufffd"));
  return encoded === "." || encoded === ".." ? `_${encoded}` : encoded;
};

// --- values ---------------------------------------------------------------------------------

/** Characters a header value can carry over HTTP (no CR, LF or NUL; bytes above 0x7f as Latin-1). */
const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((code) => code !== 0x7f)
  .map((code) => String.fromCharCode(code));
const headerText = (maxLength = 64) => fc.string({ unit: headerChar, maxLength });

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) });
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }), // any code point, lone surrogates included
  fc.string({ unit: "grapheme" }),
  controlChars,
  fc.string({ minLength: 500, maxLength: 3000 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e\u0000evil",
    "null",
    "undefined",
    "../../etc/passwd",
    "$where",
    "$gt",
    "__proto__",
    "constructor",
    "%00",
    "%2F",
    "🥐🥐🥐",
    "<script>alert(1)</script>",
    "'; DROP TABLE orders; --",
    "\ud800",
    "a".repeat(61),
  ),
);

const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.constantFrom(0, -0, 1, -1, 20, 21, 50, 51, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 0.5, 1e-7),
);

/** MongoDB query and update operators, where a value is expected. */
const mongoOperator = fc.oneof(
  fc.constant({ $gt: "" }),
  fc.constant({ $ne: null }),
  fc.constant({ $where: "sleep(5000) || true" }),
  fc.constant({ $regex: ".*" }),
  fc.constant({ $in: [1, 2, 3] }),
  fc.constant({ $exists: true }),
  fc.constant({ $expr: { $eq: [1, 1] } }),
  fc.constant({ $set: { status: "COLLECTED" } }),
  fc.constant({ $function: { body: "function(){return true}", args: [], lang: "js" } }),
  fc.record({ $gt: oddNumber }),
);

/** Any JSON value, with operators and odd strings and numbers anywhere, a few levels deep. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    oddText,
    oddNumber,
    fc.boolean(),
    fc.constant(null),
    mongoOperator,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(oddText, fc.constantFrom("$where", "$gt", "__proto__", "items", "password")), tie("value"), {
      maxKeys: 4,
    }),
  ),
})).value;

// --- bodies ---------------------------------------------------------------------------------

/** One field of `body` replaced, dropped, or one key added (an operator, a stranger). */
const mutated = (body: Record<string, unknown>): fc.Arbitrary<unknown> => {
  const keys = Object.keys(body);
  return fc.oneof(
    keys.length === 0
      ? fc.constant(body)
      : fc.tuple(fc.constantFrom(...keys), anyValue).map(([key, value]) => ({ ...body, [key]: value })),
    keys.length === 0
      ? fc.constant(body)
      : fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))),
    fc
      .tuple(fc.oneof(fc.constantFrom("$where", "$set", "__proto__", "constructor", "extra"), oddText), anyValue)
      .map(([key, value]) => ({ ...body, [key]: value })),
  );
};

/** Raw text no JSON.stringify would write: duplicate keys, deep nesting, numbers JSON cannot hold, broken JSON. */
const rawText = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    // Duplicate keys: the last one wins in JSON.parse; the first one looks valid.
    fc
      .tuple(anyValue, fc.constantFrom(true, false))
      .map(([value, before]) =>
        before
          ? valid.replace(/^\{"(\w+)":/, (_all, key: string) => `{"${key}":${JSON.stringify(value)},"${key}":`)
          : valid.replace(/\}$/, `,"${/"(\w+)"/.exec(valid)?.[1] ?? "a"}":${JSON.stringify(value)}}`),
      ),
    fc.integer({ min: 100, max: 8000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    fc.integer({ min: 100, max: 3000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
    fc.constantFrom("1e400", "-1e400", "123456789012345678901234567890", "0.0000000000000000000000000001e-400"),
    fc.constantFrom(
      valid.replace(/\d+/, "1e400"),
      valid.replace(/\d+/, "123456789012345678901234567890"),
      valid.replace(/\d+/, "-0"),
    ),
    fc.constantFrom("", "null", "true", "[]", "{}", '"text"', "{", '{"a":', "\ufeff" + valid, valid.slice(0, -1)),
    fc.integer({ min: 16 * 1024, max: 40 * 1024 }).map((size) => `{"customerName":"${"x".repeat(size)}"}`),
    oddText,
  );

/** A body for a route that takes `valid`: valid as is sometimes (to reach deeper code), mostly broken somehow. */
const bodyFor = (valid: Record<string, unknown> | undefined): fc.Arbitrary<string | undefined> => {
  const base = valid ?? {};
  const text = JSON.stringify(base);
  return fc.oneof(
    { arbitrary: fc.constant(valid === undefined ? undefined : text), weight: 2 },
    { arbitrary: mutated(base).map((body) => JSON.stringify(body)), weight: 4 },
    { arbitrary: anyValue.map((body) => JSON.stringify(body) ?? "null"), weight: 2 },
    { arbitrary: rawText(text), weight: 3 },
  );
};

// --- headers and paths ----------------------------------------------------------------------

const contentType = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 20 },
  {
    arbitrary: fc.constantFrom(
      null,
      "",
      "text/plain",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "application/jsonp",
      "application/json, text/plain",
      "text/plain; application/json",
      "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded",
      "application/vnd.api+json",
    ),
    weight: 5,
  },
  { arbitrary: headerText(), weight: 1 },
);

const origin = (host: string) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 10 },
    { arbitrary: fc.constantFrom(`http://${host}`, `https://${host}`), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        "null",
        "https://evil.example",
        `http://${host}.evil.example`,
        `http://evil.example/${host}`,
        "file://",
        "http://",
        "javascript:alert(1)",
      ),
      weight: 1,
    },
    { arbitrary: headerText(), weight: 1 },
  );

const secFetchSite = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 10 },
  { arbitrary: fc.constantFrom("same-origin", "none", "same-site", "cross-site", "SAME-ORIGIN", ""), weight: 2 },
  { arbitrary: headerText(20), weight: 1 },
);

const idempotencyKey = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[\w.:-]{8,200}$/),
  headerText(300),
  fc.constantFrom(
    "",
    "short",
    "a".repeat(201),
    "a".repeat(5000),
    "key with spaces ok?",
    // What a UTF-8 key looks like to the server: its bytes, read as Latin-1.
    Buffer.from("ключ-идемпотентности").toString("latin1"),
  ),
);

const forwardedFor = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.oneof(fc.ipV4(), fc.ipV6()), weight: 2 },
  { arbitrary: headerText(80), weight: 1 },
);

/** A path segment: real ids, made-up ones, odd text percent-encoded (so `/` arrives as an encoded slash). */
const segment = (real: readonly string[]) =>
  fc.oneof(
    { arbitrary: real.length ? fc.constantFrom(...real) : fc.constant("none"), weight: 3 },
    { arbitrary: fc.base64String({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[+/=]/g, "_")), weight: 2 },
    { arbitrary: oddText.filter((s) => s.length > 0).map(encode), weight: 3 },
    // Not "..", "." or "%2E%2E": URLs resolve those before any route is chosen.
    { arbitrary: fc.constantFrom("a%2Fb", "%2F", "%252F", "%00", "x".repeat(3000), "1e3", "-1", "0x10"), weight: 2 },
  );

const cookieFor = (targets: FuzzTargets, valid: fc.Arbitrary<string>) =>
  fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.oneof(
        headerText(200),
        fc.constantFrom(
          "bakery_staff=",
          "bakery_staff=a.b.c",
          "bakery_staff=a.9999999999999.c",
          `${targets.staffCookie}x`,
          targets.staffCookie.replace(/\.(\d+)\./, (_all, expires: string) => `.${Number(expires) + 1}.`),
        ),
      ),
      weight: 2,
    },
  );

// --- routes ---------------------------------------------------------------------------------

type RouteShape = {
  route: string;
  /** No input but its headers: a GET of a fixed path. */
  headersOnly?: boolean;
  method: string;
  path: fc.Arbitrary<string>;
  body?: Record<string, unknown>;
  staff?: boolean;
  idempotent?: boolean;
};

/** Every route and method of the API, with a path generator and the body it would accept. */
function routeShapes(t: FuzzTargets): RouteShape[] {
  const order = segment(t.orderIds);
  const item = segment(t.itemIds);
  const station = fc.oneof(fc.constantFrom("KITCHEN", "BAR", "kitchen", "GRILL"), segment([]));
  const menuItem = fc.oneof(fc.integer({ min: 1, max: 8 }).map(String), segment([]));
  const validOrder = { customerName: "Fuzz", items: [{ menuItemId: 1, quantity: 1 }] };
  const legacyQuery = fc.oneof(
    fc.nat().map((n) => `orderId=${n}`),
    oddText.map((s) => `orderId=${encode(s)}`),
    fc.constantFrom("", "orderId=", "orderId=1&orderId=2", "orderId=1&x=$where", "orderId[$gt]=0", "orderId=1e3"),
  );
  return [
    { route: "GET /api/menu", headersOnly: true, method: "GET", path: fc.constant("/api/menu") },
    { route: "GET /api/menu/events", headersOnly: true, method: "GET", path: fc.constant("/api/menu/events") },
    { route: "GET /api/metrics", headersOnly: true, method: "GET", path: fc.constant("/api/metrics") },
    { route: "GET /api/health", headersOnly: true, method: "GET", path: fc.constant("/api/health") },
    { route: "POST /api/orders", method: "POST", path: fc.constant("/api/orders"), body: validOrder, idempotent: true },
    { route: "GET /api/orders/:id", method: "GET", path: order.map((id) => `/api/orders/${id}`) },
    { route: "GET /api/orders/:id/events", method: "GET", path: order.map((id) => `/api/orders/${id}/events`) },
    { route: "POST /api/orders/:id/cancel", method: "POST", path: order.map((id) => `/api/orders/${id}/cancel`) },
    {
      route: "POST /api/orders/:id/items/:itemId/decision",
      method: "POST",
      path: fc.tuple(order, item).map(([id, itemId]) => `/api/orders/${id}/items/${itemId}/decision`),
      body: { action: "substitute", menuItemId: 3 },
    },
    {
      route: "POST /api/order",
      method: "POST",
      path: fc.constant("/api/order"),
      body: { orderId: 1, items: [{ id: 1, type: "FOOD" }] },
    },
    { route: "GET /api/order", method: "GET", path: legacyQuery.map((query) => `/api/order?${query}`) },
    {
      route: "POST /api/staff/session",
      method: "POST",
      path: fc.constant("/api/staff/session"),
      body: { password: t.staffPassword },
    },
    { route: "DELETE /api/staff/session", method: "DELETE", path: fc.constant("/api/staff/session"), staff: true },
    {
      route: "GET /api/staff/board",
      headersOnly: true,
      method: "GET",
      path: fc.constant("/api/staff/board"),
      staff: true,
    },
    {
      route: "GET /api/staff/events",
      headersOnly: true,
      method: "GET",
      path: fc.constant("/api/staff/events"),
      staff: true,
    },
    {
      route: "GET /api/staff/stations",
      headersOnly: true,
      method: "GET",
      path: fc.constant("/api/staff/stations"),
      staff: true,
    },
    {
      route: "POST /api/staff/orders/:id/collect",
      method: "POST",
      path: order.map((id) => `/api/staff/orders/${id}/collect`),
      staff: true,
    },
    {
      route: "POST /api/staff/orders/:id/cancel",
      method: "POST",
      path: order.map((id) => `/api/staff/orders/${id}/cancel`),
      body: { reason: "fuzz" },
      staff: true,
    },
    {
      route: "PUT /api/staff/stock/:menuItemId",
      method: "PUT",
      path: menuItem.map((id) => `/api/staff/stock/${id}`),
      body: { portions: 5 },
      staff: true,
    },
    {
      route: "POST /api/staff/stations/:station/pause",
      method: "POST",
      path: station.map((name) => `/api/staff/stations/${name}/pause`),
      staff: true,
    },
    {
      route: "POST /api/staff/stations/:station/resume",
      method: "POST",
      path: station.map((name) => `/api/staff/stations/${name}/resume`),
      staff: true,
    },
  ];
}

/** A route with no input but its headers (a GET of a fixed path) gets a third of the tries of one with a body or ids. */
const weightOf = (shape: RouteShape) => (shape.headersOnly ? 1 : 3);

/** Every route, and the share of the generated requests it gets. */
export const fuzzRoutes = (targets: FuzzTargets): { route: string; share: number }[] => {
  const shapes = routeShapes(targets);
  const total = shapes.reduce((sum, shape) => sum + weightOf(shape), 0);
  return shapes.map((shape) => ({ route: shape.route, share: weightOf(shape) / total }));
};

/** One generated request to any route of the API. */
export function fuzzRequest(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    ...routeShapes(targets).map((shape) => ({ weight: weightOf(shape), arbitrary: requestTo(shape, targets) })),
  );
}

function requestTo(shape: RouteShape, targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  // A sign-out may end only a spare session: the fuzz keeps its own.
  const validCookie = fc.constantFrom(...(shape.method === "DELETE" ? targets.spareCookies : [targets.staffCookie]));
  return fc
    .record({
      path: shape.path,
      body: shape.method === "GET" ? fc.constant(undefined) : bodyFor(shape.body),
      contentType: shape.method === "GET" ? fc.option(contentType, { freq: 5 }) : contentType,
      origin: origin(targets.host),
      secFetchSite,
      key: shape.idempotent ? idempotencyKey : fc.constant(undefined),
      cookie: shape.staff ? cookieFor(targets, validCookie) : fc.option(headerText(100), { freq: 8 }),
      forwardedFor,
    })
    .map(({ path, body, contentType: type, origin: from, secFetchSite: site, key, cookie, forwardedFor: ip }) => ({
      route: shape.route,
      method: shape.method,
      path,
      contentType: type ?? null,
      ...(body === undefined ? {} : { body }),
      headers: Object.fromEntries(
        Object.entries({
          origin: from,
          "sec-fetch-site": site,
          "idempotency-key": key,
          cookie: cookie ?? undefined,
          "x-forwarded-for": ip,
        }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    }));
}
