/** Every PATCH/PUT route's recipe, by `METHOD /api/path` as the OpenAPI description names it. */
import type { Recipe } from '../recipe';
import { ABROAD_RECIPES } from './abroad';
import { CATALOGUE_RECIPES } from './catalogue';
import { CLASSES_RECIPES } from './classes';
import { DOCUMENTS_RECIPES } from './documents';
import { PEOPLE_RECIPES } from './people';
import { PLANS_RECIPES } from './plans';

export const RECIPES: Record<string, Recipe> = {
  ...PEOPLE_RECIPES,
  ...CATALOGUE_RECIPES,
  ...PLANS_RECIPES,
  ...CLASSES_RECIPES,
  ...ABROAD_RECIPES,
  ...DOCUMENTS_RECIPES,
};
