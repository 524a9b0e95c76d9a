import type { Collection } from "mongodb";
import { recipesOf, type ItemType, type Recipe } from "../menu";
import { insertNew } from "../mongo";

export type RecipeDoc = Recipe & { _id: number };

/** Seeds the station's own recipes (an operator may change them later) and reads them. */
export async function loadRecipes(collection: Collection<RecipeDoc>, type: ItemType): Promise<Map<number, Recipe>> {
  await insertNew(
    collection,
    recipesOf(type).map((recipe) => ({ _id: recipe.id, ...recipe })),
  );
  const docs = await collection.find({}).toArray();
  return new Map(docs.map(({ id, name, prepSeconds }) => [id, { id, name, prepSeconds }]));
}
