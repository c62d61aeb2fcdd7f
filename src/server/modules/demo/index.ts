export { DEMO_COMMUNE, DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin, createDemoUsers } from './demo-users';
export { type GenerateOptions, type GenerateResult, generatePeople } from './generate';
export { type DemoTree, buildDemoOrgTree } from './org-tree';
export { builtInCodeItems, seedCodeLists } from './seed-codes';
export { type SeedDemoOptions, isDatabaseEmpty, seedDemo } from './seed-demo';
