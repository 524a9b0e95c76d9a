// The one polling helper lives with the stack scripts; tests import it from here by habit.
export { waitFor } from "@bakery/stack/wait-until";
