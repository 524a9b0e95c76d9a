import { z } from "zod";

export const ItemType = z.enum(["FOOD", "DRINK"]);
export type ItemType = z.infer<typeof ItemType>;

export const MenuItem = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  type: ItemType,
  prepSeconds: z.number().nonnegative(),
  priceCents: z.number().int().nonnegative(),
  description: z.string(),
});
export type MenuItem = z.infer<typeof MenuItem>;

/** The original eight items of the Flask demo, with prices and descriptions added. */
export const MENU_SEED: readonly MenuItem[] = [
  {
    id: 1,
    name: "Batata Frita",
    type: "FOOD",
    prepSeconds: 5,
    priceCents: 1290,
    description: "Crisp golden fries, sea salt and a touch of paprika.",
  },
  {
    id: 2,
    name: "Coca",
    type: "DRINK",
    prepSeconds: 5,
    priceCents: 690,
    description: "Ice-cold cola over plenty of ice and a slice of lime.",
  },
  {
    id: 3,
    name: "Big Mac",
    type: "FOOD",
    prepSeconds: 4,
    priceCents: 2490,
    description: "Two patties, special sauce, lettuce, cheese, pickles, onions.",
  },
  {
    id: 4,
    name: "Tequila",
    type: "DRINK",
    prepSeconds: 4,
    priceCents: 1890,
    description: "A neat shot of blanco tequila with salt and lime.",
  },
  {
    id: 5,
    name: "Hot Dog",
    type: "FOOD",
    prepSeconds: 1,
    priceCents: 1190,
    description: "Grilled sausage in a soft bun with mustard and relish.",
  },
  {
    id: 6,
    name: "Torta de limão",
    type: "FOOD",
    prepSeconds: 8,
    priceCents: 1590,
    description: "Lemon tart with a buttery crust and toasted meringue.",
  },
  {
    id: 7,
    name: "Pizza",
    type: "FOOD",
    prepSeconds: 2,
    priceCents: 3290,
    description: "Wood-fired margherita: tomato, mozzarella and basil.",
  },
  {
    id: 8,
    name: "Pitu",
    type: "DRINK",
    prepSeconds: 1,
    priceCents: 990,
    description: "Brazilian cachaça, served chilled.",
  },
];

/** A station's own copy of what it prepares: the recipe, not the price. */
export const Recipe = MenuItem.pick({ id: true, name: true, prepSeconds: true });
export type Recipe = z.infer<typeof Recipe>;

export const recipesOf = (type: ItemType): Recipe[] =>
  MENU_SEED.filter((item) => item.type === type).map(({ id, name, prepSeconds }) => ({ id, name, prepSeconds }));
