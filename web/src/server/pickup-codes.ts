/** Pickup codes avoid look-alike characters (0/O, 1/I, 5/S, 8/B) so they can be read out loud. */
export const PICKUP_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY234679";
/** 27^4 = 531,441 codes a day at this length: plenty for a bakery, used up in minutes by a flood. */
export const SHORTEST_PICKUP_CODE = 4;
/** Tries at one length before a longer code: two taken codes in a row say the day is filling up. */
const TRIES_PER_LENGTH = 2;

export const pickupCodeFrom = (random: () => number, length = SHORTEST_PICKUP_CODE): string =>
  Array.from({ length }, () => PICKUP_ALPHABET[Math.floor(random() * PICKUP_ALPHABET.length)]).join("");

/**
 * Draws pickup codes, unique per UTC day (a unique index on `day:code` decides). A day's codes
 * never run out: a code that is taken is retried, and after two taken codes of one length
 * the next try is a character longer (27 times the room). An order that needed a longer code
 * makes this process start at its length for the rest of that day, so a full day does not pay for
 * its taken short codes on every order. Each day starts short again.
 */
export function createPickupCodes(random: () => number) {
  let day = "";
  let shortest = SHORTEST_PICKUP_CODE;
  const lengthFor = (attempt: number) => shortest + Math.floor((attempt - 1) / TRIES_PER_LENGTH);
  const onDay = (forDay: string) => {
    if (forDay === day) return;
    day = forDay;
    shortest = SHORTEST_PICKUP_CODE;
  };
  return {
    /** The code to try on the `attempt`-th try (from 1) for an order of `forDay`. */
    draw(forDay: string, attempt: number): string {
      onDay(forDay);
      return pickupCodeFrom(random, lengthFor(attempt));
    },
    /** `code` was free and is now the order's: a longer code than the shortest says the day is filling up. */
    stored(forDay: string, code: string): void {
      onDay(forDay);
      shortest = Math.max(shortest, code.length);
    },
  };
}
export type PickupCodes = ReturnType<typeof createPickupCodes>;
