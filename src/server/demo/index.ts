export { builtInCodeItems, seedCodeLists } from '../modules/codes/seed-codes';
export { createDemoUsers, DEMO_COMMUNE, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './demo-users';
export { type GenerateOptions, type GenerateResult, generatePeople } from './generate';
export { buildDemoOrgTree, type DemoTree } from './org-tree';
export { isDatabaseEmpty, type SeedDemoOptions, seedDemo } from './seed-demo';
